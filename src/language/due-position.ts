/**
 * Where a phrase may be a deadline. A period word is a deadline after a deadline word ("trước cuối tháng", "trong
 * tuần") or in a deadline position (the start of the task words, or their end); at the end, words that name the
 * task's own period stay in the title: a bare unit ("báo cáo quý", "giao ban tuần"), a numbered period ("báo cáo
 * tháng 12", "kế hoạch năm 2027", "Q4"), a past period ("số liệu tuần trước") and a holiday alone ("thông báo nghỉ
 * Tết"). A period after "cho"/"for"/"of" is the task's purpose ("mua văn phòng phẩm cho quý 1 năm sau").
 */
import type { Word } from "./words.js";

const UNIT = /^(?:tuan|thang|quy|nam|week|month|quarter|year)$/;
const NUMBERED =
  /^(?:\d{1,4}|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|gieng|chap|i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,2})$/;
const RELATIVE = /^(?:nay|sau|toi|tiep|ke|sap|hien|next|this|coming)$/;
const PAST = /^(?:truoc|qua|ngoai|vua)$/;
const PURPOSE = /^(?:cho|for|of|cua)$/;
const WHOLE_TITLE =
  /^(?:(?:tet(?: nguyen dan)?|noel|giang sinh|christmas|xmas|lunar new year)$|(?:hom qua|hom kia|yesterday|last (?:week|month|quarter|year)|q[1-4]|\d{4})(?![a-z0-9]))/;
const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
/** Named periods a purpose word makes the task's own ("for November", "for 2026", "for Q4"). */
const NAMED_PERIOD = new RegExp(`^(?:${MONTHS}|q[1-4]|\\d{4})(?![a-z0-9])`);

/** After "cho"/"for": a named, numbered or past period is the task's ("cho quý 1"); "for next week" is a deadline. */
function purposePeriod(words: Word[], first: number, folded: string): boolean {
  const [w, next] = [words[first] as Word, words[first + 1]];
  if (NAMED_PERIOD.test(folded) || /^last$/.test(w.key)) return true;
  if (!UNIT.test(w.key)) return false;
  return !next || !RELATIVE.test(next.key) || (next.key === "sau" && /sáu/i.test(next.core));
}

/**
 * How many words from `first` (the start of a phrase ending the task words, with no deadline word before it) belong
 * to the title: 0 when the phrase may be a deadline; `end - first` when nothing from there on may be ("tháng 12",
 * "quý 1 năm sau", "cho quý 1"); 1 for a bare unit followed by other words ("giao ban tuần sáng thứ 2": "tuần" is
 * the meeting's, "sáng thứ 2" may still be the deadline).
 */
export function titleWordsAt(words: Word[], first: number, end: number, folded: string): number {
  const all = end - first;
  const [w, next] = [words[first] as Word, words[first + 1]];
  if (PURPOSE.test(w.key)) return 1;
  if (WHOLE_TITLE.test(folded)) return all;
  if (PURPOSE.test(words[first - 1]?.key ?? "") && purposePeriod(words, first, folded)) return all;
  if (!UNIT.test(w.key)) return 0;
  if (!next) return 1;
  // "tháng sau" is next month (a deadline), "tháng sáu" June (a numbered month): only the accent tells.
  if (next.key === "sau") return /sáu/i.test(next.core) ? all : 0;
  if (NUMBERED.test(next.key) || PAST.test(next.key)) return all;
  return RELATIVE.test(next.key) ? 0 : 1;
}

/** Report-type nouns: a relative period right after one ("báo cáo tuần sau") may name the report, not the deadline. */
const REPORT_NOUNS =
  /(?:^|\s)(?:bao cao|bc|ke hoach|tong ket|so ket|giao ban|hop|luong|bang luong|cham cong|thue|doanh thu|ngan sach|hoa don|so lieu|thong ke|report|plan|meeting|review|budget|payroll|numbers)$/;

/** Whether the folded text before a phrase ends with a report noun ("báo cáo", "kế hoạch", "report"). */
export function followsReportNoun(foldedBefore: string): boolean {
  return REPORT_NOUNS.test(foldedBefore.trimEnd());
}
