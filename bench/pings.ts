/**
 * Scenario 2, pings out: N tasks across C channels, deadlines spread over a window with a tenth due at the very
 * same minute. The real jobs (startJobs, unique prefix) send through the real Slack sender to the fake Slack server
 * (in a process of its own); lateness of each ping = arrival of the message that carried it − its deadline.
 * Baseline: a bare BullMQ queue with the same number of delayed jobs at the same offsets, and a worker that only
 * records.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { Queue, Worker } from "bullmq";
import { type Jobs, startJobs } from "../jobs/index.js";
import { defaultJobTuning } from "../jobs/job-context.js";
import type { Bot } from "../src/core/handler.js";
import { createDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { createSlackAdapter } from "../src/platforms/slack/index.js";
import {
  createBenchDatabase,
  deleteRedisPrefix,
  max,
  quantile,
  REDIS_URL,
  sleep,
  uniqueName,
  wallNow,
} from "./lib/env.js";
import { FakeSlackProcess } from "./lib/fake-slack-process.js";
import { PING_WORKER_ENV, type PingWorkerOptions } from "./lib/ping-worker-child.js";
import { type BenchFigure, figure } from "./lib/result.js";
import { seedTasks } from "./lib/seed.js";

export interface PingsOptions {
  channels: number;
  tasksPerChannel: number;
  /** Width of the deadline window, centred on the rush minute, in ms. */
  spreadMs: number;
  /** Time to seed and queue before the first deadline, in ms. */
  leadMs: number;
  /** How long after the last deadline to wait for stragglers before counting them as missing, in ms. */
  drainMs: number;
  /**
   * The rush on a whole minute, as 17:00:00 is (up to a minute's more waiting), or on a whole second (quick runs,
   * which must stay under 3 minutes).
   */
  rushOnMinute: boolean;
  /**
   * Worker processes sharing the rush (default 1: the scenario's own). With more, the others are child processes
   * (lib/ping-worker-child.ts) on the same database and prefix, and the figures are named `pings-multi [N …]: …`.
   */
  workers?: number;
  log: (line: string) => void;
}

const noBot: Bot = { handle: async () => [] };

/**
 * `BENCH_SLACK_PER_SECOND=n` runs the app with a Slack workspace cap of n messages/s instead of the default
 * (`defaultJobTuning.workspacePerSecond.slack`, none): what the rush costs when an operator sets one.
 */
function workspaceCap(): { workspacePerSecond?: typeof defaultJobTuning.workspacePerSecond } {
  const cap = Number(process.env.BENCH_SLACK_PER_SECOND);
  if (!Number.isFinite(cap) || cap <= 0) return {};
  return { workspacePerSecond: { ...defaultJobTuning.workspacePerSecond, slack: cap } };
}

interface PingRow {
  id: string;
  fireAt: Date;
  sentAt: Date | null;
  outboxId: string | null;
  status: string;
}

export async function benchPings(options: PingsOptions): Promise<BenchFigure[]> {
  const { log } = options;
  const total = options.channels * options.tasksPerChannel;
  const db = await createBenchDatabase("pings");
  const prefix = uniqueName("pings").replaceAll("_", "-");
  const logger = createLogger("silent");
  // In a process of its own, as Slack is remote: its parsing of the rush's posts is not the bot's work.
  const fake = await FakeSlackProcess.start();
  let jobs: Jobs | undefined;
  let stopOthers = async () => {};
  const database = await createDatabase({ databaseUrl: db.url, dataDir: "memory://" });
  try {
    const adapter = createSlackAdapter({
      config: {
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_SIGNING_SECRET: "bench-signing-secret",
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: fake.apiUrl,
        DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
        DEFAULT_LOCALE: "vi",
      },
      bot: noBot,
      logger,
    });
    // Started on the empty database so its start-up reconcile is instant; the periodic one is off for a stable run.
    const tuning = { reconcileEveryMs: 0, ...workspaceCap() };
    jobs = await startJobs({
      prisma: database.prisma,
      redisUrl: REDIS_URL,
      senders: [adapter.sender],
      logger,
      role: "worker",
      prefix,
      tuning,
    });
    const others = await startPingWorkers((options.workers ?? 1) - 1, {
      databaseUrl: db.url,
      redisUrl: REDIS_URL,
      prefix,
      slackApiUrl: fake.apiUrl,
      tuning,
    });
    stopOthers = others;
    // The rush: a tenth of the tasks due at one and the same instant, on a whole minute as 17:00:00 is (the pings due
    // just before it are in another minute, and their channels just had a message).
    const unit = options.rushOnMinute ? 60_000 : 1000;
    const rushAt = Math.ceil((Date.now() + options.leadMs + options.spreadMs / 2) / unit) * unit;
    const spreadFrom = rushAt - options.spreadMs / 2;
    const seedStart = Date.now();
    await seedTasks(db.url, {
      channels: options.channels,
      tasksPerChannel: options.tasksPerChannel,
      layout: { kind: "pings", rushAt: new Date(rushAt), spreadFrom: new Date(spreadFrom), spreadMs: options.spreadMs },
      withDeadlinePings: true,
    });
    const pings = await database.prisma.ping.findMany({ select: { id: true, fireAt: true } });
    // As the app queues them (the job runs JobTuning.pingLeadMs ahead of the ping's time).
    for (let i = 0; i < pings.length; i += 1000) await jobs.queues.addPings(pings.slice(i, i + 1000), new Date());
    const firstFire = pings.reduce((first, p) => Math.min(first, p.fireAt.getTime()), Number.POSITIVE_INFINITY);
    log(
      `pings: seeded ${total} tasks and queued ${pings.length} ping jobs in ${((Date.now() - seedStart) / 1000).toFixed(1)} s; ` +
        `first deadline ${((firstFire - Date.now()) / 1000).toFixed(1)} s ahead, rush at ${new Date(rushAt).toISOString()}`,
    );
    const lastFire = spreadFrom + options.spreadMs;
    const hardEnd = lastFire + options.drainMs;
    while (Date.now() < hardEnd) {
      await sleep(1000);
      if (Date.now() < lastFire) continue;
      const open = await database.prisma.ping.count({ where: { kind: "at_deadline", status: "planned" } });
      const pendingOutbox = await database.prisma.outboxMessage.count({ where: { status: { not: "sent" } } });
      if (open === 0 && pendingOutbox === 0) break;
    }
    const appDone = Date.now();
    const rows: PingRow[] = await database.prisma.ping.findMany({
      where: { kind: "at_deadline" },
      select: { id: true, fireAt: true, sentAt: true, outboxId: true, status: true },
    });
    const outboxCreated = new Map(
      (await database.prisma.outboxMessage.findMany({ select: { id: true, createdAt: true } })).map((o) => [
        o.id,
        o.createdAt.getTime(),
      ]),
    );
    const posts = await fake.posts();
    const arrivedAt = new Map<string, number>();
    for (const post of posts) if (post.outboxId && !arrivedAt.has(post.outboxId)) arrivedAt.set(post.outboxId, post.at);
    const lateness: number[] = [];
    for (const row of rows) {
      const at = row.outboxId ? arrivedAt.get(row.outboxId) : undefined;
      if (at !== undefined) lateness.push(at - row.fireAt.getTime());
    }
    const missing = rows.length - lateness.length;
    logStages(rows, outboxCreated, arrivedAt, rushAt, log);
    const messages = arrivedAt.size;
    // One outbox message may take several chat.postMessage pages (long lists); the first page carries the outbox id.
    const violations = countRateViolations(
      posts.filter((p) => p.outboxId),
      1000,
    );
    const pages = posts.length;
    log(
      `pings: app delivered ${lateness.length}/${rows.length} pings in ${messages} messages, ` +
        `${((appDone - lastFire) / 1000).toFixed(1)} s after the last deadline`,
    );
    await jobs.close();
    jobs = undefined;
    await stopOthers();
    await fake.clear();

    const offsets = pings.map((p) => p.fireAt.getTime() - rushAt);
    const base = await bareBaseline(offsets, options, log);
    const p99 = quantile(lateness, 0.99);
    const baseP99 = quantile(base.lateness, 0.99);
    const slackMs = (ms: number) => `p99 ≤ bare BullMQ p99 + 1000 ms (here +${Math.round(ms)} ms)`;
    const named = (figures: BenchFigure[]) =>
      (options.workers ?? 1) > 1
        ? figures.map((f) => ({
            ...f,
            name: f.name.replace(/^pings:/, `pings-multi [${options.workers} worker processes]:`),
          }))
        : figures;
    return named([
      figure("pings: lateness p50", quantile(lateness, 0.5), "ms", {
        baseline: quantile(base.lateness, 0.5),
        digits: 0,
      }),
      figure("pings: lateness p99", p99, "ms", {
        baseline: baseP99,
        target: slackMs(p99 - baseP99),
        met: missing === 0 && p99 - baseP99 <= 1000,
        digits: 0,
      }),
      figure("pings: lateness max", max(lateness), "ms", { baseline: max(base.lateness), digits: 0 }),
      figure("pings: delivered", lateness.length, "pings", {
        baseline: base.lateness.length,
        target: `all ${rows.length}`,
        met: missing === 0,
        digits: 0,
      }),
      figure("pings: messages (merged per channel-minute)", messages, "messages", { digits: 0 }),
      figure("pings: chat.postMessage calls (pages of those messages)", pages, "calls", { digits: 0 }),
      figure("pings: messages to one channel < 1 s apart", violations, "pairs", {
        target: "0",
        met: violations === 0,
        digits: 0,
      }),
    ]);
  } finally {
    await jobs?.close().catch(() => undefined);
    await stopOthers();
    await fake.stop();
    await database.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  }
}

/**
 * Where a ping's lateness goes, for reading the figure: deadline → claimed into an outbox row (Ping.sentAt), and
 * outbox row created → its first page at the fake Slack server (the outbox queue, the channel gate, the send).
 */
function logStages(
  rows: readonly PingRow[],
  outboxCreated: ReadonlyMap<string, number>,
  arrivedAt: ReadonlyMap<string, number>,
  rushAt: number,
  log: (line: string) => void,
): void {
  const claim = rows.flatMap((r) => (r.sentAt ? [r.sentAt.getTime() - r.fireAt.getTime()] : []));
  const lateness = (rush: boolean) =>
    rows.flatMap((r) => {
      const at = r.outboxId ? arrivedAt.get(r.outboxId) : undefined;
      return at !== undefined && (r.fireAt.getTime() === rushAt) === rush ? [at - r.fireAt.getTime()] : [];
    });
  const out: number[] = [];
  for (const [id, created] of outboxCreated) {
    const at = arrivedAt.get(id);
    if (at !== undefined) out.push(at - created);
  }
  const ms = (values: number[]) =>
    `p50 ${Math.round(quantile(values, 0.5))} / p99 ${Math.round(quantile(values, 0.99))} / max ${Math.round(max(values))} ms`;
  log(`pings: deadline → claimed ${ms(claim)}; outbox row → at Slack ${ms(out)}`);
  log(`pings: lateness of the rush ${ms(lateness(true))}; of the rest ${ms(lateness(false))}`);
}

/** Pairs of consecutive messages to one channel closer than `minGapMs` (Slack: about one per second per channel). */
function countRateViolations(posts: readonly { channel: string; at: number }[], minGapMs: number): number {
  const last = new Map<string, number>();
  let violations = 0;
  for (const post of [...posts].sort((a, b) => a.at - b.at)) {
    const previous = last.get(post.channel);
    if (previous !== undefined && post.at - previous < minGapMs) violations++;
    last.set(post.channel, post.at);
  }
  return violations;
}

/**
 * The same offsets as bare delayed jobs; the workers only record. As many workers and as much concurrency as the
 * app's ping queue (`defaultJobTuning`: fetchersPerQueue workers sharing pingConcurrency), so the baseline is the
 * same queue set-up minus our work.
 */
async function bareBaseline(offsets: number[], options: PingsOptions, log: (line: string) => void) {
  const prefix = uniqueName("pingbase").replaceAll("_", "-");
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  const queue = new Queue<{ fireAt: number }>("bare", { connection, prefix });
  const lateness: number[] = [];
  const { pingConcurrency, fetchersPerQueue } = defaultJobTuning;
  const workers = Array.from(
    { length: fetchersPerQueue },
    () =>
      new Worker<{ fireAt: number }>(
        "bare",
        async (job) => {
          lateness.push(wallNow() - job.data.fireAt);
        },
        {
          connection,
          prefix,
          concurrency: Math.ceil(pingConcurrency / fetchersPerQueue),
          removeOnComplete: { count: 0 },
        },
      ),
  );
  try {
    await Promise.all(workers.map((w) => w.waitUntilReady()));
    const anchor = Date.now() + options.leadMs / 3 + options.spreadMs / 2;
    const fireTimes = offsets.map((o) => anchor + o);
    for (let i = 0; i < fireTimes.length; i += 1000) {
      const at = Date.now();
      await queue.addBulk(
        fireTimes.slice(i, i + 1000).map((fireAt) => ({
          name: "bare",
          data: { fireAt },
          opts: { delay: Math.max(0, fireAt - at) },
        })),
      );
    }
    const hardEnd = max(fireTimes) + options.drainMs;
    while (Date.now() < hardEnd && lateness.length < offsets.length) await sleep(500);
    log(`pings: bare BullMQ baseline recorded ${lateness.length}/${offsets.length} jobs`);
    return { lateness };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await queue.close();
    await deleteRedisPrefix(prefix);
  }
}

/** `count` more worker processes on the scenario's database and prefix; resolves with how to stop them. */
async function startPingWorkers(count: number, options: PingWorkerOptions): Promise<() => Promise<void>> {
  const children = Array.from({ length: count }, () =>
    fork(new URL("./lib/ping-worker-child.ts", import.meta.url), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, [PING_WORKER_ENV]: JSON.stringify(options) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  await Promise.all(children.map((child) => once(child, "message")));
  return async () => {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      running.map((child) => {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        return exited;
      }),
    );
  };
}
