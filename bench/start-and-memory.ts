/**
 * `npx tsx bench/start-and-memory.ts [runs]`: start time and memory of an empty worker, run from source (tsx, what
 * `npm start` does) against the same code compiled first (`npm run build`, then `node dist/src/main.js`).
 *
 * One memory measure for every figure: the resident set size of the bot's own Node process, read from its own
 * /metrics (`roviec_process_resident_memory_bytes`, prom-client's process collector), never of npm or a wrapper
 * around it. Start time: spawn → the first 200 from /readyz (database migrated, Redis and the workers running).
 * Each run gets its own PostgreSQL database and Redis prefix. Needs `npm run build` first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createOwnDatabase, freePort } from "../test/ops/own-services.js";

const runs = Number(process.argv[2] ?? 3);
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const ways = {
  "from source (tsx)": ["--import", "tsx", "src/main.ts"],
  "compiled (node dist)": ["dist/src/main.js"],
} as const;

async function measure(args: readonly string[]): Promise<{ startMs: number; rssMb: number }> {
  const database = await createOwnDatabase();
  const port = await freePort();
  // real time: a benchmark of wall-clock start time.
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...args], {
    env: {
      PATH: process.env.PATH ?? "",
      ENV_FILE: "/dev/null",
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `bench-start-${randomBytes(4).toString("hex")}`,
      ROLE: "worker",
      PORT: String(port),
      LOG_LEVEL: "silent",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-signing-secret",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    },
    stdio: "ignore",
  });
  try {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const startMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // settle: start-up garbage collected
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const rss = /^roviec_process_resident_memory_bytes\{[^}]*\} (\d+)/m.exec(metrics)?.[1];
    return { startMs, rssMb: Number(rss) / 1024 / 1024 };
  } finally {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
    await database.drop();
  }
}

if (!existsSync("dist/src/main.js")) throw new Error("run npm run build first");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(`| way of running | start to ready, median of ${runs} (ms) | RSS of the bot's process, median (MB) |`);
console.log("|---|---|---|");
for (const [name, args] of Object.entries(ways)) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(args));
  const start = median(results.map((r) => r.startMs));
  const rss = median(results.map((r) => r.rssMb));
  console.log(`| ${name} | ${Math.round(start)} | ${rss.toFixed(0)} |`);
}
process.exit(0);
