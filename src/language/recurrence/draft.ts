/**
 * What a recurring phrase says before the rest of the message is read: how often, on which days, and the part of
 * the day if it named one. The deadline words around it (a time, "trước ngày 25") fill in what it leaves open.
 */
import { readWeekdays } from "../weekdays.js";

export type Frequency = "daily" | "weekly" | "monthly" | "quarterly" | "yearly" | "lunar";

export interface RecurrenceDraft {
  freq: Frequency;
  interval?: number;
  /** ISO weekdays, 1 = Monday. */
  weekdays?: number[];
  /** With weekdays on a monthly rule: which one of the month (1 = first, -1 = last). */
  nth?: number;
  /** Days of the month; -1 is the last. */
  monthDays?: number[];
  /** Months of the year (1–12), for quarterly and yearly rules. */
  months?: number[];
  lunarDays?: number[];
  /** Only working days: a day off is left out rather than moved. */
  workingDaysOnly?: boolean;
  /** Minutes after midnight a part of the day named ("mỗi sáng" → 09:00), unless a time is given. */
  podMinutes?: number;
}

export interface PhraseRule {
  re: RegExp;
  build(m: RegExpExecArray): RecurrenceDraft | null;
}

/** Word boundaries in folded text (letters and digits only). */
export const B = "(?<![a-z0-9])";
export const E = "(?![a-z0-9])";

const VI_WD = "(?:thu\\s*(?:[2-7]|hai|ba|tu|nam|sau|bay)|chu\\s*nhat|cn|t[2-7])";
const EN_WD =
  "(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)";
const WD = `(?:${VI_WD}|${EN_WD})${E}`;
/** A list or range of weekdays ("thứ 2 và thứ 5", "mon, wed and fri", "thứ 2 - thứ 6"). */
export const WDLIST = `${WD}(?:\\s*(?:,|va|and|&|\\/|-|–|den|toi|to|through|thru)\\s*${WD})*`;

export const QUARTER_FIRST = [1, 4, 7, 10];

/** ISO weekdays of a captured list; English plurals ("mondays") read as their singular. */
export function weekdaysOf(text: string | undefined): number[] | undefined {
  if (!text) return undefined;
  const cleaned = text.replace(/(day)s(?![a-z])/g, "$1").replace(/\s*(?:&|\/)\s*/g, ", ");
  return readWeekdays(cleaned) ?? undefined;
}

/** Day numbers of a captured list ("25", "1 va 15", "1, 15"). */
export function numbersOf(text: string | undefined): number[] {
  return [...(text ?? "").matchAll(/\d{1,2}/g)].map((m) => Number(m[0]));
}

export const VI_POD: Record<string, number> = { sang: 9 * 60, trua: 12 * 60, chieu: 17 * 60, toi: 20 * 60 };
export const EN_POD: Record<string, number> = { morning: 9 * 60, noon: 12 * 60, afternoon: 17 * 60, evening: 20 * 60 };

const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  other: 2,
  second: 2,
};

export function countOf(text: string | undefined, fallback = 1): number {
  if (!text) return fallback;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : (NUMBER_WORDS[text] ?? fallback);
}

/** A draft whose days are all real: a day of month 1–31 (or -1), weekdays read. */
export function valid(draft: RecurrenceDraft): RecurrenceDraft | null {
  if (draft.monthDays?.some((d) => d !== -1 && (d < 1 || d > 31))) return null;
  if (draft.lunarDays?.some((d) => d < 1 || d > 30)) return null;
  if (draft.months?.some((m) => m < 1 || m > 12)) return null;
  if (draft.weekdays !== undefined && draft.weekdays.length === 0) return null;
  return draft;
}
