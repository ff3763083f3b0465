/**
 * Deadline pings, the outbox and weekly summaries on BullMQ.
 *
 * `startJobs` is called once by the composition root (src/main.ts):
 * - role `web`: producers only (queues + scheduler): task changes plan pings; no job is processed here;
 * - role `worker`: workers for pings, outbox and summaries, plus the reconciler (at start and every 5 minutes);
 * - role `all` (default of `npm start`): both in one process.
 * Several workers on several machines may share one Redis and one PostgreSQL: job ids are deterministic, claims are
 * conditional database updates, and the per-channel rate gate lives in Redis.
 */
import { type ConnectionOptions, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { Platform } from "../src/core/incoming.js";
import type { MessageSender } from "../src/core/sender.js";
import type { PrismaClient } from "../src/generated/prisma/client.js";
import type { Logger } from "../src/logger.js";
import { createOutboxService } from "../src/services/outbox-service.js";
import { createPingService } from "../src/services/ping-service.js";
import { createRecurringServices } from "../src/services/recurring-services.js";
import { createReportService } from "../src/services/report-service.js";
import { defaultJobTuning, type JobContext, type JobTuning } from "./job-context.js";
import { queueNames } from "./job-types.js";
import { createQueues, type JobQueues } from "./queues.js";
import { RateGate } from "./rate-gate.js";
import { type ReconcileReport, reconcile } from "./reconciler.js";
import { type RecurringJobs, startRecurringJobs } from "./recurring-occurrences.js";
import { checkRedisHealth, type RedisHealth } from "./redis-health.js";
import { createScheduler, type PingScheduler } from "./scheduler.js";
import { createSendOutboxProcessor } from "./send-outbox.processor.js";
import { createSendPingProcessor } from "./send-ping.processor.js";
import { createWeeklySummaryProcessor } from "./weekly-summary.processor.js";

export type { JobTuning } from "./job-context.js";
export type { ReconcileReport } from "./reconciler.js";
export type { RedisHealth } from "./redis-health.js";
export type { PingScheduler, TaskChangeNotice } from "./scheduler.js";

export type JobsRole = "all" | "web" | "worker";

export interface StartJobsOptions {
  prisma: PrismaClient;
  redisUrl: string;
  /** One sender per platform adapter that is configured; outbox rows of other platforms wait for a worker that has one. */
  senders: MessageSender[];
  logger: Logger;
  role: JobsRole;
  /** Redis key prefix of every queue and gate. Default "roviec". Tests pass a unique one. */
  prefix?: string;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  tuning?: Partial<JobTuning>;
}

export interface Jobs {
  /** Pass `scheduler.onTaskChanged` to createTaskService; call `scheduler.onChannelSettingsChanged` after settings. */
  scheduler: PingScheduler;
  /** Makes Redis match the database now (worker roles also run it at start and periodically). */
  reconcile(): Promise<ReconcileReport>;
  redisHealth: RedisHealth;
  queues: JobQueues;
  services: Pick<JobContext, "pings" | "outbox" | "reports">;
  /** The rate gates in Redis, shared by every process (a bot's send rate across web and worker processes). */
  rateGate: RateGate;
  /** Recurring tasks' job (worker roles only): makes the occurrences whose period has begun. */
  recurring?: RecurringJobs;
  /** Graceful stop: no new jobs, in-flight jobs finish, then every connection closes. Safe to call twice. */
  close(): Promise<void>;
}

/** The start-up check on its own short-lived connection, so an unreachable Redis is reported instead of hanging start. */
async function checkRedisAtStart(redisUrl: string, log: Logger): Promise<RedisHealth> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return await checkRedisHealth(probe, log);
  } catch (error) {
    const problem =
      "Redis is not reachable at start; queues will connect when it is (the reconciler then restores every job)";
    log.warn({ err: error }, `Redis: ${problem}`);
    return { maxmemoryPolicy: null, appendonly: null, problems: [problem] };
  } finally {
    probe.disconnect();
  }
}

/** A limiter that never limits: the outbox's messages per second when a workspace has no cap. */
const UNCAPPED_PER_SECOND = 1_000_000;

export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const { prisma, redisUrl, logger, role } = options;
  const prefix = options.prefix ?? "roviec";
  const tuning: JobTuning = { ...defaultJobTuning, ...options.tuning };
  const log = logger.child({ module: "jobs" });
  const now = options.now ?? (() => new Date()); // real time only when no clock is given (tests, tools)

  // Producer connection: fail fast while Redis is down (a user's command must not hang; the reconciler repairs).
  const producer: ConnectionOptions = { url: redisUrl, enableOfflineQueue: false };
  // Worker connections must retry forever (BullMQ's production guide: maxRetriesPerRequest null).
  const consumer: ConnectionOptions = { url: redisUrl, maxRetriesPerRequest: null };

  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on("error", (error) => log.debug({ err: error }, "redis connection error"));
  const redisHealth = await checkRedisAtStart(redisUrl, log);

  const queues = createQueues({
    connection: producer,
    prefix,
    maxSendAttempts: tuning.maxSendAttempts,
    pingLeadMs: tuning.pingLeadMs,
  });
  const outbox = createOutboxService({ prisma });
  const pings = createPingService({ prisma, outbox, logger: log });
  const reports = createReportService({ prisma });
  const senders = new Map<Platform, MessageSender>(options.senders.map((s) => [s.platform, s]));
  const context: JobContext = {
    pings,
    outbox,
    reports,
    queues,
    rateGate: new RateGate(redis, prefix),
    senders,
    logger,
    now,
    tuning,
  };
  const scheduler = createScheduler(context);

  const workers: Worker[] = [];
  /** Work a processor hands on after its job returned (batched re-plans), awaited by close(). */
  const drains: (() => Promise<void>)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let recurring: RecurringJobs | undefined;
  // One run at a time in this process: an explicit call waits for the run in flight, then runs (it may follow a
  // change that run did not see); the periodic timer skips a beat instead (see below).
  let running: Promise<ReconcileReport> | undefined;
  const runReconcile = async (): Promise<ReconcileReport> => {
    while (running) await running.catch(() => undefined);
    const run = reconcile(context, scheduler, `${prefix}:reconcile-lock`);
    running = run;
    try {
      return await run;
    } finally {
      running = undefined;
    }
  };

  if (role !== "web") {
    const common = {
      connection: consumer,
      prefix,
      drainDelay: tuning.drainDelaySeconds,
      lockDuration: tuning.lockDurationMs,
      stalledInterval: tuning.stalledIntervalMs,
      // A job whose worker died is re-run (not failed) a few times: the outbox's in-doubt rule prevents doubles.
      maxStalledCount: 3,
      autorun: true,
    };
    // Several BullMQ workers per queue, sharing one processor (and so its batches): a worker fetches its jobs one
    // Redis round trip at a time, and on a busy event loop a burst (a rush's messages) waited in the queue for that.
    const fetchers = Math.max(1, tuning.fetchersPerQueue);
    const share = (total: number) => Math.max(1, Math.ceil(total / fetchers));
    const sendPing = createSendPingProcessor(context, scheduler);
    drains.push(() => sendPing.drain());
    for (let i = 0; i < fetchers; i++) {
      workers.push(
        new Worker(queueNames.pings, sendPing.process, { ...common, concurrency: share(tuning.pingConcurrency) }),
      );
    }
    workers.push(
      new Worker(queueNames.summaries, createWeeklySummaryProcessor(context), { ...common, concurrency: 1 }),
    );
    for (const platform of senders.keys()) {
      // A prepared message whose tasks changed is claimed afresh; those tasks are re-planned like any claim's.
      const sendOutbox = createSendOutboxProcessor(context, { onClaimedAfresh: (taskIds) => sendPing.replan(taskIds) });
      const cap = tuning.workspacePerSecond[platform];
      for (let i = 0; i < fetchers; i++) {
        workers.push(
          new Worker(queueNames.outbox(platform), sendOutbox, {
            ...common,
            concurrency: share(tuning.outboxConcurrency),
            // Shared by every worker of the queue (a Redis key): the workspace-wide ceiling, see JobTuning. Set
            // even without a cap: BullMQ honours Queue.rateLimit (the pause after a 429) only on a limited queue.
            limiter: { max: cap > 0 ? cap : UNCAPPED_PER_SECOND, duration: 1000 },
          }),
        );
      }
    }
    for (const worker of workers) {
      worker.on("error", (error) => log.warn({ err: error, queue: worker.name }, "worker error"));
      worker.on("failed", (job, error) =>
        log.warn({ queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: error }, "job failed"),
      );
    }
    await Promise.all(workers.map((w) => w.waitUntilReady()));
    const report = await runReconcile();
    log.info(report, "reconciled Redis with the database");
    // An in-process timer, not a BullMQ scheduler: it must keep running when Redis lost all its keys.
    if (tuning.reconcileEveryMs > 0) {
      timer = setInterval(() => {
        // A run longer than the period (a large re-plan) must not pile up behind itself.
        if (running) return;
        runReconcile().catch((error) => log.warn({ err: error }, "periodic reconcile failed"));
      }, tuning.reconcileEveryMs);
      timer.unref();
    }
    // Recurring tasks: each occurrence made when its period begins, its pings planned as for any new task.
    const { occurrences } = createRecurringServices({
      prisma,
      now,
      logger: log,
      onTaskCreated: (made) =>
        scheduler.onTaskChanged({ taskId: made.taskId, channelId: made.channelId, kind: "created" }),
    });
    recurring = await startRecurringJobs({
      producer,
      consumer,
      prefix,
      logger: log,
      makeDue: () => occurrences.createDue(),
    });
  }

  let closing: Promise<void> | undefined;
  return {
    scheduler,
    reconcile: runReconcile,
    redisHealth,
    queues,
    services: { pings, outbox, reports },
    rateGate: context.rateGate,
    recurring,
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        await recurring?.close();
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all(drains.map((drain) => drain()));
        await queues.close();
        await redis.quit().catch(() => redis.disconnect());
      })();
      return closing;
    },
  };
}
