/**
 * First pass over the pieces: decide what bare numbers, "am/pm", "half past" and
 * ordinals mean from their neighbours, then gather one piece of each kind.
 */
import type { Piece } from "./due-pieces.js";
import type { PieceBag } from "./resolve-span.js";
import { numberAsTime } from "./resolve-time.js";

const DATEISH = new Set([
  "day",
  "weekday",
  "date",
  "dom",
  "month",
  "pod",
  "period",
  "offset",
  "nth",
  "weekend",
  "holiday",
  "lunar",
  "lunarEve",
  "tetEdge",
]);

function asYear(p: Extract<Piece, { k: "num" }>): Piece | null {
  return p.digits === 4 && p.n >= 1900 && p.n <= 2200 ? { k: "year", y: p.n } : null;
}

/** Reads numbers next to months as days or years ("march 3 2015", "12 tháng 10"). */
function readNumbers(ps: Piece[]): Piece[] | null {
  const hasContext = ps.some((p) => DATEISH.has(p.k) || p.k === "shift" || p.k === "mer");
  const out: Piece[] = [];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as Piece;
    const prev = ps[i - 1];
    const next = ps[i + 1];
    if (p.k === "ord") {
      out.push({ k: "dom", d: p.n });
      continue;
    }
    if (p.k !== "num") {
      out.push(p);
      continue;
    }
    const year = asYear(p);
    const hasDom = out.some((q) => q.k === "dom" || q.k === "date");
    if (prev?.k === "dayword" && p.n <= 31) out.push({ k: "dom", d: p.n });
    else if (prev?.k === "at" && next?.k === "num" && next.digits === 2 && next.n <= 59 && p.digits <= 2) {
      // "at 3 15" is 3:15.
      out.push({ k: "time", h: p.n, m: next.n, s: null, grain: "minute", mer: null });
      i++;
    } else if (p.mer && prev?.k !== "at") return null;
    else if (prev?.k === "at" || p.min !== undefined || next?.k === "mer" || p.mer) {
      const t = numberAsTime(p);
      if (!t) return null;
      out.push(t);
    } else if (year) out.push(year);
    else if (hasDom && p.digits === 2 && out.some((q) => q.k === "month"))
      out.push({ k: "year", y: p.n < 50 ? 2000 + p.n : 1900 + p.n });
    else if (
      (prev?.k === "month" || next?.k === "month" || (next?.k === "period" && next.unit === "month")) &&
      p.n >= 1 &&
      p.n <= 31 &&
      p.digits <= 2
    ) {
      out.push({ k: "dom", d: p.n });
    } else if (hasContext && !hasDom && !ps.some((q) => q.k === "time" || q.k === "month")) {
      const t = numberAsTime(p);
      if (!t) return null;
      out.push(t);
    } else return null;
  }
  return out;
}

/** Applies "pm" and "quarter past" to the time they belong to. */
function applyModifiers(ps: Piece[]): Piece[] | null {
  const out: Piece[] = [];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as Piece;
    if (p.k === "mer") {
      const prev = out[out.length - 1];
      if (prev?.k !== "time") return null;
      out[out.length - 1] = { ...prev, mer: p.mer };
    } else if (p.k === "shift") {
      const next = ps[i + 1];
      const after = ps[i + 2];
      if (next?.k !== "time") return null;
      const mer = after?.k === "mer" ? after.mer : next.mer;
      const base = next.h * 60 + next.m + p.minutes;
      out.push({ k: "time", h: Math.floor(base / 60), m: base % 60, s: null, grain: "minute", mer });
      i += after?.k === "mer" ? 2 : 1;
    } else if (p.k !== "at" && p.k !== "dayword") out.push(p);
  }
  return out;
}

/** One piece of each kind, or null when a kind repeats ("thứ 2 thứ 3"). */
export function gatherPieces(pieces: Piece[]): PieceBag | null {
  const read = readNumbers(pieces);
  const ps = read && applyModifiers(read);
  if (!ps || ps.length === 0) return null;
  const bag: Record<string, Piece> = {};
  for (const p of ps) {
    // "1-8 september" is a range, not 1 August in September.
    if ((p.k === "month" && bag.date) || (p.k === "date" && bag.month)) return null;
    if (bag[p.k]) {
      // "tối nay" after "hôm nay" repeats the same day harmlessly.
      const same = p.k === "day" && (bag[p.k] as Extract<Piece, { k: "day" }>).n === p.n;
      if (!same) return null;
    }
    bag[p.k] = p;
  }
  return bag as PieceBag;
}
