/** Time-zone arithmetic with luxon: local days as "YYYY-MM-DD", instants at a local time of day. */
import { DateTime } from "luxon";

/** The local calendar day of `instant` in `zone`. */
export function localDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}

/** Minutes after local midnight of `instant` in `zone`. */
export function localMinutes(instant: Date, zone: string): number {
  const t = DateTime.fromJSDate(instant, { zone });
  return t.hour * 60 + t.minute;
}

/**
 * The instant of `minutes` after midnight on local day `isoDay` in `zone`. A local time skipped by a DST jump
 * resolves to the first valid instant after it (luxon's rule), so a 02:30 ping on a spring-forward night still fires.
 */
export function atLocal(isoDay: string, minutes: number, zone: string): Date {
  const start = DateTime.fromISO(isoDay, { zone });
  if (!start.isValid) throw new RangeError(`bad day or zone: ${isoDay} ${zone}`);
  return start.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toJSDate();
}

/** The start of the ISO week (Monday 00:00 local) containing `instant`. */
export function startOfLocalWeek(instant: Date, zone: string): Date {
  return DateTime.fromJSDate(instant, { zone }).startOf("week").toJSDate();
}

/** `instant` shifted by whole local weeks (DST-safe: Monday 00:00 stays Monday 00:00). */
export function addLocalWeeks(instant: Date, weeks: number, zone: string): Date {
  return DateTime.fromJSDate(instant, { zone }).plus({ weeks }).toJSDate();
}

/** Whole local calendar days from `from`'s day to `to`'s day (0 on the same day). */
export function localDaysBetween(from: Date, to: Date, zone: string): number {
  const a = DateTime.fromJSDate(from, { zone }).startOf("day");
  const b = DateTime.fromJSDate(to, { zone }).startOf("day");
  return Math.round(b.diff(a, "days").days);
}
