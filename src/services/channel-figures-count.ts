/**
 * Counts channels' live figures from their tasks, with the 8-week trend and the instant until which they stand
 * (`validUntil`): the first instant at which time alone could change one of them. Pure time changes them only at
 * a deadline passing (overdue, due this week), at a deadline plus 1, 7 or 30 days (the ageing buckets), when the
 * instant one week back passes a task's creation, deadline or closing (overdue a week ago), and when the week ends
 * (everything counted by weeks, the trend). Writes are the trigger's business (channel-figures.ts).
 */
import { DateTime } from "luxon";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import {
  ageingBounds,
  DAY_MS,
  type FigureRow,
  figureColumns,
  TREND_WEEKS,
  trendColumns,
  trendOfRow,
} from "./figure-columns.js";
import { pastWeekStarts, type RollupWeeks } from "./org-weeks.js";
import { emptyFigures } from "./unit-figures.js";

type Db = Pick<PrismaClient, "$queryRaw">;

/** A channel's figures at one instant, its trend (figure-columns.ts trendOfRow) and until when they stand. */
export interface CountedChannel extends FigureRow {
  channelId: string;
  trend: number[];
  validUntil: Date;
}

interface CountRow extends FigureRow {
  channelId: string;
  nextDue: Date | null;
  nextDay: Date | null;
  nextWeek: Date | null;
  nextMonth: Date | null;
  nextWeekAgo: Date | null;
  [trendColumn: string]: unknown;
}

/** The live figures of `channelIds` at `w.now` (not a past week), counted from their tasks, in the order given. */
export async function countChannels(db: Db, channelIds: readonly string[], w: RollupWeeks): Promise<CountedChannel[]> {
  if (channelIds.length === 0) return [];
  const starts = pastWeekStarts(w, TREND_WEEKS);
  const ends = [...starts.slice(1), w.weekStart];
  const earliest = new Date(Math.min(w.weekBefore.getTime(), (starts[0] as Date).getTime()));
  const rows = await db.$queryRaw<CountRow[]>`
    SELECT t."channelId"::text AS "channelId", ${figureColumns(w)}, ${trendColumns(starts, ends)},
      ${nextChangeColumns(w)}
    FROM "Task" t
    WHERE t."channelId" = ANY(${[...channelIds]}::uuid[]) AND t."withdrawnAt" IS NULL
      AND (t.status = 'open' OR t."closedAt" IS NULL OR t."closedAt" >= ${earliest})
    GROUP BY t."channelId"`;
  const counted = new Map(rows.map((row) => [row.channelId, row]));
  // A channel without tasks has no row here (grouping by the tasks is faster than joining every channel): its
  // figures are zero, and its row is written like any other.
  return channelIds.map((channelId) => {
    const row = counted.get(channelId) ?? zeroRow(channelId);
    return { ...row, trend: trendOfRow(row, TREND_WEEKS), validUntil: validUntil(row, w) };
  });
}

/** A channel without tasks: the empty figures (unit-figures.ts), and no time change ahead. */
function zeroRow(channelId: string): CountRow {
  const { ageing, unitId: _unit, maxLateHours: _late, ...counts } = emptyFigures(channelId);
  const [a1, a7, a30, aMore] = ageing;
  const none = { nextDue: null, nextDay: null, nextWeek: null, nextMonth: null, nextWeekAgo: null };
  return { ...counts, channelId, firstLate: null, a1, a7, a30, aMore, ...none };
}

/**
 * The earliest instant (at or after now) each kind of time change happens at. `>=` rather than `>`: a deadline at
 * exactly now makes the figures stand until now only, which is never (they are counted again). A task is overdue at
 * an instant X from the later of its creation and its deadline (`late`) until it is closed, so "overdue a week ago"
 * changes only where X = now − 1 week passes those two instants of a task that was overdue at all.
 */
function nextChangeColumns(w: RollupWeeks): Prisma.Sql {
  const [day, week, month] = ageingBounds(w.now);
  const open = Prisma.sql`t.status = 'open'`;
  const late = Prisma.sql`greatest(t."createdAt", t."dueAt")`;
  const everLate = Prisma.sql`t."dueAt" IS NOT NULL AND (t."closedAt" IS NULL OR t."closedAt" > ${late})`;
  return Prisma.sql`min(t."dueAt") FILTER (WHERE ${open} AND t."dueAt" >= ${w.now}) AS "nextDue",
      min(t."dueAt") FILTER (WHERE ${open} AND t."dueAt" >= ${day}) AS "nextDay",
      min(t."dueAt") FILTER (WHERE ${open} AND t."dueAt" >= ${week}) AS "nextWeek",
      min(t."dueAt") FILTER (WHERE ${open} AND t."dueAt" >= ${month}) AS "nextMonth",
      least(min(${late}) FILTER (WHERE ${everLate} AND ${late} >= ${w.weekAgo}),
        min(t."closedAt") FILTER (WHERE ${everLate} AND t."closedAt" >= ${w.weekAgo})) AS "nextWeekAgo"`;
}

/**
 * Until when figures counted at `w.now` stand: the next time change, the end of the week, and at most a day ahead.
 * "A week ago" is a local week: it is `now` minus 7 × 24 hours unless a clock change lies between, so figures are
 * kept only while no clock change is within a day of either instant (otherwise they stand until now: counted again).
 */
export function validUntil(row: CountRow | null, w: RollupWeeks): Date {
  const now = w.now.getTime();
  const weekBack = now - w.weekAgo.getTime();
  if (weekBack !== 7 * DAY_MS || changesOffset(w.now, w.timezone) || changesOffset(w.weekAgo, w.timezone)) {
    return w.now;
  }
  const candidates = [w.nextWeekStart.getTime(), now + DAY_MS];
  const add = (at: Date | null | undefined, ms: number) => {
    if (at) candidates.push(at.getTime() + ms);
  };
  add(row?.nextDue, 0);
  add(row?.nextDay, DAY_MS);
  add(row?.nextWeek, 7 * DAY_MS);
  add(row?.nextMonth, 30 * DAY_MS);
  add(row?.nextWeekAgo, weekBack);
  return new Date(Math.min(...candidates));
}

/** Whether the zone's offset differs a day after `at` (a clock change within the day). */
function changesOffset(at: Date, zone: string): boolean {
  const start = DateTime.fromJSDate(at, { zone });
  return start.offset !== start.plus({ days: 1 }).offset;
}
