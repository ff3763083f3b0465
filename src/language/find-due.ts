/**
 * Finds the deadline inside a sentence ("giao @Lan nộp báo cáo trước 17h thứ 6 tuần
 * sau"): first after a deadline word, else as the longest phrase ending the message.
 * What is left is the title.
 */

import { resolvePhrase } from "./parse-due.js";
import type { Resolved, ResolveEnv } from "./resolve-due.js";

export interface FoundDue {
  due: Resolved | null;
  /** [from, to) of the deadline words (marker included) in the text. */
  from: number;
  to: number;
  /** Words after a clear deadline marker that could not be read. */
  badFragment?: string;
}

const MARKER =
  /(?<![a-z0-9])(?:truoc|han chot|han|deadline|by|due|before|den|sang|until|luc|vao|trong|no later than|cham nhat)(?:\s*:)?(?![a-z0-9])/g;
const STRONG = /(?<![a-z0-9])(?:han chot|han|deadline|due)(?:\s*:)?\s+/g;
// "9h sang mai", "8 gio sang": unaccented "sang" after a clock time is "sáng" (morning), not "to".
const CLOCK_BEFORE =
  /(?<![a-z0-9])(?:\d{1,2}:\d{2}|(?:\d{1,2}|muoi mot|muoi hai|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s*(?:h|g|gio)(?:\s*(?:\d{1,2}(?:\s*(?:phut|p))?|ruoi|kem\s*\d{1,2}(?:\s*phut)?))?)\s*$/;
// "thứ 9" after a deadline word, before "tuần", or alone is a weekday mistyped, not a title's "lần thứ 9".
const BAD_WEEKDAY =
  /(?:^\s*|(?<![a-z0-9])(?:truoc|han chot|han|deadline|den|sang|vao|toi han|cham nhat|muon nhat)\s+)(thu\s*[0189])(?![0-9a-z:])(?=\s*$|\s+tuan)|(?<![a-z0-9])(thu\s*[0189])\s+tuan(?![a-z])/;

function words(folded: string, from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (const m of folded.slice(from, to).matchAll(/\S+/g))
    out.push({ from: from + (m.index ?? 0), to: from + (m.index ?? 0) + m[0].length });
  return out;
}

/** The longest run of words starting at `from` that reads as a deadline. */
function longestFrom(orig: string, folded: string, from: number, env: ResolveEnv): FoundDue | null {
  const ws = words(folded, from, folded.length);
  for (let j = ws.length - 1; j >= 0; j--) {
    const to = (ws[j] as { to: number }).to;
    const due = resolvePhrase(orig.slice(from, to), folded.slice(from, to), env);
    if (due) return { due, from, to };
  }
  return null;
}

function badWeekday(orig: string, folded: string): FoundDue | null {
  const m = BAD_WEEKDAY.exec(folded);
  if (!m) return null;
  const from = folded.indexOf(m[1] ?? m[2] ?? "", m.index);
  return { due: null, from, to: folded.length, badFragment: orig.slice(from).trim() };
}

export function findDue(orig: string, folded: string, env: ResolveEnv): FoundDue | null {
  const bad = badWeekday(orig, folded);
  if (bad) return bad;
  for (const m of folded.matchAll(MARKER)) {
    if (m[0] === "sang" && CLOCK_BEFORE.test(folded.slice(0, m.index))) continue;
    const hit = longestFrom(orig, folded, m.index ?? 0, env);
    // A marker must lead into the deadline, not just be a word of the title.
    if (hit && hit.to - hit.from > m[0].length) return hit;
  }
  const ws = words(folded, 0, folded.length);
  for (let i = 1; i < ws.length; i++) {
    const from = (ws[i] as { from: number }).from;
    const due = resolvePhrase(orig.slice(from), folded.slice(from), env, false);
    if (due) return { due, from, to: folded.length };
  }
  let strong: RegExpExecArray | undefined;
  for (const m of folded.matchAll(STRONG)) strong = m;
  if (strong) {
    const from = strong.index ?? 0;
    return { due: null, from, to: folded.length, badFragment: orig.slice(from + strong[0].length).trim() };
  }
  return null;
}
