/**
 * `npm run bench`: the four scenarios of issue 7, each beside a baseline run in the same process run, printed as a
 * table and written to bench/results/latest.json. `npm run bench -- --quick` runs a tenth of the sizes.
 * `--only commands,pings,summaries,memory` picks scenarios (a partial run does not write latest.json).
 * Needs PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL; defaults as the tests'); every scenario uses its
 * own database and Redis prefix and removes them.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { benchCommands } from "./commands.js";
import { type BenchFigure, formatTable } from "./lib/result.js";
import { benchMemory } from "./memory.js";
import { benchPings } from "./pings.js";
import { benchSummaries } from "./summaries.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg ? (onlyArg.split("=")[1] ?? args[args.indexOf(onlyArg) + 1] ?? "").split(",") : undefined;
const scale = quick ? 0.1 : 1;
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const scenarios: Record<string, () => Promise<BenchFigure[]>> = {
  commands: () =>
    benchCommands({ rate: 200, fixedSeconds: quick ? 4 : 30, closedSeconds: quick ? 3 : 15, concurrency: 32, log }),
  pings: () =>
    benchPings({
      channels: Math.round(1000 * scale),
      tasksPerChannel: 100,
      spreadMs: quick ? 30_000 : 180_000,
      leadMs: quick ? 12_000 : 45_000,
      drainMs: quick ? 30_000 : 180_000,
      log,
    }),
  summaries: () =>
    benchSummaries({ channels: Math.round(1000 * scale), tasksPerChannel: 100, timeoutMs: 300_000, log }),
  memory: () => benchMemory({ tasks: Math.round(100_000 * scale), timeoutMs: quick ? 120_000 : 900_000, log }),
};

const figures: BenchFigure[] = [];
for (const [name, run] of Object.entries(scenarios)) {
  if (only && !only.includes(name)) continue;
  log(`${name}: starting`);
  try {
    figures.push(...(await run()));
  } catch (error) {
    log(`${name}: FAILED ${(error as Error).stack ?? error}`);
    figures.push({
      name: `${name}: run failed`,
      value: null,
      unit: "",
      baseline: null,
      ratio: null,
      target: "runs",
      met: false,
    });
  }
}
const seconds = (Date.now() - started) / 1000;
console.log(
  `\nRõ Việc bench (${quick ? "quick, a tenth of the sizes" : "full"}), ${new Date().toISOString()}, ${seconds.toFixed(0)} s\n`,
);
console.log(formatTable(figures));
if (!only) {
  const dir = new URL("./results/", import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL(quick ? "quick.json" : "latest.json", dir), `${JSON.stringify(figures, null, 2)}\n`);
}
process.exit(figures.some((f) => f.met === false) ? 1 : 0);
