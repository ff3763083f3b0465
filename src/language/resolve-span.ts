/**
 * Date-level readings: which day or period the date words of a phrase name.
 * Arithmetic is on walls (wall.ts): the channel's clock, placed in its zone only at the end.
 */
import type { Piece } from "./due-pieces.js";
import type { Grain } from "./types.js";
import { DAY, dayOf, monthOf, plus, set, startOf, type Wall, weekdayOf, yearOf } from "./wall.js";

export interface Span {
  start: Wall;
  /** Exclusive end. */
  end: Wall;
  grain: Grain;
}

type Of<K extends Piece["k"]> = Extract<Piece, { k: K }>;
export type PieceBag = { [K in Piece["k"]]?: Of<K> };

export function daySpan(d: Wall): Span {
  const start = startOf(d, "day");
  return { start, end: start + DAY, grain: "day" };
}

export function unitSpan(d: Wall, unit: "week" | "month" | "quarter" | "year"): Span {
  const start = startOf(d, unit);
  return { start, end: plus(start, unit, 1), grain: unit };
}

/** The next date (today included) with that month/day; null if it never exists (31/2). */
function nextDate(now: Wall, m: number, d: number, y: number | null): Wall | null {
  const year0 = yearOf(now);
  const years = y !== null ? [y] : [year0, year0 + 1, year0 + 2, year0 + 3, year0 + 4];
  for (const year of years) {
    const c = startOf(set(now, { year, month: m, day: d }), "day");
    if (monthOf(c) !== m || dayOf(c) !== d) continue;
    if (y !== null || c >= startOf(now, "day")) return c;
  }
  return null;
}

function monthStart(now: Wall, bag: PieceBag): Wall | null {
  if (bag.month) {
    const { m, mod } = bag.month;
    const [nowYear, nowMonth] = [yearOf(now), monthOf(now)];
    let year = bag.year?.y ?? (m >= nowMonth ? nowYear : nowYear + 1);
    if (!bag.year && mod) year = m > nowMonth ? nowYear : nowYear + 1;
    if (!bag.year && mod === "afterNext") year += 1;
    return startOf(set(now, { year, month: m, day: 1 }), "day");
  }
  if (bag.period?.unit === "month") return plus(startOf(now, "month"), "month", bag.period.offset);
  return null;
}

function weekdaySpan(now: Wall, w: Of<"weekday">, bag: PieceBag): Span {
  const today = startOf(now, "day");
  const monday = startOf(today, "week");
  if (bag.period?.unit === "week") return daySpan(plus(monday, "day", 7 * bag.period.offset + w.wd - 1));
  if (w.mod === "nextweek") return daySpan(plus(monday, "day", 7 + w.wd - 1));
  const wd = weekdayOf(today);
  if (w.mod === "last") return daySpan(plus(today, "day", -(((wd - w.wd + 6) % 7) + 1)));
  return daySpan(plus(today, "day", ((w.wd - wd + 6) % 7) + 1));
}

function domSpan(now: Wall, d: number, bag: PieceBag): Span | null {
  if (bag.month && !bag.year && !bag.month.mod && bag.weekday) {
    for (let y = yearOf(now); y < yearOf(now) + 12; y++) {
      const day = startOf(set(now, { year: y, month: bag.month.m, day: d }), "day");
      if (dayOf(day) === d && weekdayOf(day) === bag.weekday.wd) return daySpan(day);
    }
    return null;
  }
  if (bag.month && !bag.year && !bag.month.mod) {
    const day = nextDate(now, bag.month.m, d, null);
    return day !== null ? daySpan(day) : null;
  }
  const ms = monthStart(now, bag);
  if (ms !== null) {
    const day = set(ms, { day: d });
    return dayOf(day) === d && monthOf(day) === monthOf(ms) ? daySpan(day) : null;
  }
  // "on the 15th", "Thu 15th": the next 15th (on a Thursday, when one is named).
  let c = startOf(now, "month");
  for (let i = 0; i < 24; i++, c = plus(c, "month", 1)) {
    const day = set(c, { day: d });
    if (dayOf(day) !== d || day < startOf(now, "day")) continue;
    if (!bag.weekday || weekdayOf(day) === bag.weekday.wd) return daySpan(day);
  }
  return null;
}

function nthSpan(now: Wall, nth: Of<"nth">, bag: PieceBag): Span | null {
  const box =
    bag.month || bag.period?.unit === "month"
      ? unitSpan(monthStart(now, bag) as Wall, "month")
      : bag.year
        ? unitSpan(set(now, { year: bag.year.y }), "year")
        : null;
  if (!box) return null;
  const days: Wall[] = [];
  for (let d = box.start; d < box.end; d = plus(d, "day", 1)) days.push(d);
  let hits: Wall[] = days;
  if (nth.unit === "weekday") hits = days.filter((d) => weekdayOf(d) === nth.wd);
  if (nth.unit === "weekend") hits = days.filter((d) => weekdayOf(d) === 5);
  if (nth.unit === "week") {
    hits =
      nth.n > 0
        ? days.filter((d) => weekdayOf(d) === 1)
        : days.filter((d) => weekdayOf(d) === 7).map((d) => plus(d, "day", -6));
  }
  const pick = nth.n > 0 ? hits[nth.n - 1] : hits[hits.length + nth.n];
  if (pick === undefined) return null;
  if (nth.unit === "week") return { start: pick, end: plus(pick, "week", 1), grain: "week" };
  if (nth.unit === "weekend") return { start: set(pick, { hour: 18 }), end: plus(pick, "day", 3), grain: "hour" };
  return daySpan(pick);
}

/** The span the date words name, or undefined when there are none, or null when they make no sense. */
export function dateSpan(now: Wall, bag: PieceBag): Span | null | undefined {
  if (bag.date) {
    const { d, m, y } = bag.date;
    const day = nextDate(now, m, d, y ?? bag.year?.y ?? null);
    return day !== null ? daySpan(day) : null;
  }
  if (bag.dom) return domSpan(now, bag.dom.d, bag);
  if (bag.nth) return nthSpan(now, bag.nth, bag);
  if (bag.weekday) return weekdaySpan(now, bag.weekday, bag);
  if (bag.weekdayCount) {
    const { wd, n } = bag.weekdayCount;
    return daySpan(plus(startOf(now, "day"), "day", ((wd - weekdayOf(now) + 6) % 7) + 1 + 7 * (n - 1)));
  }
  if (bag.day) return daySpan(plus(now, "day", bag.day.n));
  if (bag.month) return unitSpan(monthStart(now, bag) as Wall, "month");
  if (bag.quarter) {
    const base = set(now, { year: bag.year?.y ?? yearOf(now), month: bag.quarter.q * 3 - 2, day: 1 });
    return unitSpan(base, "quarter");
  }
  if (bag.period) {
    const { unit, offset } = bag.period;
    if (unit === "week" || unit === "month" || unit === "quarter" || unit === "year") {
      return unitSpan(plus(now, unit, offset), unit);
    }
    return null;
  }
  if (bag.year) return unitSpan(set(now, { year: bag.year.y }), "year");
  return undefined;
}
