/**
 * Wall-clock arithmetic on plain numbers: a "wall" is the channel's local date and time
 * written as if it were UTC milliseconds. Resolving a deadline is all calendar
 * arithmetic (start of week, plus a month, a given day), and doing it on numbers rather
 * than luxon DateTimes is what keeps parsing far under a millisecond. The semantics
 * copy luxon's on a UTC DateTime exactly (month overflow, day clamping, ISO weeks),
 * because the corpus results were measured with luxon; zone.ts places a wall in a zone.
 */
import { DateTime } from "luxon";
import { toIsoDate } from "../calendar/index.js";

export type Wall = number;
export type WallUnit = "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year";

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** luxon's objToLocalTS: Date.UTC, with years 0–99 kept as written. */
export function wallOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): Wall {
  const w = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (year >= 100 || year < 0) return w;
  const d = new Date(w);
  d.setUTCFullYear(year, month - 1, day);
  return +d;
}

export function fieldsOf(w: Wall): WallFields {
  const d = new Date(w);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

export const yearOf = (w: Wall): number => new Date(w).getUTCFullYear();
export const monthOf = (w: Wall): number => new Date(w).getUTCMonth() + 1;
export const dayOf = (w: Wall): number => new Date(w).getUTCDate();
/** ISO weekday, 1 = Monday; 1970-01-01 was a Thursday. */
export const weekdayOf = (w: Wall): number => ((((Math.floor(w / DAY) + 3) % 7) + 7) % 7) + 1;
export const isoDateOf = (w: Wall): string => {
  const f = fieldsOf(w);
  return toIsoDate(f.year, f.month, f.day);
};

function daysInMonth(year: number, month: number): number {
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = year + (month - m) / 12;
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function startOf(w: Wall, unit: WallUnit): Wall {
  switch (unit) {
    case "second":
      return w - (((w % 1000) + 1000) % 1000);
    case "minute":
      return w - (((w % MINUTE) + MINUTE) % MINUTE);
    case "hour":
      return w - (((w % HOUR) + HOUR) % HOUR);
    case "day":
      return Math.floor(w / DAY) * DAY;
    case "week":
      return Math.floor(w / DAY) * DAY - (weekdayOf(w) - 1) * DAY;
    default: {
      const f = fieldsOf(w);
      const month = unit === "year" ? 1 : unit === "quarter" ? Math.floor((f.month - 1) / 3) * 3 + 1 : f.month;
      return wallOf(f.year, month, 1);
    }
  }
}

/** luxon's plus({ [unit+"s"]: n }): calendar units move the date (clamping the day), others add time. */
export function plus(w: Wall, unit: WallUnit, n: number): Wall {
  // Fractions ("in 2.5 weeks") follow luxon's casual conversion; rare enough to hand over.
  if (!Number.isInteger(n))
    return DateTime.fromMillis(w, { zone: "utc" })
      .plus({ [`${unit}s`]: n })
      .toMillis();
  switch (unit) {
    case "second":
      return w + n * 1000;
    case "minute":
      return w + n * MINUTE;
    case "hour":
      return w + n * HOUR;
    case "day":
      return w + n * DAY;
    case "week":
      return w + n * 7 * DAY;
    default: {
      const f = fieldsOf(w);
      const year = f.year + (unit === "year" ? n : 0);
      const month = f.month + (unit === "month" ? n : unit === "quarter" ? 3 * n : 0);
      const day = Math.min(f.day, daysInMonth(year, month));
      return wallOf(year, month, day, f.hour, f.minute, f.second, f.millisecond);
    }
  }
}

/** luxon's set(): the fields given replace the wall's; an unset day is clamped to the month. */
export function set(w: Wall, patch: Partial<Pick<WallFields, "year" | "month" | "day" | "hour">>): Wall {
  const f = fieldsOf(w);
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) f[k as keyof typeof patch] = v;
  if (patch.day === undefined) f.day = Math.min(daysInMonth(f.year, f.month), f.day);
  return wallOf(f.year, f.month, f.day, f.hour, f.minute, f.second, f.millisecond);
}
