/**
 * The SQL that counts a channel's roll-up figures over its tasks (alias `t`), shared by the statement that reads them
 * for any instant (org-rollup.ts) and the one that counts them for the stored live figures (channel-figures-count.ts),
 * so both count by the same conditions. The figures are those of the channels' weekly summaries
 * (src/scheduling/weekly-report.ts): withdrawn tasks never count (the caller's WHERE leaves them out); "done" is a
 * task closed as done, at its closing time; overdue at an instant is open then and past its deadline.
 */
import { Prisma } from "../generated/prisma/client.js";
import type { RollupWeeks } from "./org-weeks.js";
import type { UnitFigures } from "./unit-figures.js";

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The instants the ageing buckets start at: whole 24-hour days before `now`. */
export function ageingBounds(now: Date): [day: Date, week: Date, month: Date] {
  const [day, week, month] = [1, 7, 30].map((days) => new Date(now.getTime() - days * DAY_MS));
  return [day as Date, week as Date, month as Date];
}

/**
 * The conditions a figure counts by at `w.now`. Live, a task is open by its status; looking back at a past week it
 * was open at that week's end if it existed then and was not yet closed (so a task cancelled later was open then),
 * and "due this week" is due in that week, still to do when it began and not cancelled before it ended.
 */
function figureConditions(w: RollupWeeks) {
  if (!w.past) {
    return {
      open: Prisma.sql`t.status = 'open'`,
      due: Prisma.sql`t.status = 'open' AND t."dueAt" >= ${w.now} AND t."dueAt" < ${w.nextWeekStart}`,
    };
  }
  const { from, to } = w.past;
  return {
    open: Prisma.sql`t."createdAt" <= ${w.now} AND (t."closedAt" IS NULL OR t."closedAt" > ${w.now})`,
    due: Prisma.sql`t."dueAt" >= ${from} AND t."dueAt" < ${to} AND t."createdAt" <= ${to}
      AND (t."closedAt" IS NULL OR t."closedAt" >= ${from}) AND NOT (t.status = 'cancelled' AND t."closedAt" < ${to})`,
  };
}

/**
 * The figure columns of one group of tasks at `w.now` (read them with `figuresOfRow`). The bounds are computed here,
 * not in SQL: an instant minus an interval of days is a time-zone computation the database would repeat for every
 * row, and the longest lateness is read as the earliest deadline (a plain minimum) for the same reason. Ageing
 * buckets are whole 24-hour days.
 */
export function figureColumns(w: RollupWeeks): Prisma.Sql {
  const now = w.now;
  const [day, week, month] = ageingBounds(now);
  const { open, due } = figureConditions(w);
  const overdue = Prisma.sql`${open} AND t."dueAt" < ${now}`;
  const doneLastWeek = Prisma.sql`t.status = 'done' AND t."closedAt" >= ${w.lastWeekStart}
        AND t."closedAt" < ${w.weekStart}`;
  return Prisma.sql`count(*) FILTER (WHERE ${open})::int AS open,
      count(*) FILTER (WHERE ${overdue})::int AS overdue,
      min(t."dueAt") FILTER (WHERE ${overdue}) AS "firstLate",
      count(*) FILTER (WHERE ${overdue} AND t."dueAt" >= ${day})::int AS a1,
      count(*) FILTER (WHERE ${open} AND t."dueAt" < ${day} AND t."dueAt" >= ${week})::int AS a7,
      count(*) FILTER (WHERE ${open} AND t."dueAt" < ${week} AND t."dueAt" >= ${month})::int AS a30,
      count(*) FILTER (WHERE ${open} AND t."dueAt" < ${month})::int AS "aMore",
      count(*) FILTER (WHERE ${due})::int AS "dueThisWeek",
      count(*) FILTER (WHERE ${doneLastWeek})::int AS "doneLastWeek",
      count(*) FILTER (WHERE ${doneLastWeek} AND t."dueAt" IS NOT NULL)::int AS "measuredLastWeek",
      count(*) FILTER (WHERE ${doneLastWeek} AND t."closedAt" <= t."dueAt")::int AS "onTimeLastWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."closedAt" >= ${w.weekBefore}
        AND t."closedAt" < ${w.lastWeekStart})::int AS "doneWeekBefore",
      count(*) FILTER (WHERE t."createdAt" <= ${w.weekAgo} AND t."dueAt" < ${w.weekAgo}
        AND (t."closedAt" IS NULL OR t."closedAt" > ${w.weekAgo}))::int AS "overdueWeekAgo"`;
}

/** A row of `figureColumns`, as the driver returns it. */
export type FigureRow = Omit<UnitFigures, "unitId" | "ageing" | "maxLateHours"> & {
  firstLate: Date | null;
  a1: number;
  a7: number;
  a30: number;
  aMore: number;
};

/**
 * The figures of a row at `now`. Written out field by field: objects made by spreading the driver's rows were several
 * times slower to read when the tree adds a thousand of them up.
 */
export function figuresOfRow(unitId: string, r: FigureRow, now: Date): UnitFigures {
  return {
    unitId,
    open: r.open,
    overdue: r.overdue,
    maxLateHours: r.firstLate === null ? null : Math.round((now.getTime() - r.firstLate.getTime()) / HOUR_MS),
    ageing: [r.a1, r.a7, r.a30, r.aMore],
    dueThisWeek: r.dueThisWeek,
    doneLastWeek: r.doneLastWeek,
    measuredLastWeek: r.measuredLastWeek,
    onTimeLastWeek: r.onTimeLastWeek,
    doneWeekBefore: r.doneWeekBefore,
    overdueWeekAgo: r.overdueWeekAgo,
  };
}

/** The whole weeks a trend shows, ending with the last one before the week reported. */
export const TREND_WEEKS = 8;

/** The figures of a trend's week: done in it, of those with a deadline and on time, and overdue at its end. */
export const TREND_FIELDS = 4;

/**
 * Four count columns per week [starts[i], ends[i]), named d0, m0, t0, o0, d1, …: done in the week, done with a
 * deadline, done on time, and overdue as it stood at the week's end (from creation and closing times, so the trend is
 * right for weeks before the units were set up).
 */
export function trendColumns(starts: readonly Date[], ends: readonly Date[]): Prisma.Sql {
  const columns = starts.map((s, i) => {
    const e = ends[i] as Date;
    const doneIn = Prisma.sql`t.status = 'done' AND t."closedAt" >= ${s} AND t."closedAt" < ${e}`;
    return Prisma.sql`count(*) FILTER (WHERE ${doneIn})::int AS ${Prisma.raw(`"d${i}"`)},
      count(*) FILTER (WHERE ${doneIn} AND t."dueAt" IS NOT NULL)::int AS ${Prisma.raw(`"m${i}"`)},
      count(*) FILTER (WHERE ${doneIn} AND t."closedAt" <= t."dueAt")::int AS ${Prisma.raw(`"t${i}"`)},
      count(*) FILTER (WHERE t."createdAt" <= ${e} AND t."dueAt" < ${e}
        AND (t."closedAt" IS NULL OR t."closedAt" > ${e}))::int AS ${Prisma.raw(`"o${i}"`)}`;
  });
  return Prisma.join(columns, ",\n");
}

/** The trend columns of a row as one flat list: done, measured, on time, overdue at the end, week after week. */
export function trendOfRow(row: Record<string, unknown> | undefined, weeks: number): number[] {
  const flat: number[] = [];
  for (let i = 0; i < weeks; i += 1) {
    for (const field of ["d", "m", "t", "o"]) flat.push(Number(row?.[`${field}${i}`] ?? 0));
  }
  return flat;
}
