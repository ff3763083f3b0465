/**
 * The weeks a roll-up speaks of, in one time zone, measured as the channel's weekly summary measures them
 * (src/scheduling/weekly-report.ts): ISO weeks from Monday 00:00; "last week" is the last whole week; its figures
 * are compared with the week before it, and today's overdue count with the count exactly one week ago.
 */
import { DateTime } from "luxon";
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
  /**
   * Set when the roll-up looks back at a whole past week: `now` is then that week's end, "last week" is that week
   * and "due this week" counts the tasks due in it that were still to do when it began.
   */
  past?: PickedWeek;
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

/**
 * The weeks of a roll-up that looks back at `picked` as it stood at its end (the next Monday 00:00): open and overdue
 * then, done and on time in it against the week before, overdue at its end against its start. Null unless `picked`
 * is over at `now` (this week and later weeks are the live roll-up's).
 */
export function pastRollupWeeks(picked: PickedWeek, now: Date, timezone: string): RollupWeeks | null {
  if (picked.to > startOfLocalWeek(now, timezone)) return null;
  return {
    now: picked.to,
    timezone,
    weekBefore: addLocalWeeks(picked.from, -1, timezone),
    lastWeekStart: picked.from,
    weekStart: picked.to,
    nextWeekStart: addLocalWeeks(picked.to, 1, timezone),
    weekAgo: picked.from,
    past: picked,
  };
}

/** The starts of the `count` whole weeks before this one, oldest first (for trends). */
export function pastWeekStarts(weeks: RollupWeeks, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => addLocalWeeks(weeks.weekStart, i - count, weeks.timezone));
}

/** One ISO week in a zone: its key ("2026-W49") and its bounds (Monday 00:00 to the next Monday 00:00). */
export interface PickedWeek {
  key: string;
  from: Date;
  to: Date;
}

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The week a key names, or null when the key is not an ISO week ("2026-W49"). */
export function weekOfKey(key: string, timezone: string): PickedWeek | null {
  const match = WEEK_KEY.exec(key);
  if (!match) return null;
  const start = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: timezone },
  );
  if (!start.isValid || start.toFormat("kkkk-'W'WW") !== key) return null;
  const from = start.toJSDate();
  return { key, from, to: addLocalWeeks(from, 1, timezone) };
}

/** The weeks a person may pick, newest first: next week, this week and the `count` weeks before. */
export function weekChoices(weeks: RollupWeeks, count = 8): PickedWeek[] {
  return Array.from({ length: count + 2 }, (_, i) => {
    const from = addLocalWeeks(weeks.weekStart, 1 - i, weeks.timezone);
    const key = DateTime.fromJSDate(from, { zone: weeks.timezone }).toFormat("kkkk-'W'WW");
    return { key, from, to: addLocalWeeks(from, 1, weeks.timezone) };
  });
}

/** The whole weeks before this one a person may look back at on the overview, newest first. */
export function pastWeekChoices(now: Date, timezone: string, count = 8): PickedWeek[] {
  return weekChoices(rollupWeeks(now, timezone), count).slice(2);
}
