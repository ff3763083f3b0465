/**
 * The producer side: queues and the few ways we add jobs. Every add uses a deterministic job id, so adding a job
 * that exists is a no-op (the reconciler clears jobs left failed or completed first, restore-jobs.ts).
 */
import { type ConnectionOptions, Queue } from "bullmq";
import type { Platform } from "../src/core/incoming.js";
import { type JobPayloads, outboxJobId, pingJobId, queueNames } from "./job-types.js";

export const platforms: readonly Platform[] = ["slack", "zalo", "console"];

export interface QueueSetOptions {
  connection: ConnectionOptions;
  /** Redis key prefix of every queue. */
  prefix: string;
  /** Attempts of an outbox send before the row is marked failed. Default 8. */
  maxSendAttempts: number;
  /** How long before its time a ping's job runs (JobTuning.pingLeadMs). */
  pingLeadMs: number;
}

/** Exponential backoff with jitter so retries of a burst spread out instead of hitting the platform together. */
const backoff = (delay: number) => ({ type: "exponential" as const, delay, jitter: 0.5 });
const keepFailed = { age: 7 * 24 * 3600, count: 5000 };

export type JobQueues = ReturnType<typeof createQueues>;

export function createQueues(options: QueueSetOptions) {
  const { pings, summaries, outbox, all } = openQueues(options);
  const lead = options.pingLeadMs;

  function outboxQueue(platform: Platform): Queue<JobPayloads["send-outbox"]> {
    const queue = outbox.get(platform);
    if (!queue) throw new Error(`no outbox queue for ${platform}`);
    return queue;
  }

  /** A send job for each row, waiting until `sendAfter` for a message prepared ahead (the send also checks). */
  async function addOutboxes(
    platform: Platform,
    rows: readonly { id: string; sendAfter?: Date | null }[],
    now: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    await outboxQueue(platform).addBulk(rows.map((row) => outboxJob(row, now)));
  }

  return {
    pings,
    summaries,
    outbox,
    all,
    outboxQueue,
    addOutboxes,

    /** A delayed job for the ping (see pingDelay). */
    async addPing(ping: { id: string; fireAt: Date }, now: Date): Promise<void> {
      const job = pingJob(ping, now, lead);
      await pings.add(job.name, job.data, job.opts);
    },

    /** addPing for many pings in one round trip. */
    async addPings(list: readonly { id: string; fireAt: Date }[], now: Date): Promise<void> {
      if (list.length === 0) return;
      await pings.addBulk(list.map((ping) => pingJob(ping, now, lead)));
    },

    /** addOutboxes for one row; at once unless `sendAfter` is ahead of `now`. */
    async addOutbox(platform: Platform, outboxId: string, sendAfter: Date | null, now: Date): Promise<void> {
      await addOutboxes(platform, [{ id: outboxId, sendAfter }], now);
    },

    async removePing(pingId: string): Promise<void> {
      // An active job cannot be removed; its processor finds the row cancelled and does nothing.
      await pings.remove(pingJobId(pingId)).catch(() => undefined);
    },

    async close(): Promise<void> {
      await Promise.all(all.map((q) => q.close()));
    },
  };
}

/** The queues, each with the retry and retention of its jobs. */
function openQueues(options: QueueSetOptions) {
  const base = { connection: options.connection, prefix: options.prefix };
  const pings = new Queue<JobPayloads["send-ping"]>(queueNames.pings, {
    ...base,
    defaultJobOptions: { attempts: 5, backoff: backoff(5_000), removeOnComplete: true, removeOnFail: keepFailed },
  });
  const summaries = new Queue<JobPayloads["weekly-summary"]>(queueNames.summaries, {
    ...base,
    defaultJobOptions: {
      attempts: 5,
      backoff: backoff(30_000),
      removeOnComplete: { count: 1000 },
      removeOnFail: keepFailed,
    },
  });
  const outbox = new Map(
    platforms.map((platform) => [
      platform,
      new Queue<JobPayloads["send-outbox"]>(queueNames.outbox(platform), {
        ...base,
        defaultJobOptions: {
          attempts: options.maxSendAttempts,
          backoff: backoff(2_000),
          removeOnComplete: true,
          removeOnFail: keepFailed,
        },
      }),
    ]),
  );
  const all = [pings, summaries, ...outbox.values()];
  for (const queue of all) queue.on("error", () => undefined); // connection errors surface through the workers' logs
  return { pings, summaries, outbox, all };
}

/**
 * The job runs `leadMs` before the ping's time, to prepare the message. A ping planned less than that ahead (a task
 * added a moment before its deadline) is claimed at its time instead, as are pings planned with it, so they still
 * merge into one message. At once when the time has passed.
 */
function pingDelay(fireAt: Date, now: Date, leadMs: number): number {
  const ahead = fireAt.getTime() - now.getTime();
  return Math.max(0, ahead >= leadMs ? ahead - leadMs : ahead);
}

function pingJob(ping: { id: string; fireAt: Date }, now: Date, leadMs: number) {
  return {
    name: "send-ping" as const,
    data: { pingId: ping.id },
    opts: { jobId: pingJobId(ping.id), delay: pingDelay(ping.fireAt, now, leadMs) },
  };
}

function outboxJob(row: { id: string; sendAfter?: Date | null }, now: Date) {
  return {
    name: "send-outbox" as const,
    data: { outboxId: row.id },
    opts: { jobId: outboxJobId(row.id), delay: Math.max(0, (row.sendAfter?.getTime() ?? 0) - now.getTime()) },
  };
}
