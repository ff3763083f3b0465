/**
 * The pieces a deadline phrase is made of ("thứ 6" + "tuần sau" + "17h"). Each rule
 * reads one piece at a position of the folded text; the resolver combines them.
 * Keeping pieces small and order-free is what lets "17h thứ 6 tuần sau" and
 * "thứ 6 tuần sau lúc 17h" share one set of rules.
 */
import type { Unit } from "./lexicon.js";

export type Pod =
  | "morning"
  | "earlymorning"
  | "noon"
  | "afternoon"
  | "evening"
  | "lateevening"
  | "night"
  | "afterlunch";

export type Piece =
  | { k: "now" }
  | { k: "asap" }
  | { k: "day"; n: number }
  | { k: "weekday"; wd: number; mod: "next" | "nextweek" | "last" | null }
  | { k: "date"; d: number; m: number; y: number | null; ambiguous?: boolean }
  | { k: "dom"; d: number }
  | { k: "month"; m: number; mod: "next" | "afterNext" | null }
  | { k: "year"; y: number }
  | { k: "period"; unit: Unit; offset: number; lastWord?: boolean }
  | { k: "quarter"; q: number }
  | { k: "time"; h: number; m: number; s: number | null; grain: "hour" | "minute" | "second"; mer: "am" | "pm" | null }
  | { k: "num"; n: number; min?: number; digits: number; mer?: "am" | "pm" }
  | { k: "mer"; mer: "am" | "pm" }
  | { k: "shift"; minutes: number }
  | { k: "pod"; pod: Pod; vi: boolean }
  | { k: "offset"; n: number; unit: Unit; working: boolean; style: "in" | "window" | "past" }
  | { k: "edge"; edge: "end" | "begin" | "mid" }
  | { k: "nth"; n: number; unit: "day" | "week" | "weekend" | "weekday"; wd?: number }
  | { k: "ord"; n: number }
  | { k: "at" }
  | { k: "dayword" }
  | { k: "tz"; offset: number }
  | { k: "weekend"; offset: number }
  | { k: "season"; season: "spring" | "summer" | "autumn" | "winter" }
  | { k: "holiday"; name: "christmas" | "tet" | "newyear" }
  | { k: "eod" }
  | { k: "weekdayCount"; wd: number; n: number }
  /** "rest of the week" (from today) and "all week" (from its start): days up to the unit's end. */
  | { k: "rest"; unit: "week" | "month" | "year"; all: boolean }
  /** "the week of October 7th": the (Monday-start) week holding that day. */
  | { k: "weekOf" }
  /**
   * A lunar day: "rằm" (d 15), "mùng 3 Tết" (3/1), "15/8 âm lịch". `m` null = the next month that has the day;
   * `rel` = this lunar month (0) or the next (1), whether or not the day is past.
   */
  | { k: "lunar"; d: number; m: number | null; rel: number | null }
  /** "30 Tết": the last day of the lunar year. */
  | { k: "lunarEve" }
  /** "trước Tết" (the last working day before the Tết break) and "sau Tết" (the first one after it). */
  | { k: "tetEdge"; edge: "before" | "after" };

/** A rule: a sticky regex over the folded text and a builder (null = the rule does not apply here). */
export interface PieceRule {
  re: RegExp;
  make(m: RegExpExecArray, orig: string): Piece[] | null;
}

/** Builds a sticky regex that must end at a word boundary (letters and digits). */
export function rule(source: string, make: PieceRule["make"], boundary = "(?![a-z0-9])"): PieceRule {
  return { re: new RegExp(`(?:${source})${boundary}`, "y"), make };
}

export const one = (p: Piece): Piece[] => [p];
