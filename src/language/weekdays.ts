/**
 * Lists of weekdays as people write them in settings: "thứ 2, thứ 3", "t2-t6", "thứ Hai – thứ Sáu", "từ thứ 2 đến
 * thứ 7", "mon-fri", "Monday to Friday", "mon, wed, fri". Every weekday form the deadline parser reads is read here
 * too (rules-vi: "thứ 2", "thứ hai", "t2", "chủ nhật", "cn"; rules-en: the names and their short forms).
 *
 * Bare numbers are ambiguous: in Vietnamese "2-6" means thứ 2 – thứ 6 (Monday to Friday), while "1-5" can only be
 * ISO numbering (there is no "thứ 1"). A list that contains 1 is read as ISO weekdays; any other as "thứ N". Both
 * common ways of writing Monday to Friday ("1-5", "2-6") therefore mean the same.
 */
import { EN_WEEKDAY, VI_WEEKDAY } from "./lexicon.js";

/** One weekday as written; `digit` when it was a bare number (read once the whole list is known). */
interface WeekdayToken {
  day: number;
  digit: boolean;
}

const EN_NAMES = Object.keys(EN_WEEKDAY).sort((a, b) => b.length - a.length);
const TOKEN = new RegExp(
  [
    "thu\\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)(?![a-z0-9])",
    "t\\s?([2-7])(?![a-z0-9])",
    "(chu nhat|chua nhat|cn)(?![a-z0-9])",
    `(${EN_NAMES.join("|")})\\.?(?![a-z0-9])`,
    "([1-7])(?![a-z0-9/:])",
  ].join("|"),
  "y",
);

/** Words between two weekdays that make a range, and words that only join a list. */
const RANGE = /\s*(?:-|–|—|~|den|toi|to|through|thru|until)\s*/y;
const LIST = /\s*(?:,|;|&|\+|\/|va|and)?\s*/y;
const LEAD = /^\s*(?:(?:tu|from|cac ngay|cac|ngay|every)(?![a-z0-9])\s*)?/;

function readToken(text: string, at: number): { token: WeekdayToken; end: number } | null {
  TOKEN.lastIndex = at;
  const m = TOKEN.exec(text);
  if (!m) return null;
  const vi = m[1] ?? m[2];
  const day = vi ? (VI_WEEKDAY[vi] ?? 0) : m[3] ? 7 : m[4] ? (EN_WEEKDAY[m[4]] ?? 0) : Number(m[5]);
  return day ? { token: { day, digit: m[5] !== undefined }, end: TOKEN.lastIndex } : null;
}

function skip(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.exec(text) ? re.lastIndex : at;
}

/** The days from `from` to `to`, wrapping past Sunday ("thứ 7 – thứ 2" is Saturday to Monday). */
function span(from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; ; d = (d % 7) + 1) {
    days.push(d);
    if (d === to || days.length === 7) return days;
  }
}

/**
 * Reads a list of weekdays in folded text (see fold.ts) into sorted ISO weekdays (1 = Monday … 7 = Sunday), or null
 * when any part of the text is not a weekday.
 */
export function readWeekdays(folded: string): number[] | null {
  const text = folded.trim();
  if (/^(?:weekdays|ngay thuong)$/.test(text)) return [1, 2, 3, 4, 5];
  if (/^(?:ca tuan|every day|everyday|all week|hang ngay|moi ngay)$/.test(text)) return [1, 2, 3, 4, 5, 6, 7];
  const ranges: [WeekdayToken, WeekdayToken][] = [];
  let at = text.length - text.replace(LEAD, "").length;
  while (at < text.length) {
    const first = readToken(text, at);
    if (!first) return null;
    let last = first;
    const afterRange = skip(RANGE, text, first.end);
    if (afterRange !== first.end) {
      const to = readToken(text, afterRange);
      if (!to) return null;
      last = to;
    }
    ranges.push([first.token, last.token]);
    at = skip(LIST, text, last.end);
  }
  if (ranges.length === 0) return null;
  const iso = ranges.some(([a, b]) => (a.digit && a.day === 1) || (b.digit && b.day === 1));
  const dayOf = (t: WeekdayToken) => (t.digit && !iso ? t.day - 1 : t.day);
  const days = new Set<number>();
  for (const [a, b] of ranges) for (const d of span(dayOf(a), dayOf(b))) days.add(d);
  return [...days].sort((x, y) => x - y);
}

/** One weekday ("thứ 6", "t6", "fri", "chủ nhật"), or null. */
export function readWeekday(folded: string): number | null {
  const days = readWeekdays(folded);
  return days?.length === 1 && !/[-–—,]|den|toi|to /.test(folded) ? (days[0] ?? null) : null;
}
