/**
 * Vietnamese deadline words, matched on folded text so "thứ 6 tuần sau" and
 * "thu 6 tuan sau" read alike. Where folding merges two words ("sáu" six / "sau"
 * after, "tối" evening / "tới" next / "tôi" I), the builder looks at the original.
 */

import { one, type Piece, type PieceRule, type Pod, rule } from "./due-pieces.js";
import { NUMBER_WORD_RE, readNumber, UNIT_WORDS, VI_MONTH_WORD, VI_WEEKDAY } from "./lexicon.js";

const NEXT = "toi|sau|tiep theo|tiep|ke tiep|sap toi|ke";
const THIS = "nay|hien tai";
const LAST = "truoc|vua roi|vua qua|qua|ngoai";
const UNIT_VI = "giay|s|phut|gio|tieng|ngay lam viec|ngay|tuan|thang|quy|nam";
const NUM = `\\d+|${NUMBER_WORD_RE}`;

function relOffset(word: string | undefined): number {
  if (!word || new RegExp(`^(?:${THIS})$`).test(word)) return 0;
  return new RegExp(`^(?:${LAST})$`).test(word) ? -1 : 1;
}

const VI_POD: Record<string, Pod> = {
  "sang som": "earlymorning",
  sang: "morning",
  trua: "noon",
  chieu: "afternoon",
  toi: "evening",
  dem: "night",
  khuya: "night",
};

const DAY_WORDS: Record<string, number> = {
  "hom nay": 0,
  "ngay hom nay": 0,
  "bua nay": 0,
  nay: 0,
  "hom qua": -1,
  "ngay hom qua": -1,
  qua: -1,
  "hom kia": -2,
  "ngay hom kia": -2,
  "ngay mai": 1,
  mai: 1,
  "ngay kia": 2,
  "ngay mot": 2,
};

function unitOf(word: string): { unit: NonNullable<(typeof UNIT_WORDS)[string]>; working: boolean } {
  if (word === "ngay lam viec") return { unit: "day", working: true };
  return { unit: UNIT_WORDS[word] ?? "day", working: false };
}

export const VI_RULES: PieceRule[] = [
  rule("(?:ngay\\s+)?(?:bay gio|ngay luc nay|luc nay|ngay bay gio)", () => one({ k: "now" })),
  rule("cang som cang tot|ngay lap tuc|gap", () => one({ k: "asap" })),
  rule("ket thuc ngay|cuoi ngay(?: hom nay)?|het ngay(?: hom nay)?|trong ngay(?: hom nay)?", () => one({ k: "eod" })),
  // "trong 5 ngày (làm việc)", "5 ngày nữa", "sau 2 tuần": N units after today.
  rule(`(?:trong(?: vong)?|sau)\\s+(${NUM})\\s+(${UNIT_VI})(?:\\s+(?:nua|toi))?`, (m) => offset(m[1], m[2], "in")),
  rule(`(${NUM})\\s+(${UNIT_VI})\\s+nua`, (m) => offset(m[1], m[2], "in")),
  rule(`(${NUM})\\s+(ngay lam viec)`, (m) => offset(m[1], m[2], "in")),
  rule(`(${NUM})\\s+(${UNIT_VI})\\s+(toi|tiep theo|tiep|sap toi|ke tiep)`, (m, o) =>
    // "3 giờ tối" is 15:00, not "the next 3 hours": "tối" and "tới" fold alike.
    /tối$/.test(o) ? null : offset(m[1], m[2], "window"),
  ),
  rule(`(${NUM})\\s+(${UNIT_VI})\\s+(vua roi|vua qua|qua|truoc)`, (m) => offset(m[1], m[2], "past")),
  rule(
    "(?:thu\\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|t([2-7])|(chu nhat|chua nhat|cn))(?:\\s+(toi|nay|vua roi|vua qua))?",
    (m, o) => {
      // "doanh thu năm" is yearly revenue: a weekday written with other accents writes "thứ" with its own.
      if (/^thu/i.test(o) && /[^\p{ASCII}]/u.test(o)) return null;
      const wd = m[3] ? 7 : (VI_WEEKDAY[m[1] ?? m[2] ?? ""] ?? 0);
      const mod = m[4] === "toi" ? "next" : m[4] === "vua roi" || m[4] === "vua qua" ? "last" : null;
      return wd ? one({ k: "weekday", wd, mod }) : null;
    },
  ),
  rule("(?:ngay|tuan)\\s+(dau tien|dau|cuoi cung|cuoi)\\s+(?:cua|trong)", (m) =>
    one({ k: "nth", n: m[1]?.startsWith("cuoi") ? -1 : 1, unit: m[0].startsWith("ngay") ? "day" : "week" }),
  ),
  rule(`(tuan|thang|quy|nam)\\s+(${THIS}|${NEXT}|${LAST})`, (m, o) => period(m, o)),
  rule("quy\\s+(1|2|3|4|mot|hai|ba|bon|tu)", (m) => one({ k: "quarter", q: readNumber(m[1] ?? "") ?? 1 })),
  rule(
    `thang\\s+(\\d{1,2}|muoi mot|muoi hai|${Object.keys(VI_MONTH_WORD).join("|")})(?:\\s+(toi|sau|nay))?`,
    (m, o) => {
      const month = /^\d/.test(m[1] ?? "") ? Number(m[1]) : VI_MONTH_WORD[m[1] ?? ""];
      if (!month || month > 12) return null;
      const mod = m[2] === "toi" || (m[2] === "sau" && !/sáu/.test(o)) ? "next" : null;
      return one({ k: "month", m: month, mod });
    },
  ),
  rule("nam\\s+(\\d{4})", (m) => one({ k: "year", y: Number(m[1]) })),
  rule("(tuan|thang|quy|nam)(?!\\s*\\d)", (m) =>
    one({ k: "period", unit: UNIT_WORDS[m[1] ?? ""] ?? "week", offset: 0 }),
  ),
  rule(
    "(sang som|sang|trua|chieu|toi|dem|khuya)(?:\\s+(ngay hom nay|hom nay|nay|ngay mai|mai|hom qua|qua))?",
    (m, o) => {
      // "tới" (next) and "tôi" (I) fold to "toi" too; only "tối" or an unaccented "toi" is evening.
      if (m[1] === "toi" && /^(tới|tôi|tơi)/.test(o)) return null;
      const pod: Piece = { k: "pod", pod: VI_POD[m[1] ?? ""] ?? "morning", vi: true };
      return m[2] ? [pod, { k: "day", n: DAY_WORDS[m[2]] ?? 0 }] : [pod];
    },
  ),
  rule("buoi(?=\\s+(?:sang|trua|chieu|toi))", () => []),
  rule("sau bua trua|sau gio an trua", () => one({ k: "pod", pod: "afterlunch", vi: true })),
  rule("ngay hom nay|ngay hom qua|ngay hom kia|hom nay|bua nay|hom qua|hom kia|ngay mai|ngay kia|ngay mot|mai", (m) =>
    one({ k: "day", n: DAY_WORDS[m[0]] ?? 0 }),
  ),
  rule("mua (he|dong|xuan|thu)(?:\\s+(?:nay|nam nay))?", (m) => {
    const s = { he: "summer", dong: "winter", xuan: "spring", thu: "autumn" } as const;
    return one({ k: "season", season: s[m[1] as keyof typeof s] });
  }),
  rule("(?:ngay\\s+)?(?:giang sinh|noel)", () => one({ k: "holiday", name: "christmas" })),
  rule("(?:ngay\\s+)?tet(?: nguyen dan| am lich)?", () => one({ k: "holiday", name: "tet" })),
  rule("cuoi|het", () => one({ k: "edge", edge: "end" })),
  rule("dau", () => one({ k: "edge", edge: "begin" })),
  rule("giua", () => one({ k: "edge", edge: "mid" })),
  rule("ngay(?=\\s+\\d)|mong|mung", () => one({ k: "dayword" })),
  rule("vao luc|vao khoang|vao dung|luc|vao|khoang|dung", () => one({ k: "at" })),
  rule("cua|trong|ngay|hang|cho|den|toi", () => []),
];

function offset(
  num: string | undefined,
  unitWord: string | undefined,
  style: "in" | "window" | "past",
): Piece[] | null {
  const n = readNumber(num ?? "");
  if (n === null || !unitWord) return null;
  const { unit, working } = unitOf(unitWord);
  return one({ k: "offset", n, unit, working, style });
}

function period(m: RegExpExecArray, orig: string): Piece[] | null {
  const unit = UNIT_WORDS[m[1] ?? ""];
  if (!unit) return null;
  // "tháng sáu" is June, "tháng sau" next month: only the original text can tell.
  if (m[1] === "thang" && m[2] === "sau" && /sáu/.test(orig)) return one({ k: "month", m: 6, mod: null });
  return one({ k: "period", unit, offset: relOffset(m[2]) });
}
