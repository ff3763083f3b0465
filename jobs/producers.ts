/**
 * The producer side of the jobs: the queues, the ping scheduler and the rate gates, built by the composition root
 * before the bot (a task change plans its pings through the scheduler). Every role has them; a `web` process has
 * nothing else. Workers are started apart (see startJobs).
 */

import type { ConnectionOptions } from "bullmq";
import { Redis } from "ioredis";
import type { PrismaClient } from "../src/generated/prisma/client.js";
import type { Logger } from "../src/logger.js";
import { shortLivedRedis } from "../src/runtime/short-lived-redis.js";
import { createOutboxService } from "../src/services/outbox-service.js";
import { createPingService } from "../src/services/ping-service.js";
import { createReportService, type ReportService } from "../src/services/report-service.js";
import { defaultJobTuning, type JobContext, type JobTuning } from "./job-context.js";
import type { JobsObserver } from "./jobs-observer.js";
import { createQueues, type JobQueues } from "./queues.js";
import { RateGate } from "./rate-gate.js";
import { checkRedisHealth, type RedisHealth } from "./redis-health.js";
import { createScheduler, type PingScheduler } from "./scheduler.js";

export interface JobProducerOptions {
  prisma: PrismaClient;
  redisUrl: string;
  logger: Logger;
  /** Redis key prefix of every queue and gate. Default "roviec". Tests pass a unique one. */
  prefix?: string;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  tuning?: Partial<JobTuning>;
  /** The app's report service; built here when not given (tests, tools). */
  reports?: ReportService;
  /** Metrics hooks (src/runtime/metrics.ts). */
  observer?: JobsObserver;
}

export interface JobProducers {
  /** Plans pings on task and settings changes; adds one-off reminders. */
  scheduler: PingScheduler;
  queues: JobQueues;
  /** The rate gates in Redis, shared by every process (a bot's send rate across web and worker processes). */
  rateGate: RateGate;
  redisHealth: RedisHealth;
  /** What the processors share; the workers add the senders. */
  context: Omit<JobContext, "senders">;
  prefix: string;
  redisUrl: string;
  prisma: PrismaClient;
  /** Closes the queues and the Redis connection. Safe to call twice. */
  close(): Promise<void>;
  /** Whether the producers' own Redis connection is up (a graceful close waits for Redis; see close-jobs.ts). */
  redisReady(): boolean;
  /** Cuts the queues' and the Redis connection at once, for a close that cannot wait for Redis. */
  disconnect(): void;
}

export async function createJobProducers(options: JobProducerOptions): Promise<JobProducers> {
  const { prisma, redisUrl, logger } = options;
  const prefix = options.prefix ?? "roviec";
  const tuning: JobTuning = { ...defaultJobTuning, ...options.tuning };
  const log = logger.child({ module: "jobs" });
  // Fail fast while Redis is down: a user's command must not hang on a queue (the reconciler repairs later).
  const producer: ConnectionOptions = { url: redisUrl, enableOfflineQueue: false };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on("error", (error) => log.debug({ err: error }, "redis connection error"));
  const redisHealth = await checkRedisAtStart(redisUrl, log);
  const queues = createQueues({
    connection: producer,
    prefix,
    maxSendAttempts: tuning.maxSendAttempts,
    pingLeadMs: tuning.pingLeadMs,
  });
  const now = options.now ?? (() => new Date()); // real time only when no clock is given (tests, tools)
  const outbox = createOutboxService({ prisma, now });
  const context: Omit<JobContext, "senders"> = {
    pings: createPingService({ prisma, outbox, logger: log }),
    outbox,
    reports: options.reports ?? createReportService({ prisma }),
    queues,
    rateGate: new RateGate(redis, prefix),
    logger,
    now,
    tuning,
    observer: options.observer,
  };
  let closing: Promise<void> | undefined;
  const scheduler = createScheduler(context);
  return {
    scheduler,
    queues,
    rateGate: context.rateGate,
    redisHealth,
    context,
    prefix,
    redisUrl,
    prisma,
    close() {
      closing ??= (async () => {
        // Changes still being planned finish first: their jobs go to the queues about to close.
        await scheduler.idle().catch(() => undefined);
        await queues.close();
        await redis.quit().catch(() => redis.disconnect());
      })();
      return closing;
    },
    redisReady: () => redis.status === "ready",
    disconnect() {
      for (const queue of queues.all) void queue.disconnect().catch(() => undefined);
      redis.disconnect();
    },
  };
}

/** The start-up check on its own short-lived connection, so an unreachable Redis is reported instead of hanging start. */
async function checkRedisAtStart(redisUrl: string, log: Logger): Promise<RedisHealth> {
  const probe = shortLivedRedis(redisUrl);
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
