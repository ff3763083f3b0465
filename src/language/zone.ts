/**
 * Placing walls (wall.ts) in a time zone and back. Offsets come from luxon's zones
 * (one cached Intl.DateTimeFormat per IANA zone; "UTC-2" style fixed zones too), but
 * reading an offset through Intl costs microseconds, so offsets are cached per zone
 * and UTC hour. An hour is cached only when its first and last millisecond share an
 * offset, so a DST change inside it (Lord Howe's half-hour shift) is always read exactly.
 */
import { DateTime, Info, type Zone } from "luxon";
import { DAY, HOUR, MINUTE, startOf, type Wall } from "./wall.js";

export interface WallZone {
  /** Offset from UTC in minutes at an instant (ms). */
  offset(ts: number): number;
}

const zones = new Map<string, WallZone>();
const MAX_CACHED_HOURS = 4096;

function cached(zone: Zone): WallZone {
  if (zone.isUniversal) {
    const fixed = zone.offset(0);
    return { offset: () => fixed };
  }
  const hours = new Map<number, number>();
  return {
    offset(ts: number): number {
      const hour = Math.floor(ts / HOUR);
      const hit = hours.get(hour);
      if (hit !== undefined) return hit;
      const at = zone.offset(ts);
      if (zone.offset(hour * HOUR) === at && zone.offset(hour * HOUR + HOUR - 1) === at) {
        if (hours.size >= MAX_CACHED_HOURS) hours.clear();
        hours.set(hour, at);
      }
      return at;
    },
  };
}

/** The zone of that name; throws RangeError for a name neither IANA nor luxon knows. */
export function wallZone(name: string): WallZone {
  let z = zones.get(name);
  if (z) return z;
  const zone = Info.normalizeZone(name);
  if (!zone.isValid) throw new RangeError(`unknown time zone: ${name}`);
  z = cached(zone);
  zones.set(name, z);
  return z;
}

/** The wall clock at an instant. */
export function wallAt(ts: number, zone: WallZone): Wall {
  return ts + zone.offset(ts) * MINUTE;
}

/**
 * The instant a wall names in a zone, as luxon's setZone(zone, { keepLocalTime })
 * finds it: guess the offset, correct once, and in a DST gap keep the later offset
 * (so 02:30 on a spring-forward night is 03:30).
 */
export function instantOf(w: Wall, zone: WallZone): number {
  const o = zone.offset(w);
  let guess = w - o * MINUTE;
  const o2 = zone.offset(guess);
  if (o === o2) return guess;
  guess -= (o2 - o) * MINUTE;
  const o3 = zone.offset(guess);
  if (o2 === o3) return guess;
  return w - Math.min(o2, o3) * MINUTE;
}

/** Today and this ISO week (Monday to Sunday) in a zone, as instants; ends are the last millisecond. */
export interface LocalWindows {
  startOfToday: Date;
  endOfToday: Date;
  startOfWeek: Date;
  endOfWeek: Date;
}

/**
 * luxon's startOf / endOf "day" and "week" of `now` in `timezone`, by wall arithmetic on the cached offsets when
 * the week keeps one offset; a week with a clock change (where luxon settles ambiguous or missing midnights its own
 * way), or a zone name zone.ts refuses, is left to luxon.
 */
export function localWindows(now: Date, timezone: string): LocalWindows {
  let zone: WallZone | undefined;
  try {
    zone = wallZone(timezone);
  } catch {
    zone = undefined;
  }
  if (zone) {
    const offset = zone.offset(now.getTime());
    const wall = now.getTime() + offset * MINUTE;
    const today = startOf(wall, "day");
    const week = startOf(wall, "week");
    const first = week - offset * MINUTE;
    const last = week + 7 * DAY - offset * MINUTE - 1;
    if (zone.offset(first) === offset && zone.offset(last) === offset) {
      return {
        startOfToday: new Date(today - offset * MINUTE),
        endOfToday: new Date(today + DAY - offset * MINUTE - 1),
        startOfWeek: new Date(first),
        endOfWeek: new Date(last),
      };
    }
  }
  const local = DateTime.fromJSDate(now, { zone: timezone });
  return {
    startOfToday: local.startOf("day").toJSDate(),
    endOfToday: local.endOf("day").toJSDate(),
    startOfWeek: local.startOf("week").toJSDate(),
    endOfWeek: local.endOf("week").toJSDate(),
  };
}
