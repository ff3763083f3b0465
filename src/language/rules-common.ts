/**
 * Language-neutral pieces: clock times ("17h30", "3:30pm", "10g45"), numeric dates
 * ("15/12", "20/1/2027", "2015-03-03"), bare numbers and time-zone names.
 * Numeric dates are day/month first, the Vietnamese (and most of the world's) order;
 * month/day is used only when day/month cannot be a date ("4/25").
 */
import { readNumber, ZONE_OFFSETS } from "./lexicon.js";

const VI_HOUR_WORDS = "muoi mot|muoi hai|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi";

import { one, type Piece, type PieceRule, rule } from "./due-pieces.js";

const MER = "a\\.?\\s?m\\.?|p\\.?\\s?m\\.?";

function mer(word: string | undefined): "am" | "pm" | null {
  if (!word) return null;
  return word.startsWith("a") ? "am" : "pm";
}

function fullYear(y: string | undefined): number | null {
  if (!y) return null;
  const n = Number(y);
  return y.length <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

function time(
  h: number,
  m: number | null,
  s: number | null,
  meridiem: "am" | "pm" | null,
  hourGrain = false,
): Piece[] | null {
  if (h > 24 || (m ?? 0) > 59 || (s ?? 0) > 59) return null;
  const grain = s !== null ? "second" : m !== null || !hourGrain ? "minute" : "hour";
  return one({ k: "time", h, m: m ?? 0, s, grain, mer: meridiem });
}

function numericDate(a: number, b: number, y: number | null): Piece[] | null {
  if (a >= 1 && a <= 31 && b >= 1 && b <= 12) return one({ k: "date", d: a, m: b, y, ambiguous: a <= 12 && a !== b });
  if (b >= 1 && b <= 31 && a >= 1 && a <= 12) return one({ k: "date", d: b, m: a, y });
  return null;
}

export const COMMON_RULES: PieceRule[] = [
  rule("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ t](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?", (m) => {
    const date: Piece = { k: "date", d: Number(m[3]), m: Number(m[2]), y: Number(m[1]) };
    if (!m[4]) return one(date);
    const t = time(Number(m[4]), Number(m[5]), m[6] ? Number(m[6]) : null, null);
    return t ? [date, ...t] : null;
  }),
  rule("(\\d{4})[-/](\\d{1,2})", (m) => {
    const month = Number(m[2]);
    return month >= 1 && month <= 12
      ? [
          { k: "month", m: month, mod: null },
          { k: "year", y: Number(m[1]) },
        ]
      : null;
  }),
  rule("(\\d{1,2})\\s*[/.]\\s*(\\d{4})", (m) => {
    const month = Number(m[1]);
    return month >= 1 && month <= 12
      ? [
          { k: "month", m: month, mod: null },
          { k: "year", y: Number(m[2]) },
        ]
      : null;
  }),
  rule("(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})(?:\\s*\\2\\s*(\\d{4}|\\d{2}))?", (m) =>
    numericDate(Number(m[1]), Number(m[3]), fullYear(m[4])),
  ),
  rule(`(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(${MER}|[ap](?![a-z]))?`, (m) =>
    time(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, mer(m[4])),
  ),
  // "17h", "17h30", "10g45", "8 giờ 30 (phút)", "3 giờ rưỡi", "11 giờ kém 15". "giờ" alone names an hour.
  rule(
    `(?:(\\d{1,2})\\s*(h|g|gio)|(${VI_HOUR_WORDS})\\s+(gio))\\s*(?:(\\d{1,2})(?:\\s*(?:phut|p))?|(ruoi)|kem\\s*(\\d{1,2})(?:\\s*phut)?)?(?:\\s*(am|pm))?`,
    (m) => {
      let h = m[1] ? Number(m[1]) : (readNumber(m[3] ?? "") ?? 0);
      let min: number | null = m[5] ? Number(m[5]) : m[6] ? 30 : null;
      if (m[7]) {
        h -= 1;
        min = 60 - Number(m[7]);
      }
      return time(h, min, null, mer(m[8]), (m[2] ?? m[4]) === "gio");
    },
  ),
  rule(`(\\d{1,2})\\s*(?:ish)?\\s*(${MER})`, (m) => time(Number(m[1]), null, null, mer(m[2]), true), "(?![a-z])"),
  rule(
    "(\\d{1,2})(?=jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    (m) => one({ k: "num", n: Number(m[1]), digits: 2 }),
    "",
  ),
  // "at 3p": a glued a/p counts only after "at" (the resolver checks), so "4a" stays a non-time.
  rule(
    "(\\d{1,2})([ap])\\.?",
    (m) => one({ k: "num", n: Number(m[1]), digits: 2, mer: m[2] === "a" ? "am" : "pm" }),
    "(?![a-z0-9])",
  ),
  rule("(\\d{1,4})(ish)?(?:\\s*(?:o'?clock|oclock))?", (m) =>
    one({ k: "num", n: Number(m[1]), digits: (m[1] ?? "").length }),
  ),
  rule("\\(?(utc|gmt|cet|cest|bst|ist|ict|pst|pdt|mst|mdt|cst|cdt|est|edt|jst|sgt)\\)?", (m) =>
    one({ k: "tz", offset: ZONE_OFFSETS[m[1] ?? "utc"] ?? 0 }),
  ),
  rule(`(${MER})`, (m) => one({ k: "mer", mer: mer(m[1]) ?? "am" }), "(?![a-z])"),
];
