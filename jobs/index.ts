/**
 * Deadline pings, the outbox and weekly summaries on BullMQ.
 *
 * The composition root (src/app.ts) builds the producers (queues, scheduler, rate gates: jobs/producers.ts) before
 * the bot, then `startJobs` starts what the process's role runs:
 * - role `web`: nothing more: task changes plan pings through the producers; no job is processed here;
 * - role `worker`: workers for pings, outbox and summaries, plus the reconciler (at start and every 5 minutes);
 * - role `all` (default of `npm start`): both in one process.
 * Several workers on several machines may share one Redis and one PostgreSQL: job ids are deterministic, claims are
 * conditional database updates, and the per-channel rate gate lives in Redis.
 */
import type { Platform } from "../src/core/incoming.js";
import type { MessageSender } from "../src/core/sender.js";
import { createOrgService } from "../src/services/org-service.js";
import { createRecurringServices } from "../src/services/recurring-services.js";
import { closeWithin } from "./close-jobs.js";
import type { JobContext } from "./job-context.js";
import { createJobProducers, type JobProducerOptions, type JobProducers } from "./producers.js";
import type { JobQueues } from "./queues.js";
import type { RateGate } from "./rate-gate.js";
import { createReconcileLoop } from "./reconcile-loop.js";
import type { ReconcileReport } from "./reconciler.js";
import { type RecurringJobs, startRecurringJobs } from "./recurring-occurrences.js";
import type { RedisHealth } from "./redis-health.js";
import type { PingScheduler } from "./scheduler.js";
import { startWeeklyRollups, type WeeklyRollups } from "./weekly-rollup.js";
import { type RunningWorkers, startWorkers } from "./workers.js";

export type { JobTuning } from "./job-context.js";
export type { JobsObserver } from "./jobs-observer.js";
export type { JobProducerOptions, JobProducers } from "./producers.js";
export { createJobProducers } from "./producers.js";
export type { ReconcileReport } from "./reconciler.js";
export type { RedisHealth } from "./redis-health.js";
export type { PingScheduler, TaskChangeNotice } from "./scheduler.js";

export type JobsRole = "all" | "web" | "worker";

/**
 * The producers the composition root built, or what to build them from (tests and tools that need nothing else);
 * the senders of the configured platforms, and the role.
 */
export type StartJobsOptions = ({ producers: JobProducers } | JobProducerOptions) & {
  /** One sender per platform adapter that is configured; outbox rows of other platforms wait for a worker that has one. */
  senders: MessageSender[];
  role: JobsRole;
};

export interface Jobs {
  /** Plans pings on task changes (createTaskService's onTaskChanged) and after settings changes. */
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
  /** The Monday roll-up of each roll-up channel (its own queue; schedulers synced with every reconcile). */
  rollups: WeeklyRollups;
  /** Whether every worker of this process runs (true for a process without workers): readiness reads it. */
  workersRunning(): boolean;
  /**
   * Stop: no new jobs, in-flight jobs finish, then every connection closes; with Redis gone the connections are cut
   * instead of waiting for ever (close-jobs.ts). Safe to call twice.
   */
  close(): Promise<void>;
}

/** Starts the workers and the reconciler of `role` on the producers (built here when not given). */
export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const producers = "producers" in options ? options.producers : await createJobProducers(options);
  const { context: shared, scheduler, prefix } = producers;
  const log = shared.logger.child({ module: "jobs" });
  const senders = new Map<Platform, MessageSender>(options.senders.map((s) => [s.platform, s]));
  const context: JobContext = { ...shared, senders };
  const rollups = await startWeeklyRollups({
    connection: { url: producers.redisUrl, enableOfflineQueue: false },
    prefix,
    logger: log,
    work: options.role !== "web",
    prisma: producers.prisma,
    org: createOrgService({ prisma: producers.prisma }),
    outbox: shared.outbox,
    queues: shared.queues,
    now: shared.now,
  });
  const reconciler = createReconcileLoop(context, scheduler, { prefix, log, after: rollups.syncSchedulers });
  let running: RunningWorkers | undefined;
  let recurring: RecurringJobs | undefined;
  if (options.role !== "web") {
    running = await startWorkers(context, scheduler, { redisUrl: redisUrlOf(options), prefix, log });
    recurring = await startRecurring(producers, scheduler, log);
    await reconciler.start();
  }
  let closing: Promise<void> | undefined;
  return {
    scheduler,
    reconcile: reconciler.run,
    redisHealth: producers.redisHealth,
    queues: producers.queues,
    services: { pings: shared.pings, outbox: shared.outbox, reports: shared.reports },
    rateGate: producers.rateGate,
    rollups,
    recurring,
    workersRunning: () => (running?.workers ?? []).every((worker) => worker.isRunning()),
    close() {
      closing ??= closeJobs(producers, running, reconciler, [rollups, recurring], log);
      return closing;
    },
  };
}

async function closeJobs(
  producers: JobProducers,
  running: RunningWorkers | undefined,
  reconciler: { stop(): void },
  /** Queues of their own (roll-ups, recurring tasks), closed with the workers. */
  ownQueues: readonly ({ close(): Promise<void> } | undefined)[],
  log: JobContext["logger"],
): Promise<void> {
  reconciler.stop();
  const workers = running?.workers ?? [];
  const how = await closeWithin({
    graceful: async () => {
      await Promise.all([...workers.map((w) => w.close()), ...ownQueues.map((q) => q?.close())]);
      await running?.drain();
      await producers.close();
    },
    cut: () => {
      for (const worker of workers) void worker.disconnect().catch(() => undefined);
      producers.disconnect();
    },
    redisReady: producers.redisReady(),
  });
  if (how === "cut") log.warn("Redis did not answer: the jobs' connections were cut (running jobs will re-run)");
}

/** Recurring tasks: each occurrence made when its period begins, its pings planned as for any new task. */
function startRecurring(producers: JobProducers, scheduler: PingScheduler, log: JobContext["logger"]) {
  const { occurrences } = createRecurringServices({
    prisma: producers.prisma,
    now: producers.context.now,
    logger: log,
    onTasksCreated: scheduler.onTasksCreated,
  });
  return startRecurringJobs({
    producer: { url: producers.redisUrl, enableOfflineQueue: false },
    consumer: { url: producers.redisUrl, maxRetriesPerRequest: null },
    prefix: producers.prefix,
    logger: log,
    makeDue: () => occurrences.createDue(),
    everyMs: producers.context.tuning.recurringEveryMs,
  });
}

function redisUrlOf(options: StartJobsOptions): string {
  return "producers" in options ? options.producers.redisUrl : options.redisUrl;
}
