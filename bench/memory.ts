/**
 * Scenario 4, memory: resident memory of the bot's worker role holding N open tasks with their pings scheduled,
 * measured in a child process (bench/memory-child.mjs) after its start-up reconcile and after GC. The tasks' pings
 * are planned beforehand with the app's own ping service (as if the tasks had come in through commands), so the
 * child goes through the restart path: reconcile finds the rows and queues a delayed job for each.
 * Baseline: the same child on the same database before any task was seeded. Both ways of running the bot are
 * measured, each against its own empty baseline: from source (tsx) and compiled (`npm run build`, built here first).
 */
import { fork, spawnSync } from "node:child_process";
import pg from "pg";
import { createDatabase } from "../src/db/client.js";
import { planPings } from "../src/scheduling/index.js";
import { createOutboxService } from "../src/services/outbox-service.js";
import { createPingService } from "../src/services/ping-service.js";
import { createBenchDatabase, deleteRedisPrefix, REDIS_URL, uniqueName } from "./lib/env.js";
import { type BenchFigure, figure } from "./lib/result.js";
import { seedTasks } from "./lib/seed.js";

export interface MemoryOptions {
  tasks: number;
  /** Bound on the child's start (reconcile included), in ms; past it the last sample is reported as not met. */
  timeoutMs: number;
  log: (line: string) => void;
}

export interface ChildReport {
  type: "sample" | "done";
  rss: number;
  heapUsed: number;
  seconds: number;
  pingJobs?: number;
  gc: boolean;
}

/**
 * The target (< 300 MB) is the production build's: the README tells operators to run the compiled bot, and from
 * source tsx's compiler and source maps alone keep an empty worker near 300 MB. The tsx row is shown for comparison.
 */
function rssTarget(way: Way, finished: boolean, full: ChildReport, rssMb: number): { target: string; met?: boolean } {
  if (way === "tsx") return { target: "— (from source, for comparison; the target is the compiled build's)" };
  if (!finished)
    return { target: `< 300 MB after reconcile (unfinished after ${full.seconds.toFixed(0)} s)`, met: false };
  return { target: "< 300 MB", met: rssMb < 300 };
}

/** From source as `npm start` runs it, or compiled as `npm run start:prod` does. */
type Way = "tsx" | "compiled";
const WAYS: readonly Way[] = ["tsx", "compiled"];

/** The compiled bot in dist/, built from this checkout so the two ways run the same code. */
function build(): void {
  const result = spawnSync(process.execPath, ["scripts/build.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run build failed: the compiled worker cannot be measured");
}

/**
 * Runs the child; resolves with its final report, or its last sample when it did not finish within the bound.
 * `clockAt`: the child's clock stands still at this instant (a scenario set on a given Monday); default the real one.
 */
export function runChild(
  way: Way,
  databaseUrl: string,
  prefix: string,
  timeoutMs: number,
  log: (line: string) => void,
  clockAt?: Date,
): Promise<ChildReport | undefined> {
  return new Promise((resolve) => {
    const compiled = way === "compiled";
    const child = fork(
      new URL("./memory-child.mjs", import.meta.url),
      [JSON.stringify({ databaseUrl, redisUrl: REDIS_URL, prefix, compiled, now: clockAt?.toISOString() })],
      {
        execArgv: compiled ? ["--expose-gc"] : ["--expose-gc", "--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    let last: ChildReport | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("message", (message) => {
      last = message as ChildReport;
      if (last.type === "sample" && Math.round(last.seconds) % 60 < 5)
        log(
          `memory: … ${last.seconds.toFixed(0)} s, RSS ${mb(last.rss).toFixed(0)} MB, ${last.pingJobs ?? 0} ping jobs`,
        );
    });
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(last);
    });
  });
}

/**
 * Plans every task's pings with the app's own planner (channel context from the ping service, planPings) and
 * inserts the rows in bulk: the state the database is in after the tasks came in through commands.
 */
async function planAll(url: string): Promise<number> {
  const database = await createDatabase({ databaseUrl: url, dataDir: "memory://" });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pings = createPingService({
      prisma: database.prisma,
      outbox: createOutboxService({ prisma: database.prisma, now: () => new Date() }),
    });
    const tasks = await database.prisma.task.findMany({
      select: { id: true, channelId: true, dueAt: true, dueHasTime: true },
    });
    const contexts = new Map<string, Awaited<ReturnType<typeof pings.channelContext>>>();
    const now = new Date();
    const rows: { taskId: string; kind: string; fireAt: Date }[] = [];
    for (const task of tasks) {
      if (!task.dueAt) continue;
      if (!contexts.has(task.channelId)) contexts.set(task.channelId, await pings.channelContext(task.channelId));
      const context = contexts.get(task.channelId);
      if (!context) continue;
      for (const ping of planPings({ dueAt: task.dueAt, dueHasTime: task.dueHasTime }, context.schedule, now))
        rows.push({ taskId: task.id, ...ping });
    }
    for (let i = 0; i < rows.length; i += 10_000) {
      const chunk = rows.slice(i, i + 10_000);
      await client.query(
        `INSERT INTO "Ping"(id, "taskId", kind, "fireAt", "updatedAt")
         SELECT gen_random_uuid(), t, k, f, now() FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS u(t, k, f)`,
        [chunk.map((r) => r.taskId), chunk.map((r) => r.kind), chunk.map((r) => r.fireAt)],
      );
    }
    // As the task service leaves it: the plan of each task's current version is in place (jobs/reconciler.ts skips
    // such tasks and only restores their jobs).
    await client.query(
      `UPDATE "Task" SET "pingsPlannedVersion" = version WHERE status = 'open' AND "dueAt" IS NOT NULL`,
    );
    // Fresh statistics, as autovacuum would have them after the tasks came in one by one: without them PostgreSQL
    // plans "planned pings of a task" with the (status, fireAt) index and reads every planned row each time.
    await client.query('ANALYZE "Ping"; ANALYZE "Task"');
    return rows.length;
  } finally {
    await client.end();
    await database.close();
  }
}

export const mb = (bytes: number) => bytes / 2 ** 20;

export async function benchMemory(options: MemoryOptions): Promise<BenchFigure[]> {
  const { log } = options;
  build();
  const db = await createBenchDatabase("memory");
  const prefixes: string[] = [];
  const run = (way: Way, stage: "empty" | "full") => {
    const prefix = uniqueName(`mem${stage}${way}`).replaceAll("_", "-");
    prefixes.push(prefix);
    return runChild(way, db.url, prefix, options.timeoutMs, log);
  };
  try {
    const empty = new Map<Way, ChildReport>();
    for (const way of WAYS) {
      const report = await run(way, "empty");
      if (report?.type !== "done") throw new Error(`the empty worker (${way}) did not start`);
      log(
        `memory: empty worker (${way}) RSS ${mb(report.rss).toFixed(0)} MB, heap ${mb(report.heapUsed).toFixed(0)} MB`,
      );
      empty.set(way, report);
    }
    const planned = await seedAndPlan(db.url, options);
    const figures: BenchFigure[] = [];
    for (const way of WAYS) {
      const full = await run(way, "full");
      if (!full) throw new Error(`the loaded worker (${way}) reported nothing`);
      figures.push(...loadedFigures(way, full, empty.get(way) as ChildReport, planned, options));
    }
    return figures;
  } finally {
    for (const prefix of prefixes) await deleteRedisPrefix(prefix);
    await db.drop();
  }
}

async function seedAndPlan(url: string, options: MemoryOptions): Promise<number> {
  const channels = Math.max(1, Math.round(options.tasks / 100));
  await seedTasks(url, { channels, tasksPerChannel: Math.round(options.tasks / channels), layout: { kind: "future" } });
  const planStart = Date.now();
  const planned = await planAll(url);
  const took = ((Date.now() - planStart) / 1000).toFixed(0);
  options.log(`memory: planned ${planned} pings for ${options.tasks} tasks in ${took} s`);
  return planned;
}

/** The loaded worker's figures beside its own way's empty worker; from source keeps the names earlier runs used. */
function loadedFigures(
  way: Way,
  full: ChildReport,
  empty: ChildReport,
  planned: number,
  options: MemoryOptions,
): BenchFigure[] {
  const finished = full.type === "done";
  const suffix = way === "compiled" ? " (compiled)" : "";
  options.log(
    `memory: worker (${way}) with ${options.tasks} open tasks ${finished ? "after" : "DURING (unfinished)"} ` +
      `reconcile: RSS ${mb(full.rss).toFixed(0)} MB, heap ${mb(full.heapUsed).toFixed(0)} MB, ` +
      `${full.pingJobs ?? "?"}/${planned} delayed ping jobs, ${full.seconds.toFixed(0)} s after start`,
  );
  return [
    figure(`memory: worker RSS, ${options.tasks} open tasks, after reconcile + GC${suffix}`, mb(full.rss), "MB", {
      baseline: mb(empty.rss),
      ...rssTarget(way, finished, full, mb(full.rss)),
      digits: 0,
    }),
    figure(`memory: heap used${suffix}`, mb(full.heapUsed), "MB", { baseline: mb(empty.heapUsed), digits: 0 }),
    figure(`memory: delayed ping jobs queued by reconcile${suffix}`, full.pingJobs ?? null, "jobs", {
      baseline: planned,
      digits: 0,
    }),
    figure(`memory: worker start incl. reconcile${suffix}`, finished ? full.seconds : null, "s", {
      baseline: empty.seconds,
      digits: 1,
    }),
  ];
}
