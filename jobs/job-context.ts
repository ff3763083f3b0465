/** What processors, the scheduler and the reconciler share; built once by startJobs. */
import type { Platform } from "../src/core/incoming.js";
import type { MessageSender } from "../src/core/sender.js";
import type { Logger } from "../src/logger.js";
import type { OutboxService } from "../src/services/outbox-service.js";
import type { PingService } from "../src/services/ping-service.js";
import type { ReportService } from "../src/services/report-service.js";
import type { JobsObserver } from "./jobs-observer.js";
import type { JobQueues } from "./queues.js";
import type { RateGate } from "./rate-gate.js";

export interface JobTuning {
  /** Minimum spacing of messages to one chat, per platform, in ms. Default slack 1100, zalo 1000, console 0. */
  channelIntervalMs: Record<Platform, number>;
  /**
   * Messages per second per workspace, across all its chats: a ceiling above the per-chat pacing, shared by every
   * worker (BullMQ's queue limiter); 0 for none. One sender per platform holds one bot token, so its outbox queue
   * serves one workspace. Slack publishes its per-channel limit (about one message a second) but no number for a
   * workspace, and signals that with 429 + Retry-After, which pauses the whole workspace's queue for the time asked
   * (send-outbox.processor.ts). So Slack has no ceiling by default, as in Slack's own SDK: a guess at the figure
   * only delays every rush (200/s spread a 1,000-channel Friday 17:00 over 5 s) and a 429 still slows us to
   * whatever the workspace allows. Zalo's bot API is paced at 5/s. Default slack 0, zalo 5, console 0.
   */
  workspacePerSecond: Record<Platform, number>;
  /**
   * How long before its time a ping's job runs, in ms: it claims the ping and its channel's others of the minute
   * and puts the rendered message in the outbox to be sent at the ping's time (OutboxMessage.sendAfter). The work
   * of a rush (10,000 pings due at 17:00) is done before 17:00 and only the sends remain at 17:00. A task changed
   * after its message was prepared is claimed afresh when the message is due (send-outbox.processor.ts). Default
   * 10 000: claiming a 10,000-ping rush takes about 4 s on the bench machine, and at 5 s its last claims still ran
   * into 17:00's sends; 0 claims at the ping's time.
   */
  pingLeadMs: number;
  /** Send attempts before an outbox row is marked failed (429 waits included). Default 8. */
  maxSendAttempts: number;
  /** Resends of an in-doubt message on a platform without history (Zalo). Default 1. */
  maxInDoubtResends: number;
  /** Seconds a worker long-polls an empty queue (BullMQ drainDelay). Default 5. */
  drainDelaySeconds: number;
  /** How often the reconciler runs in a worker, in ms. Default 300 000 (5 minutes); 0 turns the timer off. */
  reconcileEveryMs: number;
  /**
   * How often the recurring job makes the occurrences due, in ms (its BullMQ job scheduler). Default 60 000: an
   * occurrence is made within a minute of its time. 0 puts no scheduler in Redis: only the worker's start-up run and
   * `recurring.runNow()` make occurrences (benches that time one run, with no scheduled run beside it).
   */
  recurringEveryMs: number;
  /**
   * Pings run concurrently per process. Default 64: a ping job mostly waits, and not on a pooled connection: it
   * waits for the batch that claims the due pings of many channels in one transaction, so more jobs in flight make
   * bigger batches rather than more load on the database.
   */
  pingConcurrency: number;
  /**
   * Outbox sends run concurrently per platform and process (mostly waiting on the platform's API; their reads and
   * writes are batched). Default 64.
   */
  outboxConcurrency: number;
  /**
   * BullMQ workers per queue (pings, each platform's outbox) in one process, the concurrency split between them.
   * A BullMQ worker fetches its next job one Redis round trip at a time, so on a busy event loop a burst waits in
   * the queue behind that; several fetch in parallel. Default 4.
   */
  fetchersPerQueue: number;
  /**
   * How long a worker's claim on a job lasts without renewal, in ms (BullMQ lockDuration). A worker that died
   * mid-job loses it after this long and another worker re-runs the job (the outbox then finds the row in doubt).
   * Default 30 000.
   */
  lockDurationMs: number;
  /** How often workers look for such stalled jobs, in ms (BullMQ stalledInterval). Default 30 000. */
  stalledIntervalMs: number;
}

export const defaultJobTuning: Readonly<JobTuning> = Object.freeze({
  channelIntervalMs: { slack: 1100, zalo: 1000, console: 0 },
  workspacePerSecond: { slack: 0, zalo: 5, console: 0 },
  pingLeadMs: 10_000,
  maxSendAttempts: 8,
  maxInDoubtResends: 1,
  drainDelaySeconds: 5,
  reconcileEveryMs: 300_000,
  recurringEveryMs: 60_000,
  pingConcurrency: 64,
  outboxConcurrency: 64,
  fetchersPerQueue: 1,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
});

export interface JobContext {
  pings: PingService;
  outbox: OutboxService;
  reports: ReportService;
  queues: JobQueues;
  rateGate: RateGate;
  senders: ReadonlyMap<Platform, MessageSender>;
  logger: Logger;
  now: () => Date;
  tuning: JobTuning;
  /** Metrics hooks; none in tests and tools. */
  observer?: JobsObserver;
}
