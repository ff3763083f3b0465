/**
 * Local days and times of an instant in a channel's zone, for moving a deadline to another working day at the same
 * time of day ("17:00 thứ Bảy" → "17:00 thứ Hai").
 */
import { DateTime } from "luxon";

/** "YYYY-MM-DD" of the instant in the zone. */
export function localIsoDate(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? at.toISOString().slice(0, 10);
}

/** The instant on local day `isoDate` at the same local time of day as `at`. */
export function atSameTimeOn(at: Date, isoDate: string, timezone: string): Date {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const [year, month, day] = isoDate.split("-").map(Number);
  return local.set({ year, month, day }).toJSDate();
}
