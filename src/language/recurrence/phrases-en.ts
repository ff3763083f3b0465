/**
 * Recurring phrases in English, on folded text: "every Monday", "every other week on Friday", "on the 25th of every
 * month", "the last working day of each month", "quarterly", "every year on Dec 31". "weekly", "daily" and
 * "monthly" before a noun name the thing ("weekly report", "daily standup"), so they are a rhythm only at the end
 * of the words or before "on", "at", "by", a time or a person.
 */
import { EN_MONTH, EN_MONTH_NAME as MONTH } from "../lexicon.js";
import {
  B,
  countOf,
  E,
  EN_POD,
  numbersOf,
  type PhraseRule,
  QUARTER_FIRST,
  type RecurrenceDraft,
  valid,
  WDLIST,
  weekdaysOf,
} from "./draft.js";

const EVERY = "(?:every|each)";
const ORD = "(?:st|nd|rd|th)?";
const DAYS = `(\\d{1,2}${ORD}(?:\\s*(?:,|and|&)\\s*(?:the\\s+)?\\d{1,2}${ORD})*)`;
const NTH: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  last: -1,
};
const NTH_WORDS = "(first|1st|second|2nd|third|3rd|fourth|4th|last)";
const POD_AFTER = "(?:\\s+(morning|noon|afternoon|evening))?";
/** A rhythm adjective is not the title's own word: at the end, or before these. */
const ALONE = "(?=\\s*$|\\s*[,.;!]|\\s+(?:on|at|by|before|from|until|till|starting|due|in the)\\b|\\s+\\d|\\s{2,})";

function rx(source: string): RegExp {
  return new RegExp(`${B}${source}${E}`, "g");
}

function weekly(days: string | undefined, podWord: string | undefined, interval = 1): RecurrenceDraft | null {
  const weekdays = weekdaysOf(days);
  if (days && !weekdays) return null;
  return valid({ freq: "weekly", interval, weekdays, podMinutes: podWord ? EN_POD[podWord] : undefined });
}

const QUARTER_MONTH: Record<string, number> = { first: 0, second: 1, middle: 1, third: 2, last: 2 };

export const EN_PHRASES: PhraseRule[] = [
  {
    re: rx(
      `${EVERY}\\s+(?:working|work|business)\\s+day|on\\s+(?:working|business)\\s+days|every\\s+day\\s+except\\s+weekends`,
    ),
    build: () => ({ freq: "daily", workingDaysOnly: true }),
  },
  {
    re: rx(
      `${EVERY}\\s+weekday|on\\s+weekdays|weekdays(?:\\s+only)?${ALONE}|(?:mon|monday)\\s*(?:to|through|thru|-)\\s*(?:fri|friday)\\s+every\\s+week`,
    ),
    build: () => ({ freq: "weekly", weekdays: [1, 2, 3, 4, 5], workingDaysOnly: true }),
  },
  {
    re: rx(`(?:on\\s+|by\\s+)?the\\s+last\\s+(?:working|business|work)\\s+day\\s+of\\s+(?:every|each|the)\\s+month`),
    build: () => ({ freq: "monthly", monthDays: [-1] }),
  },
  {
    re: rx(
      `(?:on\\s+|by\\s+)?the\\s+last\\s+day\\s+of\\s+${EVERY}\\s+month|(?:at\\s+)?the\\s+end\\s+of\\s+${EVERY}\\s+month|${EVERY}\\s+month\\s+end|monthly\\s+on\\s+the\\s+last\\s+day`,
    ),
    build: () => ({ freq: "monthly", monthDays: [-1] }),
  },
  {
    re: rx(`(?:at\\s+)?the\\s+end\\s+of\\s+${EVERY}\\s+quarter|${EVERY}\\s+quarter\\s+end`),
    build: () => ({ freq: "quarterly", months: [3, 6, 9, 12], monthDays: [-1] }),
  },
  {
    re: rx(
      `(?:on\\s+|by\\s+)?the\\s+(\\d{1,2})${ORD}\\s+of\\s+the\\s+(first|second|middle|third|last)\\s+month\\s+of\\s+${EVERY}\\s+quarter`,
    ),
    build: (m) => {
      const offset = QUARTER_MONTH[m[2] ?? ""] ?? 0;
      return valid({ freq: "quarterly", months: QUARTER_FIRST.map((q) => q + offset), monthDays: [Number(m[1])] });
    },
  },
  {
    re: rx(
      `(?:on\\s+)?the\\s+${DAYS}\\s+of\\s+${EVERY}\\s+lunar\\s+month|${EVERY}\\s+lunar\\s+month\\s+on\\s+the\\s+${DAYS}`,
    ),
    build: (m) => valid({ freq: "lunar", lunarDays: numbersOf(m[1] ?? m[2]) }),
  },
  {
    re: rx(`every\\s+(full|new)\\s+moon`),
    build: (m) => ({ freq: "lunar", lunarDays: [m[1] === "full" ? 15 : 1] }),
  },
  {
    re: rx(
      `(?:on\\s+)?the\\s+${NTH_WORDS}\\s+(${WDLIST})\\s+of\\s+(?:every|each)\\s+month|${EVERY}\\s+${NTH_WORDS}\\s+(${WDLIST})(?:\\s+of\\s+the\\s+month)?`,
    ),
    build: (m) => valid({ freq: "monthly", nth: NTH[m[1] ?? m[3] ?? ""] ?? 1, weekdays: weekdaysOf(m[2] ?? m[4]) }),
  },
  {
    re: rx(
      `(?:on\\s+|by\\s+)?the\\s+${DAYS}\\s+of\\s+${EVERY}\\s+month|${EVERY}\\s+month\\s+(?:on|by)\\s+the\\s+${DAYS}|monthly\\s+(?:on|by)\\s+the\\s+${DAYS}|on\\s+the\\s+${DAYS}\\s+monthly`,
    ),
    build: (m) => valid({ freq: "monthly", monthDays: numbersOf(m[1] ?? m[2] ?? m[3] ?? m[4]) }),
  },
  {
    re: rx(
      `(?:every\\s+year|annually|yearly)\\s+on\\s+${MONTH}\\s+(\\d{1,2})${ORD}|(?:every|each)\\s+${MONTH}\\s+(\\d{1,2})${ORD}|on\\s+${MONTH}\\s+(\\d{1,2})${ORD}\\s+(?:every\\s+year|annually|yearly)`,
    ),
    build: (m) => {
      const month = EN_MONTH[m[1] ?? m[3] ?? m[5] ?? ""];
      return month ? valid({ freq: "yearly", months: [month], monthDays: [Number(m[2] ?? m[4] ?? m[6])] }) : null;
    },
  },
  {
    re: rx(`(?:every\\s+year|annually|yearly)\\s+on\\s+(?:the\\s+)?(\\d{1,2})\\s*\\/\\s*(\\d{1,2})`),
    build: (m) => valid({ freq: "yearly", months: [Number(m[2])], monthDays: [Number(m[1])] }),
  },
  {
    re: rx(
      `every\\s+(other|second|2nd|\\d|two|three|four)\\s+weeks?(?:\\s+on\\s+(${WDLIST}))?|(?:biweekly|fortnightly|bi-weekly)(?:\\s+on\\s+(${WDLIST}))?${ALONE}|every\\s+(other|second)\\s+(${WDLIST})`,
    ),
    build: (m) => weekly(m[2] ?? m[3] ?? m[5], undefined, countOf(m[1] ?? m[4], 2)),
  },
  {
    re: rx(
      `${EVERY}\\s+(${WDLIST})${POD_AFTER}|(?:on\\s+)?(mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)`,
    ),
    build: (m) => weekly(m[1] ?? m[3], m[2]),
  },
  {
    re: rx(
      `(?:weekly|every\\s+week|each\\s+week)\\s+on\\s+(${WDLIST})|(?:weekly|every\\s+week)${ALONE}|every\\s+week|each\\s+week`,
    ),
    build: (m) => weekly(m[1], undefined),
  },
  {
    re: rx(`(?:quarterly|every\\s+quarter|each\\s+quarter)${ALONE}|every\\s+quarter|each\\s+quarter`),
    build: () => ({ freq: "quarterly" }),
  },
  { re: rx(`monthly${ALONE}|every\\s+month|each\\s+month`), build: () => ({ freq: "monthly" }) },
  { re: rx(`(?:yearly|annually)${ALONE}|every\\s+year|each\\s+year`), build: () => ({ freq: "yearly" }) },
  {
    re: rx(`${EVERY}\\s+(morning|afternoon|evening)|every\\s*day|each\\s+day|daily${ALONE}`),
    build: (m) => ({ freq: "daily", podMinutes: m[1] ? EN_POD[m[1]] : undefined }),
  },
];
