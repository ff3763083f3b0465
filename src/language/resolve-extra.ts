/**
 * Spans that are neither days nor calendar units: "cuối tháng" and other edges,
 * seasons, weekends and the few holidays people name as deadlines.
 */
import type { DateTime } from "luxon";
import { tetDate } from "../calendar/index.js";
import type { Piece } from "./due-pieces.js";
import { daySpan, type Span } from "./resolve-span.js";

type Of<K extends Piece["k"]> = Extract<Piece, { k: K }>;

/** Duckling's edges: a month's end is its last ten days, a year's end its last four months. */
export function edgeSpan(span: Span, edge: Of<"edge">["edge"]): Span | null {
  const s = span.start;
  const window = (from: DateTime, to: DateTime, grain: Span["grain"]): Span => ({ start: from, end: to, grain });
  switch (span.grain) {
    case "month":
      if (edge === "begin") return window(s, s.set({ day: 11 }), "day");
      if (edge === "mid") return window(s.set({ day: 11 }), s.set({ day: 21 }), "day");
      return window(s.set({ day: 21 }), span.end, "day");
    case "week":
      if (edge === "begin") return window(s, s.plus({ days: 3 }), "day");
      if (edge === "mid") return window(s.plus({ days: 2 }), s.plus({ days: 3 }), "day");
      return window(s.plus({ days: 4 }), span.end, "day");
    case "year":
      if (edge === "begin") return window(s, s.plus({ months: 3 }), "month");
      if (edge === "mid") return window(s.plus({ months: 4 }), s.plus({ months: 8 }), "month");
      return window(s.plus({ months: 8 }), span.end, "month");
    case "quarter":
      if (edge === "begin") return window(s, s.plus({ months: 1 }), "month");
      if (edge === "mid") return window(s.plus({ months: 1 }), s.plus({ months: 2 }), "month");
      return window(s.plus({ months: 2 }), span.end, "month");
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
export function seasonSpan(now: DateTime, season: Of<"season">["season"]): Span {
  const [m1, d1, m2, d2] = SEASONS[season];
  for (const year of [now.year - 1, now.year, now.year + 1]) {
    const start = now.set({ year, month: m1, day: d1 }).startOf("day");
    const end = now.set({ year: m2 < m1 ? year + 1 : year, month: m2, day: d2 }).startOf("day");
    if (end > now) return { start, end, grain: "day" };
  }
  return daySpan(now);
}

/** This week's weekend (Friday evening to Monday), shifted by whole weeks. */
export function weekendSpan(now: DateTime, offset: number): Span {
  const fri = now.startOf("week").plus({ weeks: offset, days: 4 });
  return { start: fri.set({ hour: 18 }), end: fri.plus({ days: 3 }), grain: "hour" };
}

/** The next occurrence (today included) of a named holiday. */
export function holidaySpan(now: DateTime, name: Of<"holiday">["name"]): Span {
  const today = now.startOf("day");
  for (const year of [now.year, now.year + 1]) {
    let day: DateTime;
    if (name === "tet") {
      const [d, m, y] = tetDate(year);
      day = today.set({ year: y, month: m, day: d });
    } else {
      day = today.set({ year, month: name === "christmas" ? 12 : 1, day: name === "christmas" ? 25 : 1 });
    }
    if (day >= today) return daySpan(day);
  }
  return daySpan(today);
}
