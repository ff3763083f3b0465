/**
 * Time-zone arithmetic with luxon: local days as "YYYY-MM-DD", instants at a local time of day.
 *
 * Planning and claiming pings ask these questions thousands of times a second in a rush, and each luxon answer
 * asks `Intl.DateTimeFormat#formatToParts` for the zone's offset. So the two hot paths are cached, where that is
 * exact: a zone's offset per quarter hour of UTC (kept only when it is the same at both ends of that quarter, so an
 * offset change inside it is never cached), and `atLocal`, a pure function of its arguments. Both caches are
 * bounded; the rarer functions below use luxon directly.
 */
import { DateTime, IANAZone } from "luxon";

/** Offsets change only on quarter-hour boundaries of UTC for every zone in use since the 1970s. */
const QUARTER_HOUR_MS = 15 * 60_000;
/** Entries kept per cache before it is cleared (a few MB at most). */
const MAX_ENTRIES = 50_000;

const zones = new Map<string, IANAZone | null>();
const offsets = new Map<string, number>();
const instants = new Map<string, number>();

/** luxon's zone object, created once per name; null for a name this runtime does not know. */
function ianaZone(zone: string): IANAZone | null {
  let found = zones.get(zone);
  if (found === undefined) {
    found = IANAZone.isValidZone(zone) ? IANAZone.create(zone) : null;
    if (zones.size >= MAX_ENTRIES) zones.clear();
    zones.set(zone, found);
  }
  return found;
}

/** The zone's UTC offset at `ms`, in minutes (cached per quarter hour when constant across it). */
function offsetMinutes(iana: IANAZone, ms: number): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${iana.name}|${quarter}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const start = quarter * QUARTER_HOUR_MS;
  const atStart = iana.offset(start);
  if (iana.offset(start + QUARTER_HOUR_MS - 1) !== atStart) return iana.offset(ms);
  if (offsets.size >= MAX_ENTRIES) offsets.clear();
  offsets.set(key, atStart);
  return atStart;
}

/** `instant` as wall-clock fields in `zone` (read with the getUTC* methods), or null for an unknown zone. */
function wallClock(instant: Date, zone: string): Date | null {
  const iana = ianaZone(zone);
  if (!iana) return null;
  const ms = instant.getTime();
  return new Date(ms + offsetMinutes(iana, ms) * 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The local calendar day of `instant` in `zone`. */
export function localDay(instant: Date, zone: string): string {
  const wall = wallClock(instant, zone);
  if (!wall || Number.isNaN(wall.getTime())) return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
  const year = wall.getUTCFullYear();
  if (year < 0 || year > 9999) return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
  return `${pad(year, 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** Minutes after local midnight of `instant` in `zone`. */
export function localMinutes(instant: Date, zone: string): number {
  const wall = wallClock(instant, zone);
  if (!wall) {
    const t = DateTime.fromJSDate(instant, { zone });
    return t.hour * 60 + t.minute;
  }
  return wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

/**
 * The instant of `minutes` after midnight on local day `isoDay` in `zone`. A local time skipped by a DST jump
 * resolves to the first valid instant after it (luxon's rule), so a 02:30 ping on a spring-forward night still fires.
 */
export function atLocal(isoDay: string, minutes: number, zone: string): Date {
  const key = `${zone}|${isoDay}|${minutes}`;
  const cached = instants.get(key);
  if (cached !== undefined) return new Date(cached);
  const start = DateTime.fromISO(isoDay, { zone });
  if (!start.isValid) throw new RangeError(`bad day or zone: ${isoDay} ${zone}`);
  const at = start.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toJSDate();
  if (instants.size >= MAX_ENTRIES) instants.clear();
  instants.set(key, at.getTime());
  return at;
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
