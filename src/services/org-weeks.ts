/**
 * The weeks a roll-up speaks of, in one time zone, measured as the channel's weekly summary measures them
 * (src/scheduling/weekly-report.ts): ISO weeks from Monday 00:00; "last week" is the last whole week; its figures
 * are compared with the week before it, and today's overdue count with the count exactly one week ago.
 */
import { addLocalWeeks, startOfLocalWeek } from "../scheduling/local-time.js";

export interface RollupWeeks {
  now: Date;
  timezone: string;
  /** Monday 00:00 of the week before last, of last week, of this week and of next week. */
  weekBefore: Date;
  lastWeekStart: Date;
  weekStart: Date;
  nextWeekStart: Date;
  /** `now` one week earlier: the instant today's overdue count is compared with. */
  weekAgo: Date;
}

export function rollupWeeks(now: Date, timezone: string): RollupWeeks {
  const weekStart = startOfLocalWeek(now, timezone);
  return {
    now,
    timezone,
    weekBefore: addLocalWeeks(weekStart, -2, timezone),
    lastWeekStart: addLocalWeeks(weekStart, -1, timezone),
    weekStart,
    nextWeekStart: addLocalWeeks(weekStart, 1, timezone),
    weekAgo: addLocalWeeks(now, -1, timezone),
  };
}

/** The starts of the `count` whole weeks before this one, oldest first (for trends). */
export function pastWeekStarts(weeks: RollupWeeks, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => addLocalWeeks(weeks.weekStart, i - count, weeks.timezone));
}
