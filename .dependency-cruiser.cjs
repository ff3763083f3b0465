/**
 * The layer rules of the house (README, "How it is built"), checked by `npm run check:layers` in CI.
 * Type-only imports count: a layer that names another's types depends on it as much as one that calls it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-outer-layer",
      comment:
        "src/core holds the message types, the pipeline and the ports it needs; services, handlers, render and the " +
        "platform adapters implement or use them, never the other way round. Declare an interface in src/core/ports " +
        "and let the composition root (src/app.ts) pass the implementation.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^(src/(services|render|platforms|db|http|generated)|handlers|jobs)/|^src/app[.]ts$" },
    },
    {
      name: "handlers-know-no-platform",
      comment:
        "A handler reads a parsed command, calls a service and returns a reply; the adapter speaks to Slack or Zalo.",
      severity: "error",
      from: { path: "^handlers/" },
      to: { path: "^src/platforms/|(^|/)node_modules/(@slack|axios)/" },
    },
    {
      name: "pure-modules-do-no-io",
      comment:
        "src/language, src/calendar and src/scheduling decide from their arguments alone (and `now` passed in), so " +
        "they are tested without a database, a queue or a network.",
      severity: "error",
      from: { path: "^src/(language|calendar|scheduling)/" },
      to: {
        path: [
          "^src/(services|platforms|db|http|generated)/",
          "^jobs/",
          "(^|/)node_modules/(@prisma|prisma|@electric-sql|pg|pglite-prisma-adapter|ioredis|bullmq|axios|@slack)/",
          "^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|tls)$",
        ],
      },
    },
    {
      name: "no-circular",
      comment: "A cycle makes two modules one; split out what both need (types into their own file).",
      severity: "error",
      from: { path: "^(src|handlers|jobs)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".js"],
    },
  },
};
