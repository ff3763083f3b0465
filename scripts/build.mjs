// `npm run build`: compiles the bot to dist/ (tsc, tsconfig.build.json) and copies what it reads at run time beside
// it: the migrations, which src/db/deploy-migrations.ts finds at ../../prisma/migrations from its own file.
import { spawnSync } from "node:child_process";
import { cp, rm } from "node:fs/promises";

await rm("dist", { recursive: true, force: true });
const tsc = spawnSync("npx", ["--no-install", "tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
await cp("prisma/migrations", "dist/prisma/migrations", { recursive: true });
console.log("build: dist/src/main.js (start with `npm run start:prod` or `node dist/src/main.js`)");
