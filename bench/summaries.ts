/**
 * Scenario 3, weekly summaries: C channels × T tasks (a quarter done last week, a quarter overdue, a quarter due
 * this week, a quarter later). One weekly-summary job per channel goes through the real summary worker; the time
 * runs until every summary is built, stored in the outbox and its send job queued (sending itself is rate-limited
 * by design and not part of this figure). Baseline: a bare BullMQ worker of the same concurrency whose jobs each
 * read the channel's tasks with one SQL query.
 */
import { Queue, Worker } from "bullmq";
import pg from "pg";
import { type Jobs, startJobs } from "../jobs/index.js";
import { createDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { createBenchDatabase, deleteRedisPrefix, REDIS_URL, uniqueName, waitFor } from "./lib/env.js";
import { type BenchFigure, figure } from "./lib/result.js";
import { seedTasks } from "./lib/seed.js";

export interface SummariesOptions {
  channels: number;
  tasksPerChannel: number;
  timeoutMs: number;
  log: (line: string) => void;
}

/** Last Monday 08:00 in Asia/Ho_Chi_Minh (01:00 UTC), as the cron slot the jobs stand for. */
export function lastMondaySlot(now: Date): number {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 1));
  while (d.getUTCDay() !== 1 || d > now) d.setUTCDate(d.getUTCDate() - 1);
  return d.getTime();
}

export async function benchSummaries(options: SummariesOptions): Promise<BenchFigure[]> {
  const { log, channels } = options;
  const db = await createBenchDatabase("summaries");
  const prefix = uniqueName("summaries").replaceAll("_", "-");
  const logger = createLogger("silent");
  const database = await createDatabase({ databaseUrl: db.url, dataDir: "memory://" });
  let jobs: Jobs | undefined;
  try {
    // No senders: the outbox fills and its send jobs wait; the figure is building and queueing.
    jobs = await startJobs({
      prisma: database.prisma,
      redisUrl: REDIS_URL,
      senders: [],
      logger,
      role: "worker",
      prefix,
      tuning: { reconcileEveryMs: 0 },
    });
    await seedTasks(db.url, { channels, tasksPerChannel: options.tasksPerChannel, layout: { kind: "mixed" } });
    const ids = (await database.prisma.channel.findMany({ select: { id: true } })).map((c) => c.id);
    const slot = lastMondaySlot(new Date());
    const outboxQueue = jobs.queues.outboxQueue("slack");
    const started = performance.now();
    await jobs.queues.summaries.addBulk(
      ids.map((channelId) => ({
        name: "weekly-summary" as const,
        data: { channelId, slot },
        opts: { jobId: `bench-summary-${channelId}` },
      })),
    );
    const done = await waitFor(
      async () =>
        (await database.prisma.outboxMessage.count()) >= channels &&
        (await outboxQueue.getWaitingCount()) + (await outboxQueue.getDelayedCount()) >= channels,
      options.timeoutMs,
      100,
    );
    const seconds = (performance.now() - started) / 1000;
    const built = await database.prisma.outboxMessage.count();
    log(`summaries: ${built}/${channels} summaries built and queued in ${seconds.toFixed(1)} s`);
    const baseline = await bareBaseline(db.url, ids, log);
    return [
      figure("summaries: build and queue all", done ? seconds : null, "s", {
        baseline,
        target: "< 30 s",
        met: done && seconds < 30,
        digits: 2,
      }),
      figure("summaries: per channel", done ? (seconds * 1000) / channels : null, "ms", {
        baseline: (baseline * 1000) / channels,
        digits: 1,
      }),
    ];
  } finally {
    await jobs?.close().catch(() => undefined);
    await database.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  }
}

async function bareBaseline(url: string, channelIds: string[], log: (line: string) => void): Promise<number> {
  const prefix = uniqueName("sumbase").replaceAll("_", "-");
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const queue = new Queue<{ channelId: string }>("bare", { connection, prefix });
  let processed = 0;
  const worker = new Worker<{ channelId: string }>(
    "bare",
    async (job) => {
      await pool.query(`SELECT id, title, status, "dueAt", "closedAt" FROM "Task" WHERE "channelId" = $1`, [
        job.data.channelId,
      ]);
      processed++;
    },
    { connection, prefix, concurrency: 1, removeOnComplete: { count: 0 } },
  );
  try {
    await worker.waitUntilReady();
    const started = performance.now();
    await queue.addBulk(channelIds.map((channelId) => ({ name: "bare", data: { channelId } })));
    await waitFor(() => processed >= channelIds.length, 120_000, 20);
    const seconds = (performance.now() - started) / 1000;
    log(`summaries: bare baseline read ${processed} channels in ${seconds.toFixed(2)} s`);
    return seconds;
  } finally {
    await worker.close();
    await queue.close();
    await pool.end();
    await deleteRedisPrefix(prefix);
  }
}
