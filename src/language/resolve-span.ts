/**
 * Date-level readings: which day or period the date words of a phrase name.
 * Wall-clock arithmetic uses luxon in the channel's zone, so DST days stay right.
 */
import type { DateTime } from "luxon";
import type { Piece } from "./due-pieces.js";
import type { Grain } from "./types.js";

export interface Span {
  start: DateTime;
  /** Exclusive end. */
  end: DateTime;
  grain: Grain;
}

type Of<K extends Piece["k"]> = Extract<Piece, { k: K }>;
export type PieceBag = { [K in Piece["k"]]?: Of<K> };

export function daySpan(d: DateTime): Span {
  const start = d.startOf("day");
  return { start, end: start.plus({ days: 1 }), grain: "day" };
}

export function unitSpan(d: DateTime, unit: "week" | "month" | "quarter" | "year"): Span {
  const start = d.startOf(unit);
  return { start, end: start.plus({ [`${unit}s`]: 1 }), grain: unit };
}

/** The next date (today included) with that month/day; null if it never exists (31/2). */
function nextDate(now: DateTime, m: number, d: number, y: number | null): DateTime | null {
  const years = y !== null ? [y] : [now.year, now.year + 1, now.year + 2, now.year + 3, now.year + 4];
  for (const year of years) {
    const c = now.set({ year, month: m, day: d }).startOf("day");
    if (c.month !== m || c.day !== d) continue;
    if (y !== null || c >= now.startOf("day")) return c;
  }
  return null;
}

function monthStart(now: DateTime, bag: PieceBag): DateTime | null {
  if (bag.month) {
    const { m, mod } = bag.month;
    let year = bag.year?.y ?? (m >= now.month ? now.year : now.year + 1);
    if (!bag.year && mod) year = m > now.month ? now.year : now.year + 1;
    if (!bag.year && mod === "afterNext") year += 1;
    return now.set({ year, month: m, day: 1 }).startOf("day");
  }
  if (bag.period?.unit === "month") return now.startOf("month").plus({ months: bag.period.offset });
  return null;
}

function weekdaySpan(now: DateTime, w: Of<"weekday">, bag: PieceBag): Span {
  const today = now.startOf("day");
  if (bag.period?.unit === "week") {
    return daySpan(today.startOf("week").plus({ weeks: bag.period.offset, days: w.wd - 1 }));
  }
  if (w.mod === "nextweek") return daySpan(today.startOf("week").plus({ weeks: 1, days: w.wd - 1 }));
  if (w.mod === "last") return daySpan(today.minus({ days: ((today.weekday - w.wd + 6) % 7) + 1 }));
  return daySpan(today.plus({ days: ((w.wd - today.weekday + 6) % 7) + 1 }));
}

function domSpan(now: DateTime, d: number, bag: PieceBag): Span | null {
  if (bag.month && !bag.year && !bag.month.mod && bag.weekday) {
    for (let y = now.year; y < now.year + 12; y++) {
      const day = now.set({ year: y, month: bag.month.m, day: d }).startOf("day");
      if (day.day === d && day.weekday === bag.weekday.wd) return daySpan(day);
    }
    return null;
  }
  if (bag.month && !bag.year && !bag.month.mod) {
    const day = nextDate(now, bag.month.m, d, null);
    return day ? daySpan(day) : null;
  }
  const ms = monthStart(now, bag);
  if (ms) {
    const day = ms.set({ day: d });
    return day.day === d && day.month === ms.month ? daySpan(day) : null;
  }
  // "on the 15th", "Thu 15th": the next 15th (on a Thursday, when one is named).
  let c = now.startOf("month");
  for (let i = 0; i < 24; i++, c = c.plus({ months: 1 })) {
    const day = c.set({ day: d });
    if (day.day !== d || day < now.startOf("day")) continue;
    if (!bag.weekday || day.weekday === bag.weekday.wd) return daySpan(day);
  }
  return null;
}

function nthSpan(now: DateTime, nth: Of<"nth">, bag: PieceBag): Span | null {
  const box =
    bag.month || bag.period?.unit === "month"
      ? unitSpan(monthStart(now, bag) as DateTime, "month")
      : bag.year
        ? unitSpan(now.set({ year: bag.year.y }), "year")
        : null;
  if (!box) return null;
  const days: DateTime[] = [];
  for (let d = box.start; d < box.end; d = d.plus({ days: 1 })) days.push(d);
  let hits: DateTime[] = days;
  if (nth.unit === "weekday") hits = days.filter((d) => d.weekday === nth.wd);
  if (nth.unit === "weekend") hits = days.filter((d) => d.weekday === 5);
  if (nth.unit === "week") {
    hits =
      nth.n > 0
        ? days.filter((d) => d.weekday === 1)
        : days.filter((d) => d.weekday === 7).map((d) => d.minus({ days: 6 }));
  }
  const pick = nth.n > 0 ? hits[nth.n - 1] : hits[hits.length + nth.n];
  if (!pick) return null;
  if (nth.unit === "week") return { start: pick, end: pick.plus({ weeks: 1 }), grain: "week" };
  if (nth.unit === "weekend") return { start: pick.set({ hour: 18 }), end: pick.plus({ days: 3 }), grain: "hour" };
  return daySpan(pick);
}

/** The span the date words name, or undefined when there are none, or null when they make no sense. */
export function dateSpan(now: DateTime, bag: PieceBag): Span | null | undefined {
  if (bag.date) {
    const { d, m, y } = bag.date;
    const day = nextDate(now, m, d, y ?? bag.year?.y ?? null);
    return day ? daySpan(day) : null;
  }
  if (bag.dom) return domSpan(now, bag.dom.d, bag);
  if (bag.nth) return nthSpan(now, bag.nth, bag);
  if (bag.weekday) return weekdaySpan(now, bag.weekday, bag);
  if (bag.weekdayCount) {
    const { wd, n } = bag.weekdayCount;
    return daySpan(now.startOf("day").plus({ days: ((wd - now.weekday + 6) % 7) + 1 + 7 * (n - 1) }));
  }
  if (bag.day) return daySpan(now.plus({ days: bag.day.n }));
  if (bag.month) return unitSpan(monthStart(now, bag) as DateTime, "month");
  if (bag.quarter) {
    const base = now.set({ year: bag.year?.y ?? now.year, month: bag.quarter.q * 3 - 2, day: 1 });
    return unitSpan(base, "quarter");
  }
  if (bag.period) {
    const { unit, offset } = bag.period;
    if (unit === "week" || unit === "month" || unit === "quarter" || unit === "year") {
      return unitSpan(now.plus({ [`${unit}s`]: offset }), unit);
    }
    return null;
  }
  if (bag.year) return unitSpan(now.set({ year: bag.year.y }), "year");
  return undefined;
}
