/**
 * Deadlines that cannot exist: "31/2", "30/2/2027", "ngày 31 tháng 4", "Feb 30", and Vietnamese weekdays that do
 * not exist ("thứ 9", "thu 8"). After a deadline word or at the end of the task words they are a deadline the
 * person got wrong, so the bot says so instead of filing them in the title.
 */

import type { DueText, FoundDue } from "./found-due.js";
import { EN_MONTH } from "./lexicon.js";
import type { Word } from "./words.js";

const BAD_WEEKDAY =
  /(?:^\s*|(?<![a-z0-9])(?:truoc|trc|han chot|han|deadline|den|sang|vao|toi han|cham nhat|muon nhat)\s+)(thu\s*[0189])(?![0-9a-z:])(?=\s*$|\s+tuan)|(?<![a-z0-9])(thu\s*[0189])\s+tuan(?![a-z])/;
const MONTHS = Object.keys(EN_MONTH).join("|");
const DATES = new RegExp(
  [
    "(?<![\\d/.])(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})(?:\\s*\\2\\s*(\\d{4}|\\d{2}))?(?![\\d/])",
    "ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s+nam\\s+(\\d{4}))?",
    `(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`,
    `(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})(?![a-z])`,
  ].join("|"),
  "g",
);
const CUE_BEFORE = /(?:truoc|trc|han|deadline|dl|by|due|before|den|sang|until|to|ngay|on|cham nhat|thanh)\s*:?\s*$/;

function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** [day, month, year] of a date-shaped match, or null when it is not date-shaped (a month above 12, "25/100"). */
function dateOf(m: RegExpExecArray): [number, number, number | null] | null {
  const year = (y: string | undefined) => (y ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : null);
  if (m[1]) return Number(m[3]) <= 12 ? [Number(m[1]), Number(m[3]), year(m[4])] : null;
  if (m[5]) return Number(m[6]) <= 12 ? [Number(m[5]), Number(m[6]), year(m[7])] : null;
  if (m[8]) return [Number(m[9]), EN_MONTH[m[8]] ?? 0, null];
  if (m[10]) return [Number(m[10]), EN_MONTH[m[11] ?? ""] ?? 0, null];
  return null;
}

function wordIndexAt(words: Word[], offset: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if ((words[i] as Word).to > offset) return i;
  return end - 1;
}

/** An impossible date or weekday in a deadline position among words [start, end), as a bad deadline. */
export function impossibleDate(t: DueText, start: number, end: number): FoundDue | null {
  const from = (t.words[start] as Word).from;
  const to = (t.words[end - 1] as Word).to;
  const region = t.folded.slice(from, to);
  // Every form below has a digit.
  if (!/\d/.test(region)) return null;
  const weekday = BAD_WEEKDAY.exec(region);
  if (weekday) {
    const at = from + region.indexOf(weekday[1] ?? weekday[2] ?? "", weekday.index);
    const first = wordIndexAt(t.words, at, start, end);
    return { due: null, first, end, badFragment: t.orig.slice(at, to).trim() };
  }
  for (const m of region.matchAll(DATES)) {
    const date = dateOf(m);
    if (!date) continue;
    const [day, month, year] = date;
    if (day >= 1 && day <= daysIn(month, year)) continue;
    const at = from + (m.index ?? 0);
    const atEnd = region.slice((m.index ?? 0) + m[0].length).trim() === "";
    if (!atEnd && !CUE_BEFORE.test(region.slice(0, m.index))) continue;
    const first = wordIndexAt(t.words, at, start, end);
    return { due: null, first, end: first + 1, badFragment: t.orig.slice(at, at + m[0].length) };
  }
  return null;
}
