/**
 * Lunar dates and Tết, Vietnamese and English, on folded text. "mùng N" is lunar when no month number follows
 * ("mùng 1", "mùng 1 tháng sau", "mùng 3 Tết"); with a month number it is the solar date ("mồng 2 tháng 9"), as
 * Duckling reads it, unless "âm (lịch)" follows. "tháng Giêng" and "tháng Chạp" after a day are lunar months.
 */
import { one, type Piece, type PieceRule, rule } from "./due-pieces.js";

const LUNAR_MARK = "(?:\\s+(?:am lich|am|al))";
const TET = "tet(?:\\s+(?:nguyen dan|am lich|co truyen))?";
const BREAK = "(?:(?:ky|dot)\\s+)?(?:nghi\\s+)?";

/** "giêng" 1, "chạp" 12, a number, or a month relative to this lunar one. */
function lunarMonth(word: string | undefined, orig: string): { m: number | null; rel: number | null } | null {
  if (!word) return { m: null, rel: null };
  if (word === "gieng") return { m: 1, rel: null };
  if (word === "chap") return { m: 12, rel: null };
  if (word === "nay") return { m: null, rel: 0 };
  // "tháng sáu" is the sixth month, "tháng sau" the next one: only the accent tells them apart.
  if (word === "sau") return /sáu/i.test(orig) ? { m: 6, rel: null } : { m: null, rel: 1 };
  if (word === "toi") return { m: null, rel: 1 };
  const n = Number(word);
  return n >= 1 && n <= 12 ? { m: n, rel: null } : null;
}

function lunar(d: number, month: { m: number | null; rel: number | null } | null): Piece[] | null {
  if (!month || d < 1 || d > 30) return null;
  return one({ k: "lunar", d, m: month.m, rel: month.rel });
}

const MONTH = "(gieng|chap|nay|sau|toi|\\d{1,2})";

export const LUNAR_RULES: PieceRule[] = [
  rule(
    `(?:truoc|before)\\s+(?:the\\s+)?(?:khi\\s+)?${BREAK}(?:${TET}|lunar new year)(?:\\s+(?:holidays?|break))?`,
    () => one({ k: "tetEdge", edge: "before" }),
  ),
  // "quà Tết" (Tết gifts) folds like "qua Tết" (after Tết): the first word must be typed as one of these.
  rule(
    `(?:sau|ra|het|qua|after)\\s+(?:the\\s+)?${BREAK}(?:${TET}|lunar new year)(?:\\s+(?:holidays?|break))?`,
    (_, o) => (/^(?:sau|ra|hết|het|qua|after)\s/i.test(o) ? one({ k: "tetEdge", edge: "after" }) : null),
  ),
  rule("(?:the\\s+)?lunar new year(?:'?s(?: day)?)?", () => one({ k: "holiday", name: "tet" })),
  rule(`(?:ngay\\s+)?(?:mung|mong)\\s+(\\d{1,2})\\s+${TET}`, (m) => lunar(Number(m[1]), { m: 1, rel: null })),
  // "28 Tết" is the 28th of the last lunar month; "30 Tết" its last day, even when that month has 29 days.
  rule(`(\\d{2})\\s+${TET}`, (m) => {
    const d = Number(m[1]);
    if (d === 30) return one({ k: "lunarEve" });
    return d >= 20 && d <= 29 ? lunar(d, { m: 12, rel: null }) : null;
  }),
  rule(`ram(?:\\s+thang\\s+${MONTH})?${LUNAR_MARK}?`, (m, o) =>
    // "RAM" in capitals is memory, not the full moon.
    /^RAM/.test(o) ? null : lunar(15, lunarMonth(m[1], o)),
  ),
  // A month named by a word other than these ("mồng 3 tháng ba") leaves the date to the solar rules.
  rule(`(?:ngay\\s+)?(?:mung|mong)\\s+(\\d{1,2})(?:\\s+thang\\s+${MONTH}|(?!\\s+thang))(${LUNAR_MARK})?`, (m, o) => {
    const numbered = m[2] !== undefined && /^\d/.test(m[2]);
    return numbered && !m[3] ? null : lunar(Number(m[1]), lunarMonth(m[2], o));
  }),
  rule(`(?:ngay\\s+)?(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*\\d{4})?${LUNAR_MARK}`, (m) =>
    lunar(Number(m[1]), lunarMonth(m[2], "")),
  ),
  rule(`(?:ngay\\s+)?(\\d{1,2})(${LUNAR_MARK})?\\s+thang\\s+${MONTH}(${LUNAR_MARK})?`, (m, o) => {
    const named = m[3] === "gieng" || m[3] === "chap";
    return named || m[2] || m[4] ? lunar(Number(m[1]), lunarMonth(m[3], o)) : null;
  }),
];
