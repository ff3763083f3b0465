/**
 * Splits a phrase into pieces by trying the rules at each position. A phrase is a
 * deadline only if every word is read by some rule: that keeps "3 30" or "Pay ABC 2000"
 * from becoming times, as Duckling's negative corpus asks.
 */
import type { Piece, PieceRule } from "./due-pieces.js";
import { COMMON_RULES } from "./rules-common.js";
import { EN_RULES } from "./rules-en.js";
import { LUNAR_RULES } from "./rules-lunar.js";
import { VI_RULES } from "./rules-vi.js";

// Lunar first: "mùng 1 tháng sau" and "15/8 âm lịch" are read whole before the solar rules see their parts.
const RULES: PieceRule[] = [...LUNAR_RULES, ...VI_RULES, ...EN_RULES, ...COMMON_RULES];
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
    const next = readAt(orig, folded, pos, out);
    if (next === null) return null;
    pos = next;
  }
  return out;
}

function readAt(orig: string, folded: string, pos: number, out: ScannedPiece[]): number | null {
  for (const r of RULES) {
    r.re.lastIndex = pos;
    const m = r.re.exec(folded);
    if (!m || m[0].length === 0) continue;
    const end = pos + m[0].length;
    const pieces = r.make(m, orig.slice(pos, end));
    if (pieces === null) continue;
    for (const piece of pieces) out.push({ piece, from: pos, to: end });
    return end;
  }
  return null;
}
