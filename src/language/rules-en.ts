/**
 * English deadline words. Readings follow Duckling's where they make sense for
 * deadlines ("next Friday" is Friday of next week, "this week" runs Monday–Sunday).
 */

import { one, type Piece, type PieceRule, type Pod, rule } from "./due-pieces.js";
import { EN_MONTH, EN_WEEKDAY, NUMBER_WORD_RE, ORDINAL_WORDS, readNumber, UNIT_RE, UNIT_WORDS } from "./lexicon.js";

const WEEKDAYS = Object.keys(EN_WEEKDAY)
  .sort((a, b) => b.length - a.length)
  .join("|");
const MONTHS = Object.keys(EN_MONTH)
  .sort((a, b) => b.length - a.length)
  .join("|");
const ORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th)";
const NUM = `\\d+(?:\\.\\d+)?|${NUMBER_WORD_RE}`;
const NEXT = "next|coming|upcoming|the following|following|the next";
const LAST = "last|past|previous|the previous|the last|the past";
const THIS = "this|current|the current";

function ordinal(word: string | undefined): number {
  if (!word) return 1;
  return ORDINAL_WORDS[word] ?? (Number.parseInt(word, 10) || 1);
}

function rel(word: string | undefined): number {
  if (!word) return 0;
  if (new RegExp(`^(?:${NEXT})$`).test(word)) return 1;
  return new RegExp(`^(?:${LAST})$`).test(word) ? -1 : 0;
}

const EN_POD: Record<string, Pod> = {
  morning: "morning",
  "early morning": "earlymorning",
  afternoon: "afternoon",
  evening: "evening",
  night: "evening",
  lunch: "noon",
  tonight: "evening",
  tonite: "evening",
};

function offset(
  num: string | undefined,
  unitWord: string | undefined,
  style: "in" | "window" | "past",
  working = false,
): Piece[] | null {
  const n = num === undefined ? 1 : readNumber(num.replace(/ and an? half/, ".5"));
  const unit = UNIT_WORDS[unitWord ?? ""];
  if (n === null || !unit) return null;
  return one({ k: "offset", n: unitWord === "fortnight" ? n * 2 : n, unit, working, style });
}

const HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
const MIN_WORDS =
  "(?:twenty|thirty|forty|fifty)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|fifteen|ten|oh five";

function wordMinutes(w: string | undefined): number | undefined {
  if (!w) return undefined;
  if (w === "oh five") return 5;
  return w.split(/[\s-]/).reduce((sum, part) => sum + (readNumber(part) ?? 0), 0);
}

const NOT_THURSDAY = "thu\\s*[0189](?=\\s*$|\\s+(?!a\\.?\\s?m|p\\.?\\s?m)[a-z])";

export const EN_RULES: PieceRule[] = [
  rule("right now|just now|now|at the moment|atm|immediately", () => one({ k: "now" })),
  rule("asap|as soon as possible", () => one({ k: "asap" })),
  rule("(?:the\\s+)?(?:eod|end of (?:the )?day|close of business|cob)", () => one({ k: "eod" })),
  rule(
    `(?:in|within)\\s+(?:about\\s+)?(?:a\\s+)?(1/4|1/2|3/4|half an|a quarter of an|quarter of an|three-quarters of an)\\s*(?:h|hour)`,
    (m) => {
      const min =
        {
          "1/4": 15,
          "1/2": 30,
          "3/4": 45,
          "half an": 30,
          "a quarter of an": 15,
          "quarter of an": 15,
          "three-quarters of an": 45,
        }[m[1] ?? ""] ?? 30;
      return one({ k: "offset", n: min, unit: "minute", working: false, style: "in" });
    },
  ),
  rule(`(${NUM})\\s+(${WEEKDAYS})s\\s+from\\s+(?:now|today)`, (m) =>
    one({ k: "weekdayCount", n: readNumber(m[1] ?? "") ?? 1, wd: EN_WEEKDAY[m[2] ?? ""] ?? 1 }),
  ),
  rule(
    `(?:in|within)\\s+(?:about\\s+|a\\s+)?(${NUM}|\\d+ and an? half)?\\s*(?:more\\s+)?(working days?|business days?|${UNIT_RE})`,
    (m) => offset(m[1], m[2]?.replace(/^(working|business) days?$/, "day"), "in", /working|business/.test(m[2] ?? "")),
  ),
  rule("in\\s+(\\d{1,3})(?:'|\"| ?min)?", (m) =>
    one({ k: "offset", n: Number(m[1]), unit: "minute", working: false, style: "in" }),
  ),
  rule(`(${NUM})\\s+(${UNIT_RE})\\s+(?:from (?:right )?now|from today|hence|later)`, (m) => offset(m[1], m[2], "in")),
  rule(`(${NUM}|a)\\s+(${UNIT_RE}|fortnight)\\s+(?:from (?:right )?now|hence)`, (m) => offset(m[1], m[2], "in")),
  rule("a fortnight hence", () => one({ k: "offset", n: 14, unit: "day", working: false, style: "in" })),
  rule(`(?:${NEXT})\\s+(${NUM})\\s+(${UNIT_RE})`, (m) => offset(m[1], m[2], "window")),
  rule(`(?:${LAST})\\s+(${NUM})\\s+(${UNIT_RE})`, (m) => offset(m[1], m[2], "past")),
  rule(`after\\s+(${NUM})\\s+(days?|weeks?|months?)`, (m) => offset(m[1], m[2], "in")),
  rule(`(${NUM})\\s+(working days?|business days?)`, (m) => offset(m[1], "day", "in", true)),
  rule(`(?:the\\s+)?week of(?=\\s+(?:(?:${MONTHS})\\.?\\s+)?\\d{1,2}(?!\\d))`, () => one({ k: "weekOf" })),
  rule("(?:the\\s+)?(rest of|all)\\s+(?:the\\s+|this\\s+)?(week|month|year)", (m) =>
    one({ k: "rest", unit: m[2] as "week" | "month" | "year", all: m[1] === "all" }),
  ),
  rule(`(${ORDS})?\\s*(last\\s+)?(day|week|weekend|week-end|week end|wkend)\\s+(?:of|in)`, (m) => {
    const n = ordinal(m[1]) * (m[2] || !m[1] ? -1 : 1);
    const unit = m[3] === "day" ? "day" : m[3] === "week" ? "week" : "weekend";
    return one({ k: "nth", n: m[1] || m[2] ? n : 1, unit });
  }),
  rule(`(${ORDS}|last)\\s+(last\\s+)?(${WEEKDAYS})\\.?\\s+(?:of|in)`, (m) => {
    const n = m[1] === "last" ? -1 : ordinal(m[1]) * (m[2] ? -1 : 1);
    return one({ k: "nth", n, unit: "weekday", wd: EN_WEEKDAY[m[3] ?? ""] ?? 1 });
  }),
  rule(`(${ORDS})\\s+(?:quarter|qtr)`, (m) => one({ k: "quarter", q: ordinal(m[1]) })),
  rule("(\\d{2}|\\d{4})q([1-4])|q([1-4])", (m) => {
    const q: Piece = { k: "quarter", q: Number(m[2] ?? m[3]) };
    return m[1] ? [q, { k: "year", y: m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]) }] : [q];
  }),
  rule(`(?:(${THIS}|${NEXT}|${LAST})\\s+)?(week-end|weekend|week end|wkend)`, (m) =>
    one({ k: "weekend", offset: rel(m[1]) }),
  ),
  rule(`(?:the\\s+)?(${THIS}|${NEXT}|${LAST})\\s+(week|month|quarter|qtr|year|yr)`, (m) =>
    one({ k: "period", unit: UNIT_WORDS[m[2] ?? ""] ?? "week", offset: rel(m[1]), lastWord: /last/.test(m[1] ?? "") }),
  ),
  rule("the (week|month|quarter|year)", (m) => one({ k: "period", unit: UNIT_WORDS[m[1] ?? ""] ?? "week", offset: 0 })),
  // "thu" is Thursday, but "thứ 9" / "thu 9" (a bare 0, 1, 8 or 9, no am/pm) is a
  // mistyped Vietnamese weekday, not Thursday at 9: the phrase must fail, not guess.
  rule(
    `(?:(this|next|last|coming|upcoming|past)\\s+)?(?!${NOT_THURSDAY})(${WEEKDAYS})s?\\.?(?:\\s+(after next))?`,
    (m, o) => {
      if (/thứ/i.test(o)) return null;
      const mod = m[3] || m[1] === "next" ? "nextweek" : m[1] === "last" || m[1] === "past" ? "last" : null;
      return one({ k: "weekday", wd: EN_WEEKDAY[m[2] ?? ""] ?? 1, mod });
    },
  ),
  rule(
    `(?:(next)\\s+)?(${MONTHS})\\.?(?:\\s+(after next))?`,
    (m) => one({ k: "month", m: EN_MONTH[m[2] ?? ""] ?? 1, mod: m[3] ? "afterNext" : m[1] ? "next" : null }),
    "(?![a-z])",
  ),
  rule("(?:the\\s+)?day after tomorrow", () => one({ k: "day", n: 2 })),
  rule("(?:the\\s+)?day before yesterday", () => one({ k: "day", n: -2 })),
  rule("today|tomorrows?|tmrw?|tmr|yesterday", (m) =>
    one({ k: "day", n: m[0] === "today" ? 0 : m[0] === "yesterday" ? -1 : 1 }),
  ),
  rule("(?:at\\s+|this\\s+)?(noon|midday|mid day|midnight)", (m) =>
    one({ k: "time", h: m[1] === "midnight" ? 24 : 12, m: 0, s: null, grain: "hour", mer: null }),
  ),
  rule("(late\\s+)?(tonight|tonite)", (m) => [
    { k: "pod", pod: m[1] ? "lateevening" : "evening", vi: false },
    { k: "day", n: 0 },
  ]),
  rule("last night", () => [
    { k: "pod", pod: "evening", vi: false },
    { k: "day", n: -1 },
  ]),
  rule("late last night", () => [
    { k: "pod", pod: "lateevening", vi: false },
    { k: "day", n: -1 },
  ]),
  rule("after lunch", () => one({ k: "pod", pod: "afterlunch", vi: false })),
  rule("(?:(?:this|in the|at)\\s+)?(early morning|morning|afternoon|evening|night|lunch)(?:ish)?", (m) =>
    one({ k: "pod", pod: EN_POD[m[1] ?? ""] ?? "morning", vi: false }),
  ),
  rule("early in the morning|in the early hours of the morning", () =>
    one({ k: "pod", pod: "earlymorning", vi: false }),
  ),
  rule("in the (am|pm)", (m) => one({ k: "mer", mer: m[1] === "am" ? "am" : "pm" })),
  rule("(?:at\\s+)?(?:the\\s+)?(?:end of|close of)|late", () => one({ k: "edge", edge: "end" })),
  rule("(?:at\\s+)?(?:the\\s+)?(?:beginning of|start of)|early", () => one({ k: "edge", edge: "begin" })),
  rule("mid(?:dle of)?", () => one({ k: "edge", edge: "mid" })),
  rule("(?:at\\s+)?(?:the\\s+)?(e|b)o(m|w|y)", (m) => [
    { k: "edge", edge: m[1] === "e" ? "end" : "begin" },
    { k: "period", unit: m[2] === "m" ? "month" : m[2] === "w" ? "week" : "year", offset: 0 },
  ]),
  rule("christmas(?: day)?|xmas", () => one({ k: "holiday", name: "christmas" })),
  rule("new year'?s? day", () => one({ k: "holiday", name: "newyear" })),
  // British "half three" is half past three.
  rule(`half(?=\\s+(?:${HOUR_WORDS}|\\d{1,2})(?![0-9a-z:]))`, () => one({ k: "shift", minutes: 30 })),
  rule(
    `(half|(?:a\\s+)?quarter|\\d{1,2}(?=\\s+min)|\\d{1,2}(?=\\s+\\w+\\s+(?:noon|midnight|\\d{1,2}\\s*(?:am|pm|h)))|${MIN_WORDS})(?:\\s+minutes?)?\\s+(past|after|to|till|before|from)`,
    (m) => {
      const w = m[1] ?? "";
      const n = w === "half" ? 30 : /quarter/.test(w) ? 15 : /^\d/.test(w) ? Number(w) : (wordMinutes(w) ?? 0);
      return one({ k: "shift", minutes: /^(to|till|before)$/.test(m[2] ?? "") ? -n : n });
    },
  ),
  rule(`(${HOUR_WORDS})(?:\\s+(${MIN_WORDS}))?`, (m) =>
    one({ k: "num", n: readNumber(m[1] ?? "") ?? 0, min: wordMinutes(m[2]), digits: 1 }),
  ),
  rule(`(${ORDS})`, (m) => one({ k: "ord", n: ordinal(m[1]) })),
  rule("(week|month|quarter|year)", (m) => one({ k: "period", unit: UNIT_WORDS[m[1] ?? ""] ?? "week", offset: 0 })),
  rule("at|@|around|about|approximately|approx|for", () => one({ k: "at" })),
  rule(
    "on|the|of|in|during|ish|this|o'?clock|oclock|day|from now|from|since|anytime after|after|sometimes before|sometime before",
    () => [],
  ),
];
