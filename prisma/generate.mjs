// Runs `prisma generate` (postinstall). Prisma's CLI downloads its schema engine before every command, even though
// generating the client does not use it. Where that download is blocked (offline machines, locked-down CI), retry
// with PRISMA_SCHEMA_ENGINE_BINARY pointing at an existing file so the CLI skips the download; elsewhere leave Prisma alone.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (env) =>
  spawnSync("npx", ["--no-install", "prisma", "generate"], {
    env,
    encoding: "utf8",
    shell: process.platform === "win32",
  });

// A production install (`npm ci --omit=dev`) has no Prisma CLI: it runs the build, whose client was generated then.
if (!existsSync(new URL("../node_modules/prisma/package.json", import.meta.url))) {
  console.error("prisma generate: skipped (no Prisma CLI in a production install; dist/ carries the client)");
  process.exit(0);
}

let result = run(process.env);
const output = `${result.stdout}${result.stderr}`;
if (result.status !== 0 && /binaries\.prisma\.sh|schema-engine|ENOTFOUND|ECONNREFUSED|EAI_AGAIN/.test(output)) {
  console.error("prisma generate: engine download unavailable, generating without it");
  result = run({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
}
process.stdout.write(result.stdout ?? "");
process.stderr.write(result.stderr ?? "");
process.exit(result.status ?? 1);
