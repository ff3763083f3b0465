/**
 * The BullMQ workers of a `worker` or `all` process: pings, summaries, and the outbox of each platform this process
 * can send to.
 */
import { type ConnectionOptions, Worker } from "bullmq";
import type { Platform } from "../src/core/incoming.js";
import type { Logger } from "../src/logger.js";
import type { JobContext } from "./job-context.js";
import { queueNames } from "./job-types.js";
import type { PingScheduler } from "./scheduler.js";
import { createSendOutboxProcessor } from "./send-outbox.processor.js";
import { createSendPingProcessor } from "./send-ping.processor.js";
import { createWeeklySummaryProcessor } from "./weekly-summary.processor.js";

/** A limiter that never limits: the outbox's messages per second when a workspace has no cap. */
const UNCAPPED_PER_SECOND = 1_000_000;

export interface RunningWorkers {
  workers: Worker[];
  /** Work a processor hands on after its job returned (batched re-plans), awaited when closing. */
  drain(): Promise<void>;
}

export async function startWorkers(
  context: JobContext,
  scheduler: PingScheduler,
  options: { redisUrl: string; prefix: string; log: Logger },
): Promise<RunningWorkers> {
  const { tuning } = context;
  // Worker connections must retry forever (BullMQ's production guide: maxRetriesPerRequest null).
  const consumer: ConnectionOptions = { url: options.redisUrl, maxRetriesPerRequest: null };
  const common = {
    connection: consumer,
    prefix: options.prefix,
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
  const workers: Worker[] = [];
  const sendPing = createSendPingProcessor(context, scheduler);
  for (let i = 0; i < fetchers; i++) {
    workers.push(
      new Worker(queueNames.pings, sendPing.process, { ...common, concurrency: share(tuning.pingConcurrency) }),
    );
  }
  workers.push(new Worker(queueNames.summaries, createWeeklySummaryProcessor(context), { ...common, concurrency: 1 }));
  for (const platform of context.senders.keys()) {
    // A prepared message whose tasks changed is claimed afresh; those tasks are re-planned like any claim's.
    const sendOutbox = createSendOutboxProcessor(context, { onClaimedAfresh: (taskIds) => sendPing.replan(taskIds) });
    for (let i = 0; i < fetchers; i++) {
      workers.push(
        new Worker(queueNames.outbox(platform), sendOutbox, outboxOptions(platform, context, common, share)),
      );
    }
  }
  for (const worker of workers) {
    worker.on("error", (error) => options.log.warn({ err: error, queue: worker.name }, "worker error"));
    worker.on("failed", (job, error) =>
      options.log.warn(
        { queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: error },
        "job failed",
      ),
    );
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return { workers, drain: () => sendPing.drain() };
}

function outboxOptions<C extends object>(
  platform: Platform,
  context: JobContext,
  common: C,
  share: (total: number) => number,
) {
  const cap = context.tuning.workspacePerSecond[platform];
  return {
    ...common,
    concurrency: share(context.tuning.outboxConcurrency),
    // Shared by every worker of the queue (a Redis key): the workspace-wide ceiling, see JobTuning. Set even
    // without a cap: BullMQ honours Queue.rateLimit (the pause after a 429) only on a limited queue.
    limiter: { max: cap > 0 ? cap : UNCAPPED_PER_SECOND, duration: 1000 },
  };
}
