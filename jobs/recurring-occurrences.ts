/**
 * The recurring job: a BullMQ job scheduler runs "make-occurrences" every minute, whose processor makes every
 * occurrence whose period has begun (src/services/recurring-occurrences.ts) and plans its pings like any new task's.
 * Safe to run twice, on two workers, after a crash or a restart: the occurrence's key is unique, so nothing is
 * doubled; an occurrence missed while the bot or Redis was down is made at the next run, marked late.
 *
 * The scheduler lives in Redis, so an in-process timer puts it back every few minutes (a Redis restarted empty has
 * none), as the reconciler does for pings; the worker also runs once at start.
 */
import { type ConnectionOptions, Queue, UnrecoverableError, Worker } from "bullmq";
import { z } from "zod";
import type { Logger } from "../src/logger.js";
import type { CreatedOccurrence } from "../src/services/recurring-occurrences.js";

export const recurringQueueName = "recurring";
export const recurringSchedulerId = "recurring-occurrences";
const JOB_NAME = "make-occurrences";
/** The job carries nothing: it makes whatever is due when it runs. */
export const recurringPayloadSchema = z.object({}).strict();

export interface RecurringJobsOptions {
  /** The producer connection (fails fast while Redis is down). */
  producer: ConnectionOptions;
  /** The worker connection (retries forever). */
  consumer: ConnectionOptions;
  /** Redis key prefix. */
  prefix: string;
  logger: Logger;
  /** Makes the occurrences due now and plans their pings. */
  makeDue: () => Promise<CreatedOccurrence[]>;
  /**
   * How often the job runs, in ms. Default 60,000 (an occurrence is made within a minute of its time); 0 puts no job
   * scheduler in Redis (only the start-up run and `runNow()` make occurrences).
   */
  everyMs?: number;
  /** How often the scheduler is put back in Redis, in ms (0: never). Default 300,000. */
  ensureEveryMs?: number;
  /** Told after each run, with what it made (tests wait on it). */
  onRun?: (made: CreatedOccurrence[]) => void;
}

export interface RecurringJobs {
  /** Runs once now, in this process (the same work as the job). */
  runNow(): Promise<CreatedOccurrence[]>;
  /** Puts the job scheduler (back) in Redis. */
  ensureScheduled(): Promise<void>;
  close(): Promise<void>;
}

export async function startRecurringJobs(options: RecurringJobsOptions): Promise<RecurringJobs> {
  const { logger, prefix } = options;
  const everyMs = options.everyMs ?? 60_000;
  const queue = new Queue(recurringQueueName, {
    connection: options.producer,
    prefix,
    defaultJobOptions: {
      attempts: 3,
      backoff: { type: "exponential", delay: 5_000, jitter: 0.5 },
      removeOnComplete: true,
      removeOnFail: { count: 100 },
    },
  });
  queue.on("error", (error) => logger.debug({ err: error }, "recurring queue error"));

  const run = async (): Promise<CreatedOccurrence[]> => {
    const made = await options.makeDue();
    if (made.length > 0)
      logger.info({ made: made.length, late: made.filter((m) => m.late).length }, "occurrences made");
    options.onRun?.(made);
    return made;
  };

  const worker = new Worker(
    recurringQueueName,
    async (job) => {
      if (!recurringPayloadSchema.safeParse(job.data).success) throw new UnrecoverableError("bad recurring payload");
      return (await run()).length;
    },
    { connection: options.consumer, prefix, concurrency: 1 },
  );
  worker.on("error", (error) => logger.warn({ err: error }, "recurring worker error"));
  worker.on("failed", (job, error) => logger.warn({ jobId: job?.id, err: error }, "recurring job failed"));

  const ensureScheduled = async () => {
    if (everyMs <= 0) return;
    await queue.upsertJobScheduler(recurringSchedulerId, { every: everyMs }, { name: JOB_NAME, data: {} });
  };
  await worker.waitUntilReady();
  await ensureScheduled().catch((error) => logger.warn({ err: error }, "recurring scheduler not set; retried later"));
  await run().catch((error) => logger.warn({ err: error }, "recurring run at start failed"));

  const ensureEveryMs = everyMs > 0 ? (options.ensureEveryMs ?? 300_000) : 0;
  const timer =
    ensureEveryMs > 0
      ? setInterval(() => {
          ensureScheduled().catch((error) => logger.warn({ err: error }, "recurring scheduler not restored"));
        }, ensureEveryMs)
      : undefined;
  timer?.unref();

  let closing: Promise<void> | undefined;
  return {
    runNow: run,
    ensureScheduled,
    close() {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        await worker.close();
        await queue.close();
      })();
      return closing;
    },
  };
}
