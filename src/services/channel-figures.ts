/**
 * Each channel's live roll-up figures, kept as a row per channel (ChannelFigures) so that the leader's view of a
 * thousand units reads a row per channel instead of every task. A row holds the figures of one instant and stands
 * from then until the first instant time alone could change them (channel-figures-count.ts) and until a task of the
 * channel is written: a trigger on "Task" raises the row's `epoch` in the writing transaction (migration
 * 20261210090000_channel_figures). Channels whose row does not stand are counted from their tasks in the same request
 * and their rows written, so every answer is what counting every task would give at that instant.
 *
 * Writing a row races with task writes. The epoch is read before counting and the row is written only if its epoch
 * is still that one: a write that committed after the epoch was read (seen by the count or not) leaves the row not
 * standing, and a write not yet committed holds the row's lock, so the conditional write waits for it and then sees
 * the raised epoch.
 */
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { type CountedChannel, countChannels } from "./channel-figures-count.js";
import type { FigureRow } from "./figure-columns.js";
import type { RollupWeeks } from "./org-weeks.js";

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

/** Which units: the ones listed, or every unit of a workspace (a workspace admin's view, read without listing them). */
export type UnitScope = { unitIds: readonly string[] } | { workspaceId: string };

/** The condition on `uc` (OrgUnitChannel) that keeps the channels of the units in `scope`. */
export function unitChannelCondition(scope: UnitScope): Prisma.Sql {
  return "workspaceId" in scope
    ? Prisma.sql`uc."unitId" IN (SELECT u.id FROM "OrgUnit" u WHERE u."workspaceId" = ${scope.workspaceId}::uuid)`
    : Prisma.sql`uc."unitId" = ANY(${[...scope.unitIds]}::uuid[])`;
}

/** A channel's figures at an instant, its unit, and its 8-week trend (figure-columns.ts trendOfRow). */
export interface LiveChannel extends FigureRow {
  channelId: string;
  unitId: string;
  trend: number[];
}

interface StoredRow extends FigureRow {
  channelId: string;
  unitId: string;
  /** Null when the channel has no row yet. */
  epoch: number | null;
  standing: boolean | null;
  trend: string | null;
}

/**
 * The live figures (w is not a past week) of every channel of the units in scope, from their rows where those stand,
 * with the trend when asked for.
 */
export async function liveChannelFigures(
  db: Db,
  units: UnitScope,
  w: RollupWeeks,
  withTrend: boolean,
): Promise<LiveChannel[]> {
  const stored = await readRows(db, units, w, withTrend);
  const live: LiveChannel[] = [];
  const toCount: StoredRow[] = [];
  for (const row of stored) {
    if (row.standing) live.push({ ...row, trend: withTrend ? parseInts(row.trend) : [] });
    else toCount.push(row);
  }
  if (toCount.length === 0) return live;
  // In channel order, as the trigger raises them: two statements never wait on each other's rows crosswise.
  toCount.sort((a, b) => (a.channelId < b.channelId ? -1 : 1));
  const counted = await countChannels(
    db,
    toCount.map((row) => row.channelId),
    w,
  );
  // A channel without a row yet: a row written now starts at epoch 0 unless a task write made one meanwhile.
  await writeRows(
    db,
    counted,
    toCount.map((row) => row.epoch ?? 0),
    w,
  );
  for (const [i, row] of counted.entries()) live.push({ ...row, unitId: (toCount[i] as StoredRow).unitId });
  return live;
}

/**
 * The channels of the units in scope with their rows, and whether each row stands at `w.now` in `w.timezone`. The trend
 * is read as text: the driver's array parser took half the time of reading a thousand rows.
 */
function readRows(db: Db, units: UnitScope, w: RollupWeeks, withTrend: boolean): Promise<StoredRow[]> {
  const trend = withTrend ? Prisma.sql`f.trend::text` : Prisma.sql`NULL::text`;
  return db.$queryRaw<StoredRow[]>`
    SELECT uc."channelId"::text AS "channelId", uc."unitId"::text AS "unitId", f.epoch,
      (f.epoch = f."validEpoch" AND f.timezone = ${w.timezone}
        AND f."computedAt" <= ${w.now} AND f."validUntil" > ${w.now}) AS standing,
      f.open, f.overdue, f."firstLate", f."ageDay" AS a1, f."ageWeek" AS a7, f."ageMonth" AS a30,
      f."ageOlder" AS "aMore", f."dueThisWeek", f."doneLastWeek", f."measuredLastWeek", f."onTimeLastWeek",
      f."doneWeekBefore", f."overdueWeekAgo", ${trend} AS trend
    FROM "OrgUnitChannel" uc LEFT JOIN "ChannelFigures" f ON f."channelId" = uc."channelId"
    WHERE ${unitChannelCondition(units)}`;
}

/** "{1,2,3}" as numbers. */
function parseInts(text: string | null): number[] {
  if (!text || text.length <= 2) return [];
  return text.slice(1, -1).split(",").map(Number);
}

/**
 * Writes counted figures where the row's epoch is still the one read before counting (`epochs`, row for row), or
 * makes the row. A channel deleted meanwhile gets no row.
 */
async function writeRows(
  db: Db,
  counted: readonly CountedChannel[],
  epochs: readonly number[],
  w: RollupWeeks,
): Promise<void> {
  const column = <T>(pick: (row: CountedChannel) => T) => counted.map(pick);
  await db.$executeRaw`
    INSERT INTO "ChannelFigures" AS f ("channelId", epoch, "validEpoch", timezone, "computedAt", "validUntil",
      open, overdue, "firstLate", "ageDay", "ageWeek", "ageMonth", "ageOlder", "dueThisWeek", "doneLastWeek",
      "measuredLastWeek", "onTimeLastWeek", "doneWeekBefore", "overdueWeekAgo", trend)
    SELECT v.id, v.epoch, v.epoch, ${w.timezone}, ${w.now}, v.until, v.open, v.overdue, v.late, v.a1, v.a7, v.a30,
      v.older, v.due, v.done, v.measured, v."onTime", v.before, v."weekAgo", v.trend::int[]
    FROM unnest(${column((r) => r.channelId)}::uuid[], ${[...epochs]}::int[],
      ${column((r) => r.validUntil.toISOString())}::timestamptz[], ${column((r) => r.open)}::int[],
      ${column((r) => r.overdue)}::int[], ${column((r) => r.firstLate?.toISOString() ?? null)}::timestamptz[],
      ${column((r) => r.a1)}::int[], ${column((r) => r.a7)}::int[], ${column((r) => r.a30)}::int[],
      ${column((r) => r.aMore)}::int[], ${column((r) => r.dueThisWeek)}::int[], ${column((r) => r.doneLastWeek)}::int[],
      ${column((r) => r.measuredLastWeek)}::int[], ${column((r) => r.onTimeLastWeek)}::int[],
      ${column((r) => r.doneWeekBefore)}::int[], ${column((r) => r.overdueWeekAgo)}::int[],
      ${column((r) => `{${r.trend.join(",")}}`)}::text[])
      AS v(id, epoch, until, open, overdue, late, a1, a7, a30, older, due, done, measured, "onTime", before,
        "weekAgo", trend)
    WHERE EXISTS (SELECT 1 FROM "Channel" c WHERE c.id = v.id)
    ON CONFLICT ("channelId") DO UPDATE SET "validEpoch" = EXCLUDED."validEpoch", timezone = EXCLUDED.timezone,
      "computedAt" = EXCLUDED."computedAt", "validUntil" = EXCLUDED."validUntil", open = EXCLUDED.open,
      overdue = EXCLUDED.overdue, "firstLate" = EXCLUDED."firstLate", "ageDay" = EXCLUDED."ageDay",
      "ageWeek" = EXCLUDED."ageWeek", "ageMonth" = EXCLUDED."ageMonth", "ageOlder" = EXCLUDED."ageOlder",
      "dueThisWeek" = EXCLUDED."dueThisWeek", "doneLastWeek" = EXCLUDED."doneLastWeek",
      "measuredLastWeek" = EXCLUDED."measuredLastWeek", "onTimeLastWeek" = EXCLUDED."onTimeLastWeek",
      "doneWeekBefore" = EXCLUDED."doneWeekBefore", "overdueWeekAgo" = EXCLUDED."overdueWeekAgo",
      trend = EXCLUDED.trend
    WHERE f.epoch = EXCLUDED."validEpoch"`;
}
