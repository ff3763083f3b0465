/** What processors, the scheduler and the reconciler share; built once by startJobs. */
import type { Platform } from "../src/core/incoming.js";
import type { MessageSender } from "../src/core/sender.js";
import type { Logger } from "../src/logger.js";
import type { OutboxService } from "../src/services/outbox-service.js";
import type { PingService } from "../src/services/ping-service.js";
import type { ReportService } from "../src/services/report-service.js";
import type { JobQueues } from "./queues.js";
import type { RateGate } from "./rate-gate.js";

export interface JobTuning {
  /** Minimum spacing of messages to one chat, per platform, in ms. Default slack 1100, zalo 1000, console 0. */
  channelIntervalMs: Record<Platform, number>;
  /**
   * Messages per second per workspace, across all its chats: a ceiling above the per-chat pacing, shared by every
   * worker (BullMQ's queue limiter). One sender per platform holds one bot token, so its outbox queue serves one
   * workspace and this is the workspace-wide cap Slack applies besides the per-channel one. Slack does not publish
   * that cap and signals it with 429 + Retry-After, which pauses the whole workspace's queue for the time asked
   * (send-outbox.processor.ts); so the default is generous rather than a guess at Slack's figure: a platform-wide
   * 10/s made a rush across 1,000 channels take 100 s by itself. Default slack 200, zalo 5, console 200.
   */
  workspacePerSecond: Record<Platform, number>;
  /** Send attempts before an outbox row is marked failed (429 waits included). Default 8. */
  maxSendAttempts: number;
  /** Resends of an in-doubt message on a platform without history (Zalo). Default 1. */
  maxInDoubtResends: number;
  /** Seconds a worker long-polls an empty queue (BullMQ drainDelay). Default 5. */
  drainDelaySeconds: number;
  /** How often the reconciler runs in a worker, in ms. Default 300 000 (5 minutes); 0 turns the timer off. */
  reconcileEveryMs: number;
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
  workspacePerSecond: { slack: 200, zalo: 5, console: 200 },
  maxSendAttempts: 8,
  maxInDoubtResends: 1,
  drainDelaySeconds: 5,
  reconcileEveryMs: 300_000,
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
}
