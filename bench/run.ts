/**
 * `npm run bench`: the four scenarios of issue 7, each beside a baseline run in the same process run, printed as a
 * table and written to bench/results/latest.json. `npm run bench -- --quick` runs a tenth of the sizes.
 * `--only commands,pings,summaries,memory` runs some scenarios and replaces only their figures in the JSON.
 * `--webs N --workers N` also runs the app as N ROLE=web copies behind one port and N ROLE=worker processes
 * (scenarios commands-multi and pings-multi), printed beside the one-process figures.
 * Needs PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL; defaults as the tests'); every scenario uses its
 * own database and Redis prefix and removes them. Each scenario runs in a process of its own (this file with
 * `--scenario`), so that one scenario's heap and leftovers do not weigh on the next: after the commands scenario the
 * process held close to 1 GB, and the pings that followed it in the same process came out a second later.
 */
import { fork } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { benchCommands } from "./commands.js";
import { type BenchFigure, formatTable, machineSpeedLine } from "./lib/result.js";
import { benchMemory } from "./memory.js";
import { benchPings } from "./pings.js";
import { benchRecurring } from "./recurring.js";
import { benchRecurringMemory } from "./recurring-memory.js";
import { benchRollup } from "./rollup.js";
import { benchSummaries } from "./summaries.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const scenarioArg = args.find((a) => a.startsWith("--scenario="))?.split("=")[1];
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg ? (onlyArg.split("=")[1] ?? args[args.indexOf(onlyArg) + 1] ?? "").split(",") : undefined;
const scale = quick ? 0.1 : 1;
/** `--webs N --workers N`: the app also as that many processes, its figures beside the one-process ones. */
const count = (name: string) => Math.max(1, Math.floor(Number(args[args.indexOf(name) + 1]) || 1));
const webs = args.includes("--webs") ? count("--webs") : 1;
const workers = args.includes("--workers") ? count("--workers") : 1;
const scaledOut = webs > 1 || workers > 1;
const started = Number(process.env.BENCH_STARTED) || Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const commandsLoad = { rate: 200, fixedSeconds: quick ? 3 : 30, closedSeconds: quick ? 3 : 20, concurrency: 32, log };
const pingsLoad = {
  channels: Math.round(1000 * scale),
  tasksPerChannel: 100,
  spreadMs: quick ? 20_000 : 180_000,
  // Longer than the app's pingLeadMs (10 s), as in a real office: tasks are set well before their deadlines.
  leadMs: quick ? 15_000 : 45_000,
  drainMs: quick ? 15_000 : 300_000,
  rushOnMinute: !quick,
  log,
};
const scenarios: Record<string, () => Promise<BenchFigure[]>> = {
  commands: () => benchCommands(commandsLoad),
  ...(scaledOut ? { "commands-multi": () => benchCommands({ ...commandsLoad, layout: { webs, workers } }) } : {}),
  pings: () => benchPings(pingsLoad),
  ...(workers > 1 ? { "pings-multi": () => benchPings({ ...pingsLoad, workers }) } : {}),
  summaries: () =>
    benchSummaries({ channels: Math.round(1000 * scale), tasksPerChannel: 100, timeoutMs: 300_000, log }),
  rollup: () =>
    benchRollup({
      units: Math.round(1000 * scale),
      tasksPerUnit: 100,
      requests: quick ? 10 : 30,
      paintLoads: quick ? 5 : 15,
      log,
    }),
  memory: () => benchMemory({ tasks: Math.round(100_000 * scale), timeoutMs: quick ? 25_000 : 1_500_000, log }),
  recurring: async () => {
    const load = { channels: Math.round(1000 * scale), seriesPerChannel: 10, timeoutMs: 300_000, log };
    return [...(await benchRecurring(load)), ...(await benchRecurringMemory(load))];
  },
};

const failed = (name: string): BenchFigure => ({
  name: `${name}: run failed`,
  value: null,
  unit: "",
  baseline: null,
  ratio: null,
  target: "runs",
  met: false,
});

if (scenarioArg) {
  // A child: one scenario, its figures back to the parent.
  const run = scenarios[scenarioArg];
  let result: BenchFigure[];
  try {
    if (!run) throw new Error(`no scenario ${scenarioArg}`);
    result = await run();
  } catch (error) {
    log(`${scenarioArg}: FAILED ${(error as Error).stack ?? error}`);
    result = [failed(scenarioArg)];
  }
  // Exit once the message is handed over (an exit right after send can lose it); nothing below runs in a child.
  await new Promise(() => {
    if (process.send) process.send({ figures: result }, () => process.exit(0));
    else process.exit(0);
  });
}

/** Runs one scenario in a fresh process; a child that dies counts as a failed run. */
function runInChild(name: string): Promise<BenchFigure[]> {
  const passed = [...(quick ? ["--quick"] : []), "--webs", String(webs), "--workers", String(workers)];
  const child = fork(new URL(import.meta.url), [`--scenario=${name}`, ...passed], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_STARTED: String(started) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve) => {
    let figures: BenchFigure[] | undefined;
    child.on("message", (m) => {
      figures = (m as { figures: BenchFigure[] }).figures;
    });
    child.on("exit", () => resolve(figures ?? [failed(name)]));
  });
}

const figures: BenchFigure[] = [];
for (const name of Object.keys(scenarios)) {
  if (only && !selected(name)) continue;
  log(`${name}: starting`);
  figures.push(...(await runInChild(name)));
}
const seconds = (Date.now() - started) / 1000;
console.log(
  `\nRõ Việc bench (${quick ? "quick, a tenth of the sizes" : "full"}), ${new Date().toISOString()}, ${seconds.toFixed(0)} s\n`,
);
console.log(machineSpeedLine(figures));
console.log(formatTable(figures));
// A full run writes latest.json; `--only` replaces just its scenarios' figures there (quick runs write quick.json).
const dir = new URL("./results/", import.meta.url);
const file = new URL(quick ? "quick.json" : "latest.json", dir);
let merged = figures;
if (only) {
  const previous = JSON.parse(await readFile(file, "utf8").catch(() => "[]")) as BenchFigure[];
  const ran = (f: BenchFigure) => selected(scenarioOf(f));
  merged = [...previous.filter((f) => !ran(f)), ...figures];
  merged.sort((a, b) => order(a) - order(b));
}
await mkdir(dir, { recursive: true });
await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`);
// Unmet targets are reported in the table, not as a failure; a scenario that could not run is.
process.exit(figures.some((f) => f.name.endsWith("run failed")) ? 1 : 0);

function order(f: BenchFigure): number {
  return Object.keys(scenarios).indexOf(scenarioOf(f));
}

/** Whether `--only` names the scenario (naming `commands` also runs `commands-multi`). */
function selected(name: string): boolean {
  return only === undefined || only.includes(name) || only.includes(name.replace(/-multi$/, ""));
}

/** "commands-multi [2 web + 2 worker processes]: ack p99 …" → "commands-multi". */
function scenarioOf(f: BenchFigure): string {
  return (f.name.split(":")[0] as string).split(" ")[0] as string;
}
