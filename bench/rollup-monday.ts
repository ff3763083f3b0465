/**
 * The Monday roll-up (issue 17): `rollupChannels` roll-up channels over the organisation rollup.ts seeded (the
 * Ủy ban, then the Sở, then the Phòng with the most units below them), each one job through the real roll-up worker,
 * timed until every roll-up is built and in the outbox. Baseline, in the same run and on the same rows: every
 * channel's weekly summary through the real summary worker, divided by 20 (a roll-up reads the rows of its subtree
 * once, as the summaries of its channels do between them). Target: ≤ 3×.
 */
import { type Jobs, startJobs } from "../jobs/index.js";
import type { Database } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { deleteRedisPrefix, REDIS_URL, uniqueName, waitFor } from "./lib/env.js";
import { type BenchFigure, figure } from "./lib/result.js";
import { lastMondaySlot } from "./summaries.js";

export interface MondayRollupOptions {
  database: Database;
  databaseUrl: string;
  rollupChannels: number;
  log: (line: string) => void;
}

const TIMEOUT_MS = 300_000;

export interface MondayJobs {
  jobs: Jobs;
  prefix: string;
}

/**
 * The workers, started on the empty database before the organisation is seeded (as the summaries scenario does):
 * started after, their start-up reconcile would first plan the pings of every seeded task.
 */
export async function startMondayJobs(database: Database): Promise<MondayJobs> {
  const prefix = uniqueName("monday").replaceAll("_", "-");
  // No senders: the outbox fills and its send jobs wait; the figure is building and queueing, as for summaries.
  const jobs = await startJobs({
    prisma: database.prisma,
    redisUrl: REDIS_URL,
    senders: [],
    logger: createLogger("silent"),
    role: "worker",
    prefix,
    tuning: { reconcileEveryMs: 0 },
  });
  return { jobs, prefix };
}

export async function stopMondayJobs(monday: MondayJobs): Promise<void> {
  await monday.jobs.close().catch(() => undefined);
  await deleteRedisPrefix(monday.prefix);
}

export async function benchMondayRollup(options: MondayRollupOptions, { jobs }: MondayJobs): Promise<BenchFigure[]> {
  const { database, log } = options;
  const prisma = database.prisma;
  const rollupUnits = await chooseRollupUnits(database, options.rollupChannels);
  const slot = lastMondaySlot(new Date());
  const channelIds = (await prisma.channel.findMany({ select: { id: true } })).map((c) => c.id);
  const summaries = await timedUntilOutbox(prisma, channelIds.length, () =>
    jobs.queues.summaries.addBulk(
      channelIds.map((channelId) => ({
        name: "weekly-summary" as const,
        data: { channelId, slot },
        opts: { jobId: `bench-summary-${channelId}` },
      })),
    ),
  );
  const rollups = await timedUntilOutbox(prisma, channelIds.length + rollupUnits.length, () =>
    jobs.rollups.queue.addBulk(rollupUnits.map((unitId) => ({ name: "weekly-rollup", data: { unitId, slot } }))),
  );
  log(
    `rollup: ${rollupUnits.length} Monday roll-ups in ${rollups?.toFixed(2) ?? "—"} s; ` +
      `${channelIds.length} channel summaries in ${summaries?.toFixed(2) ?? "—"} s`,
  );
  const baseline = summaries === null ? null : summaries / 20;
  return [
    figure(`rollup: Monday roll-up, ${rollupUnits.length} roll-up channels, built and queued`, rollups, "s", {
      baseline,
      target: `≤ 3× (${channelIds.length} channel summaries ÷ 20)`,
      met: rollups !== null && baseline !== null && rollups <= 3 * baseline,
      digits: 2,
    }),
  ];
}

/** The units whose roll-up channel is set: the widest subtrees first, each using one of its own channels. */
async function chooseRollupUnits(database: Database, count: number): Promise<string[]> {
  const rows = await database.priorityLane.query<{ id: string }>(
    `WITH chosen AS (
       SELECT o.id FROM "OrgUnit" o
       ORDER BY (o."parentId" IS NULL) DESC, (SELECT count(*) FROM "OrgUnit" c WHERE c."parentId" = o.id) DESC, o.name
       LIMIT $1)
     UPDATE "OrgUnit" o SET "rollupChannelId" =
       (SELECT uc."channelId" FROM "OrgUnitChannel" uc WHERE uc."unitId" = o.id ORDER BY uc."channelId" LIMIT 1)
     FROM chosen WHERE chosen.id = o.id RETURNING o.id::text AS id`,
    [count],
  );
  return rows.map((row) => row.id);
}

/** Seconds from `start` until the outbox holds `rows` messages; null when it did not within the bound. */
async function timedUntilOutbox(
  prisma: Database["prisma"],
  rows: number,
  start: () => Promise<unknown>,
): Promise<number | null> {
  const started = performance.now();
  await start();
  const done = await waitFor(async () => (await prisma.outboxMessage.count()) >= rows, TIMEOUT_MS, 50);
  return done ? (performance.now() - started) / 1000 : null;
}
