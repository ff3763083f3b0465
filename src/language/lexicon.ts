/**
 * Word lists shared by the deadline rules, in folded (diacritic-free, lower-case) form.
 * Vietnamese and English live side by side: one phrase may mix them ("deadline thứ 6").
 */

/** Number words, Vietnamese and English, including the vague "a few" (Duckling reads 3). */
export const NUMBER_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  "muoi mot": 11,
  "muoi hai": 12,
  "muoi lam": 15,
  "hai muoi": 20,
  "ba muoi": 30,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  "a couple of": 2,
  "a couple": 2,
  "a pair of": 2,
  couple: 2,
  "a few": 3,
  few: 3,
  fortnight: 14,
};

/** Alternation of number words, longest first so "muoi mot" wins over "muoi". */
export const NUMBER_WORD_RE = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  "dau tien": 1,
  dau: 1,
  "thu nhat": 1,
  "thu hai": 2,
  "thu ba": 3,
  "thu tu": 4,
  "thu nam": 5,
  "cuoi cung": -1,
};

/** Reads "12", "muoi hai", "a couple of" → number; null when it is neither. */
export function readNumber(word: string): number | null {
  const w = word.trim().replace(/\s+/g, " ");
  if (/^\d+$/.test(w)) return Number(w);
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

/** Vietnamese weekday names after "thứ"; chủ nhật is separate. ISO 1 = Monday. */
export const VI_WEEKDAY: Record<string, number> = {
  "2": 1,
  hai: 1,
  "3": 2,
  ba: 2,
  "4": 3,
  tu: 3,
  "5": 4,
  nam: 4,
  "6": 5,
  sau: 5,
  "7": 6,
  bay: 6,
};

export const EN_WEEKDAY: Record<string, number> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
};

export const EN_MONTH: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** An English month name or its abbreviation ("Jun", "June", "Sept."), its first three letters captured: a key of EN_MONTH. */
export const EN_MONTH_NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";

/** Month names after "tháng": a number or a word ("tháng giêng" is January, "tháng chạp" December). */
export const VI_MONTH_WORD: Record<string, number> = {
  gieng: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  "muoi mot": 11,
  "muoi hai": 12,
  chap: 12,
};

export type Unit = "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year";

/** Unit words to units; "h" and "tiếng" are hours, "s" seconds. */
export const UNIT_WORDS: Record<string, Unit> = {
  giay: "second",
  s: "second",
  sec: "second",
  secs: "second",
  second: "second",
  seconds: "second",
  phut: "minute",
  min: "minute",
  mins: "minute",
  minute: "minute",
  minutes: "minute",
  gio: "hour",
  tieng: "hour",
  h: "hour",
  hr: "hour",
  hrs: "hour",
  hour: "hour",
  hours: "hour",
  ngay: "day",
  day: "day",
  days: "day",
  tuan: "week",
  week: "week",
  weeks: "week",
  wk: "week",
  thang: "month",
  month: "month",
  months: "month",
  quy: "quarter",
  quarter: "quarter",
  quarters: "quarter",
  qtr: "quarter",
  nam: "year",
  year: "year",
  years: "year",
  yr: "year",
  yrs: "year",
  fortnight: "week",
};

export const UNIT_RE = Object.keys(UNIT_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** Time-zone abbreviations people write after a time, as minutes east of UTC (standard time). */
export const ZONE_OFFSETS: Record<string, number> = {
  utc: 0,
  gmt: 0,
  cet: 60,
  cest: 120,
  bst: 60,
  ist: 330,
  ict: 420,
  pst: -480,
  pdt: -420,
  mst: -420,
  mdt: -360,
  cst: -360,
  cdt: -300,
  est: -300,
  edt: -240,
  jst: 540,
  sgt: 480,
};
