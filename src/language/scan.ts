/**
 * Splits a phrase into pieces by trying the rules at each position. A phrase is a
 * deadline only if every word is read by some rule: that keeps "3 30" or "Pay ABC 2000"
 * from becoming times, as Duckling's negative corpus asks.
 */
import { spend } from "./bounds.js";
import type { Piece, PieceRule } from "./due-pieces.js";
import { COMMON_RULES } from "./rules-common.js";
import { EN_RULES } from "./rules-en.js";
import { LUNAR_RULES } from "./rules-lunar.js";
import { VI_RULES } from "./rules-vi.js";

// Lunar first: "mùng 1 tháng sau" and "15/8 âm lịch" are read whole before the solar rules see their parts.
const RULES: PieceRule[] = [...LUNAR_RULES, ...VI_RULES, ...EN_RULES, ...COMMON_RULES];
const ENGLISH = new Set(EN_RULES);
// Three-letter English names that are Vietnamese words too: "thu" (doanh thu), "may" (máy), "sep" (sếp), "mon" (món).
const SHORT_ENGLISH =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;
let shortEnglish = true;

/**
 * Whether English abbreviations ("thu", "sep", "may") are read as deadline words. parseCommand turns them off for a
 * message that is not English; parseDue reads phrases with them on.
 */
export function readShortEnglish(on: boolean): void {
  shortEnglish = on;
}
// Separators, plus "-" "/" "." when they are not between digits ("31-Oct-74", "mon.").
const SKIP = /(?:[\s,;()!?:]|(?<![0-9])[-/.]|[-/.](?![0-9]))+/y;

export interface ScannedPiece {
  piece: Piece;
  from: number;
  to: number;
}

/** Pieces of the whole folded phrase, or null when some word is not understood. */
export function scanPieces(orig: string, folded: string): ScannedPiece[] | null {
  const out: ScannedPiece[] = [];
  let pos = 0;
  while (pos < folded.length) {
    SKIP.lastIndex = pos;
    if (SKIP.exec(folded)) pos = SKIP.lastIndex;
    if (pos >= folded.length) break;
    if (!spend()) return null;
    const next = readAt(orig, folded, pos, out);
    if (next === null) return null;
    pos = next;
  }
  return out;
}

/**
 * How far the pieces read from `from`: the offset of the first position no rule reads (`to` when all are read).
 * A phrase running past that offset cannot be a deadline, so callers try only the phrases that end before it.
 */
export function readableUntil(orig: string, folded: string, from: number, to: number): number {
  let pos = from;
  const out: ScannedPiece[] = [];
  while (pos < to) {
    SKIP.lastIndex = pos;
    if (SKIP.exec(folded)) pos = SKIP.lastIndex;
    if (pos >= to || !spend()) return pos;
    const next = readAt(orig, folded, pos, out);
    if (next === null) return pos;
    pos = next;
  }
  return to;
}

/** The pieces read at `pos` (empty for a word that says nothing by itself, "the", "vào"), or null when none is. */
export function piecesAt(orig: string, folded: string, pos: number): Piece[] | null {
  const out: ScannedPiece[] = [];
  return spend() && readAt(orig, folded, pos, out) !== null ? out.map((p) => p.piece) : null;
}

function readAt(orig: string, folded: string, pos: number, out: ScannedPiece[]): number | null {
  for (const r of RULES) {
    r.re.lastIndex = pos;
    const m = r.re.exec(folded);
    if (!m || m[0].length === 0) continue;
    const end = pos + m[0].length;
    // English is never typed with Vietnamese letters: "sếp" is the boss, not September.
    if (ENGLISH.has(r) && (/[^\p{ASCII}]/u.test(orig.slice(pos, end)) || (!shortEnglish && SHORT_ENGLISH.test(m[0]))))
      continue;
    const pieces = r.make(m, orig.slice(pos, end));
    if (pieces === null) continue;
    for (const piece of pieces) out.push({ piece, from: pos, to: end });
    return end;
  }
  return null;
}
