/**
 * The Monday roll-up of each roll-up channel (`kênh tổng hợp cho: …`): a queue of its own, a cron job scheduler per
 * unit that has a roll-up channel (Monday 08:30 in that channel's zone, after the units' own summaries at 08:00),
 * kept equal to the database by `syncSchedulers` (at start and with every reconcile), and its worker.
 */
import { type ConnectionOptions, Queue, Worker } from "bullmq";
import type { Logger } from "../src/logger.js";
import { createWeeklyRollupProcessor, type RollupPayload, type WeeklyRollupDeps } from "./weekly-rollup.processor.js";

export const ROLLUP_QUEUE = "weekly-rollup";
/** Monday 08:30: after the channels' own weekly summaries (08:00 by default). */
export const ROLLUP_CRON = "30 8 * * 1";
export const rollupSchedulerId = (unitId: string) => `rollup-${unitId}`;

export interface WeeklyRollupsOptions extends WeeklyRollupDeps {
  connection: ConnectionOptions;
  prefix: string;
  logger: Logger;
  /** Run the worker here (false in a process that only receives: ROLE=web). */
  work: boolean;
}

export type WeeklyRollups = Awaited<ReturnType<typeof startWeeklyRollups>>;

export async function startWeeklyRollups(options: WeeklyRollupsOptions) {
  const { connection, prefix, logger } = options;
  const queue = new Queue<RollupPayload>(ROLLUP_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 30_000, jitter: 0.5 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
    },
  });
  queue.on("error", () => undefined); // connection errors surface through the worker's log
  const worker = options.work
    ? new Worker<RollupPayload>(ROLLUP_QUEUE, createWeeklyRollupProcessor(options), {
        connection: { ...connection, maxRetriesPerRequest: null } as ConnectionOptions,
        prefix,
        concurrency: 1,
      })
    : undefined;
  worker?.on("error", (error) => logger.warn({ err: error }, "weekly roll-up worker error"));
  worker?.on("failed", (job, error) => logger.warn({ jobId: job?.id, err: error }, "weekly roll-up failed"));
  await worker?.waitUntilReady();

  /** Upserts a scheduler per unit with a roll-up channel and removes the others; returns how many there are. */
  async function syncSchedulers(): Promise<number> {
    const units = await options.prisma.orgUnit.findMany({
      where: { rollupChannelId: { not: null } },
      select: { id: true, rollupChannel: { select: { timezone: true } } },
    });
    const wanted = new Set(units.map((u) => rollupSchedulerId(u.id)));
    for (const unit of units) {
      await queue.upsertJobScheduler(
        rollupSchedulerId(unit.id),
        { pattern: ROLLUP_CRON, tz: unit.rollupChannel?.timezone ?? "Asia/Ho_Chi_Minh" },
        { name: "weekly-rollup", data: { unitId: unit.id } },
      );
    }
    for (const scheduler of await queue.getJobSchedulers(0, -1)) {
      if (scheduler.key && !wanted.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
    }
    return units.length;
  }

  return {
    queue,
    syncSchedulers,
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
