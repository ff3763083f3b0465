/**
 * Where a series ends: "đến hết 6/2027", "đến hết tháng 6", "đến 30/6/2027", "until June", "until 2027-06-30",
 * "until the end of 2027". A month alone means through its last day; a date without a year is the next such date.
 */

import { addDays, parseIsoDate, toIsoDate } from "../../calendar/index.js";
import { EN_MONTH, EN_MONTH_NAME as MONTH } from "../lexicon.js";
import { B, E } from "./draft.js";

export interface FoundUntil {
  from: number;
  to: number;
  /** The last local date an occurrence may fall on. */
  date: string;
}

const VI_UNTIL = "(?:,\\s*)?(?:(?:cho\\s+)?(?:den|toi)\\s+(?:het\\s+)?|het\\s+)";
const EN_UNTIL = "(?:,\\s*)?(?:until|till|through|thru|ending)\\s+(?:the\\s+end\\s+of\\s+)?";

function lastDayOfMonth(year: number, month: number): string {
  return addDays(month === 12 ? toIsoDate(year + 1, 1, 1) : toIsoDate(year, month + 1, 1), -1);
}

/** The year that puts month/day on or after today. */
function nextYear(today: string, month: number, day: number): number {
  const [year] = parseIsoDate(today);
  return toIsoDate(year, month, Math.min(day, 28)) >= `${today.slice(0, 8)}01` ? year : year + 1;
}

function date(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = lastDayOfMonth(year, month);
  return day > Number(last.slice(8)) ? null : toIsoDate(year, month, day);
}

interface UntilRule {
  re: RegExp;
  read(m: RegExpExecArray, today: string): string | null;
}

const rx = (source: string) => new RegExp(`${B}${source}${E}`, "g");

const RULES: UntilRule[] = [
  {
    re: rx(
      `${VI_UNTIL}(?:ngay\\s+)?(\\d{1,2})\\s*\\/\\s*(\\d{1,2})\\s*\\/\\s*(\\d{4})|${EN_UNTIL}(\\d{1,2})\\s*\\/\\s*(\\d{1,2})\\s*\\/\\s*(\\d{4})`,
    ),
    read: (m) => date(Number(m[3] ?? m[6]), Number(m[2] ?? m[5]), Number(m[1] ?? m[4])),
  },
  {
    re: rx(`${EN_UNTIL}(\\d{4})-(\\d{2})-(\\d{2})`),
    read: (m) => date(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    re: rx(`${VI_UNTIL}(?:thang\\s+)?(\\d{1,2})\\s*(?:\\/|\\s+nam\\s+)\\s*(\\d{4})`),
    read: (m) => lastDayOfMonth(Number(m[2]), Number(m[1])),
  },
  {
    re: rx(`${VI_UNTIL}nam\\s+(\\d{4})|${EN_UNTIL}(\\d{4})`),
    read: (m) => `${m[1] ?? m[2]}-12-31`,
  },
  {
    re: rx(`${VI_UNTIL}thang\\s+(\\d{1,2})`),
    read: (m, today) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? lastDayOfMonth(nextYear(today, month, 1), month) : null;
    },
  },
  {
    re: rx(`${VI_UNTIL}(?:ngay\\s+)?(\\d{1,2})\\s*\\/\\s*(\\d{1,2})`),
    read: (m, today) => {
      const [day, month] = [Number(m[1]), Number(m[2])];
      return date(nextYear(today, month, day), month, day);
    },
  },
  {
    re: rx(`${EN_UNTIL}${MONTH}(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(\\d{4}))?`),
    read: (m, today) => {
      const month = EN_MONTH[m[1] ?? ""];
      if (!month) return null;
      const year = m[3] ? Number(m[3]) : nextYear(today, month, Number(m[2] ?? 1));
      return m[2] ? date(year, month, Number(m[2])) : lastDayOfMonth(year, month);
    },
  },
];

/** The end the words from `from` give a series, or null. */
export function findUntil(folded: string, from: number, today: string): FoundUntil | null {
  for (const rule of RULES) {
    rule.re.lastIndex = from;
    const m = rule.re.exec(folded);
    if (!m) continue;
    const end = rule.read(m, today);
    if (end) return { from: m.index, to: m.index + m[0].length, date: end };
  }
  return null;
}
