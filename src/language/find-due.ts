/**
 * Finds the deadline among the task words ("giao @Lan nộp báo cáo trước 17h thứ 6 tuần sau"): first after a deadline
 * word, then at the start of the task words ("mai @Quang đi lấy con dấu"), then at their end; an urgency word
 * anywhere ("xử lý gấp đơn khiếu nại") comes last. What is left is the title. Impossible dates ("31/2") and
 * weekdays ("thứ 9") after a deadline word are reported, not left in the title. Bounded: see bounds.ts.
 */
import { MAX_CUES, MAX_DUE_CHARS, MAX_DUE_WORDS } from "./bounds.js";
import { titleWordsAt } from "./due-position.js";
import type { DueText, FoundDue } from "./found-due.js";
import { impossibleDate } from "./impossible-dates.js";
import { resolvePhrase } from "./parse-due.js";
import type { Resolved } from "./resolve-due.js";
import { piecesAt, readableUntil } from "./scan.js";
import { type Word, wordsMatch } from "./words.js";

export type { DueText, FoundDue } from "./found-due.js";

const CUE =
  /(?:truoc|trc|han chot|han|deadline|dl|by|due|before|den|sang|until|till|luc|vao|trong|no later than|cham nhat|muon nhat|toi han)(?:\s*:)?(?![a-z0-9])/y;
// "9h sang mai": unaccented "sang" after a clock time is "sáng" (morning), not "to".
const CLOCK_BEFORE =
  /(?<![a-z0-9])(?:\d{1,2}:\d{2}|(?:\d{1,2}|muoi mot|muoi hai|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s*(?:h|g|gio)(?:\s*(?:\d{1,2}(?:\s*(?:phut|p))?|ruoi|kem\s*\d{1,2}(?:\s*phut)?))?)\s*$/;
const STRONG = /^(?:han chot|han|deadline|due)(?:\s*:)?$/;

/** A deadline word at word i, checked against the original spelling ("hạn", not "Hàn"); its length in words. */
function cueAt(t: DueText, i: number): number {
  const w = t.words[i] as Word;
  CUE.lastIndex = w.from;
  const m = CUE.exec(t.folded);
  if (!m) return 0;
  const word = m[0].split(/\s+/)[0];
  if (word === "han" && !/^(?:hạn|han)/i.test(w.core)) return 0;
  if (word === "den" && !/^(?:đến|den)/i.test(w.core)) return 0;
  if (word === "sang" && CLOCK_BEFORE.test(t.folded.slice(Math.max(0, w.from - 24), w.from))) return 0;
  if (word === "truoc" && t.words[i + 1]?.key === "khi") return 0;
  return m[0].trim().split(/\s+/).length;
}

// Words that join a phrase but never open one: "ngân hàng", "của", "cho".
const NO_START = /^(?:hang|cua|cho|of|for|tu|from)$/;

/**
 * Whether a deadline found at the start or end of the task words may begin at word i. Not with a bare number
 * ("tầng 5 hôm nay", "vòng 2 mai" keep their number) nor with a joining word ("ngân hàng thứ 3").
 */
function startsPhrase(t: DueText, i: number): boolean {
  const w = t.words[i] as Word;
  const pieces = piecesAt(t.orig, t.folded, w.from);
  if (!pieces) return false;
  if (pieces.length === 0) return !NO_START.test(w.key);
  // A bare number or ordinal alone ("tầng 5", "add second task") is the task's, not a deadline.
  return !(pieces.length === 1 && (pieces[0]?.k === "num" || pieces[0]?.k === "ord"));
}

function phrase(t: DueText, first: number, end: number): { o: string; f: string } | null {
  const [a, b] = [t.words[first] as Word, t.words[end - 1] as Word];
  if (b.to - a.from > MAX_DUE_CHARS) return null;
  return { o: t.orig.slice(a.from, b.to), f: t.folded.slice(a.from, b.to) };
}

/**
 * The longest phrase of words [first, j) with j ≤ limit that reads as a deadline and is longer than its first `min`
 * words (the deadline word, which no piece rule reads: the word after it must start a piece).
 */
function longestFrom(t: DueText, first: number, limit: number, min: number): (Resolved & { end: number }) | null {
  const probe = t.words[first + min];
  const last = Math.min(limit, first + MAX_DUE_WORDS);
  if (!probe || first + min >= limit) return null;
  if (min === 0 && !startsPhrase(t, first)) return null;
  // Read once as far as the pieces go; a phrase may end at most one word past that (its last word may read only
  // as the end of a phrase, "thứ 6" before "tuần").
  const until = readableUntil(t.orig, t.folded, probe.from, (t.words[last - 1] as Word).to);
  let reach = first + min;
  while (reach < last && (t.words[reach] as Word).from < until) reach++;
  if (reach === first + min) return null;
  for (let end = Math.min(last, reach + 1); end > first + min; end--) {
    if (crossesClause(t, first + min, end)) continue;
    const p = phrase(t, first, end);
    const due = p && resolvePhrase(p.o, p.f, t.env);
    if (due) return { ...due, end };
  }
  return null;
}

function afterCue(t: DueText, start: number, end: number): FoundDue | null {
  let tried = 0;
  for (let i = start; i < end && tried < MAX_CUES; i++) {
    const n = cueAt(t, i);
    if (!n) continue;
    tried++;
    const hit = longestFrom(t, i, end, n);
    if (hit) return { due: hit, first: withWordsBefore(t, i, start), end: hit.end };
  }
  return null;
}

/**
 * Words just before the deadline word that go with it: "ngay" ("ngay trong hôm nay", right within today), and a
 * done word after a clause end ("…, xong trước 8h").
 */
function withWordsBefore(t: DueText, cue: number, start: number): number {
  const prev = t.words[cue - 1];
  if (!prev || cue - 1 < start) return cue;
  if (prev.core === "ngay") return cue - 1;
  if (!/^(?:xong|hoan thanh|hoan tat|finish|finished|done)$/.test(prev.key)) return cue;
  const before = t.words[cue - 2];
  return !before || cue - 2 < start || /[,:;]$/.test(before.text) ? cue - 1 : cue;
}

function atEnd(t: DueText, start: number, end: number): FoundDue | null {
  for (let first = Math.max(start + 1, end - MAX_DUE_WORDS); first < end; first++) {
    const p = phrase(t, first, end);
    if (!p || crossesClause(t, first, end)) continue;
    const inTitle = titleWordsAt(t.words, first, end, p.f);
    if (inTitle >= end - first) return null;
    if (inTitle > 0) {
      first += inTitle - 1;
      continue;
    }
    if (!startsPhrase(t, first)) continue;
    const due = resolvePhrase(p.o, p.f, t.env, false);
    if (due) return { due, first, end };
  }
  return null;
}

const URGENT = /^(?:gap|khan|urgent|asap|immediately)$/;
const URGENT_PHRASES = ["khan cap", "ngay lap tuc", "cang som cang tot", "as soon as possible", "som nhat co the"];

/** Length of the urgency words at word i ("gấp", "gấp gấp", "càng sớm càng tốt"), 0 if none. */
function urgentAt(t: DueText, i: number): number {
  const w = t.words[i];
  if (!w) return 0;
  const phraseHit = URGENT_PHRASES.find((p) => wordsMatch(t.words, i, p));
  if (phraseHit) return phraseHit.split(" ").length;
  // "gấp" folds to "gap"; in an English message that is a gap, not urgency.
  if (!URGENT.test(w.key) || (w.key === "gap" && !t.vietnamese && w.core.toLowerCase() === "gap")) return 0;
  return 1;
}

/** "cập nhật giá ngay": "ngay" ending the task is "right away"; typed without accents it may be "ngày" (day). */
function rightAway(t: DueText, i: number, end: number): number {
  return i === end - 1 && t.words[i]?.core === "ngay" && /[^\p{ASCII}]/u.test(t.orig) ? 1 : 0;
}

function urgentWord(t: DueText, start: number, end: number): FoundDue | null {
  for (let i = start; i < end; i++) {
    let n = urgentAt(t, i) || rightAway(t, i, end);
    if (!n) continue;
    for (let more = urgentAt(t, i + n); more && i + n + more <= end; more = urgentAt(t, i + n)) n += more;
    const due = resolvePhrase("gấp", "gap", t.env);
    return due ? { due, first: i, end: i + n } : null;
  }
  return null;
}

/** Whether a phrase of words [first, end) runs across a clause (a word before its last ends with "," ";" ":"). */
function crossesClause(t: DueText, first: number, end: number): boolean {
  for (let i = first; i < end - 1; i++) if (/[,;:]$/.test((t.words[i] as Word).text)) return true;
  return false;
}

/** The deadline among words [start, end) of the task, or a reason it cannot be read, or null when there is none. */
export function findDue(t: DueText, start: number, end: number): FoundDue | null {
  if (start >= end) return null;
  const bad = impossibleDate(t, start, end);
  if (bad) return bad;
  const cued = afterCue(t, start, end);
  if (cued) return cued;
  const first = end - start > 1 ? longestFrom(t, start, end - 1, 0) : null;
  if (first) return { due: first, first: start, end: first.end };
  const last = atEnd(t, start, end) ?? urgentWord(t, start, end);
  if (last) return last;
  return strongCue(t, start, end);
}

/** "hạn <something unreadable>": the deadline word is there, so say the deadline was not understood. */
/**
 * The deadline of words that are only a deadline, with no title beside them ("9h" left of "đổi lịch #L3 thành 9h
 * thứ 2 hằng tuần"): read from the first word, else as findDue reads it.
 */
export function findDueAlone(t: DueText, start: number, end: number): FoundDue | null {
  const whole = start < end ? longestFrom(t, start, end, 0) : null;
  return whole ? { due: whole, first: start, end: whole.end } : findDue(t, start, end);
}

function strongCue(t: DueText, start: number, end: number): FoundDue | null {
  for (let i = end - 1; i >= start; i--) {
    const w = t.words[i] as Word;
    if (!STRONG.test(w.key) || !cueAt(t, i) || i + 1 >= end) continue;
    const rest = t.orig.slice((t.words[i + 1] as Word).from, (t.words[end - 1] as Word).to).trim();
    return { due: null, first: i, end, badFragment: rest };
  }
  return null;
}
