/**
 * Spans that are neither days nor calendar units: "cuối tháng" and other edges,
 * seasons, weekends and the few holidays people name as deadlines.
 */
import { tetDate } from "../calendar/index.js";
import type { Piece } from "./due-pieces.js";
import { daySpan, type Span, unitSpan } from "./resolve-span.js";
import { plus, set, startOf, type Wall, yearOf } from "./wall.js";

type Of<K extends Piece["k"]> = Extract<Piece, { k: K }>;

/** Duckling's edges: a month's end is its last ten days, a year's end its last four months. */
export function edgeSpan(span: Span, edge: Of<"edge">["edge"]): Span | null {
  const s = span.start;
  const window = (from: Wall, to: Wall, grain: Span["grain"]): Span => ({ start: from, end: to, grain });
  switch (span.grain) {
    case "month":
      if (edge === "begin") return window(s, set(s, { day: 11 }), "day");
      if (edge === "mid") return window(set(s, { day: 11 }), set(s, { day: 21 }), "day");
      return window(set(s, { day: 21 }), span.end, "day");
    case "week":
      if (edge === "begin") return window(s, plus(s, "day", 3), "day");
      if (edge === "mid") return window(plus(s, "day", 2), plus(s, "day", 3), "day");
      return window(plus(s, "day", 4), span.end, "day");
    case "year":
      if (edge === "begin") return window(s, plus(s, "month", 3), "month");
      if (edge === "mid") return window(plus(s, "month", 4), plus(s, "month", 8), "month");
      return window(plus(s, "month", 8), span.end, "month");
    case "quarter":
      if (edge === "begin") return window(s, plus(s, "month", 1), "month");
      if (edge === "mid") return window(plus(s, "month", 1), plus(s, "month", 2), "month");
      return window(plus(s, "month", 2), span.end, "month");
    default:
      return null;
  }
}

const SEASONS = {
  spring: [3, 20, 6, 21],
  summer: [6, 21, 9, 24],
  autumn: [9, 23, 12, 21],
  winter: [12, 21, 3, 21],
} as const;

/** The season now running, or the next one of that name. */
export function seasonSpan(now: Wall, season: Of<"season">["season"]): Span {
  const [m1, d1, m2, d2] = SEASONS[season];
  for (const year of [yearOf(now) - 1, yearOf(now), yearOf(now) + 1]) {
    const start = startOf(set(now, { year, month: m1, day: d1 }), "day");
    const end = startOf(set(now, { year: m2 < m1 ? year + 1 : year, month: m2, day: d2 }), "day");
    if (end > now) return { start, end, grain: "day" };
  }
  return daySpan(now);
}

/** This week's weekend (Friday evening to Monday), shifted by whole weeks. */
export function weekendSpan(now: Wall, offset: number): Span {
  const fri = plus(startOf(now, "week"), "day", 7 * offset + 4);
  return { start: set(fri, { hour: 18 }), end: plus(fri, "day", 3), grain: "hour" };
}

/** The next occurrence (today included) of a named holiday. */
export function holidaySpan(now: Wall, name: Of<"holiday">["name"]): Span {
  const today = startOf(now, "day");
  for (const year of [yearOf(now), yearOf(now) + 1]) {
    let day: Wall;
    if (name === "tet") {
      const [d, m, y] = tetDate(year);
      day = set(today, { year: y, month: m, day: d });
    } else {
      day = set(today, { year, month: name === "christmas" ? 12 : 1, day: name === "christmas" ? 25 : 1 });
    }
    if (day >= today) return daySpan(day);
  }
  return daySpan(today);
}

/** "all week" runs from the week's start, "rest of the week" from today; both end with the week. */
export function restSpan(now: Wall, rest: Of<"rest">): Span {
  const whole = unitSpan(now, rest.unit);
  return { start: rest.all ? whole.start : startOf(now, "day"), end: whole.end, grain: "day" };
}
