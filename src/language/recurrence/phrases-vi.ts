/**
 * Recurring phrases in Vietnamese, on folded text (no diacritics, lower case: "hằng"/"hàng" are both "hang"). Each
 * names how often ("hằng tuần", "mỗi tháng", "2 tuần một lần") and, when it says them, the days ("thứ 2 và thứ 5",
 * "ngày 25", "mùng 1 và rằm", "ngày 10 tháng đầu quý"). A period word without "hằng"/"mỗi" ("báo cáo tháng",
 * "cuối tháng") is not a rhythm: it stays a deadline or a title as before.
 */
import {
  B,
  countOf,
  E,
  numbersOf,
  type PhraseRule,
  QUARTER_FIRST,
  type RecurrenceDraft,
  VI_POD,
  valid,
  WDLIST,
  weekdaysOf,
} from "./draft.js";

const EVERY = "(?:hang|moi|cac)";
const POD = "(?:(?:buoi\\s+)?(sang|trua|chieu|toi)\\s+)?";
const DAYS = "(\\d{1,2}(?:\\s*(?:,|va|&)\\s*\\d{1,2})*)";
const LUNAR_DAY = "(?:(?:mung|mong)\\s+\\d{1,2}|ram|\\d{1,2})";
const LUNAR_DAYS = `((?:mung|mong|ram)(?:\\s+\\d{1,2})?(?:\\s*(?:,|va|&)\\s*${LUNAR_DAY})*)`;
const AM = "(?:\\s+(?:am lich|am|al))?";

function rx(source: string): RegExp {
  return new RegExp(`${B}${source}${E}`, "g");
}

function pod(word: string | undefined): number | undefined {
  return word ? VI_POD[word] : undefined;
}

function lunarDaysOf(text: string): number[] {
  return [...text.matchAll(/ram|\d{1,2}/g)].map((m) => (m[0] === "ram" ? 15 : Number(m[0])));
}

const QUARTER_MONTH: Record<string, number> = {
  dau: 0,
  "thu nhat": 0,
  "1": 0,
  giua: 1,
  "thu hai": 1,
  "2": 1,
  cuoi: 2,
  "thu ba": 2,
  "3": 2,
};

function weekly(days: string | undefined, podWord: string | undefined, interval = 1): RecurrenceDraft | null {
  const weekdays = weekdaysOf(days);
  if (days && !weekdays) return null;
  return valid({ freq: "weekly", interval, weekdays, podMinutes: pod(podWord) });
}

/** Longer and more specific phrases first: the first rule that matches at the earliest place wins. */
export const VI_PHRASES: PhraseRule[] = [
  {
    re: rx(
      `(?:vao\\s+)?(?:${EVERY}|tat ca cac)\\s+ngay lam viec(?:\\s+trong tuan)?|(?:tu\\s+)?thu\\s*(?:2|hai)\\s*(?:den|toi|-)\\s*thu\\s*(?:6|sau)\\s+hang tuan|(?:cac|moi)\\s+ngay trong tuan|ngay lam viec nao cung`,
    ),
    build: () => ({ freq: "daily", workingDaysOnly: true }),
  },
  {
    re: rx(
      `(?:vao\\s+)?ngay lam viec cuoi(?:\\s+cung)?(?:\\s+cua)?(?:\\s+(?:moi|hang)\\s+thang|\\s+thang\\s+hang thang|\\s+hang thang)|hang thang(?:\\s+vao)?\\s+ngay lam viec cuoi(?:\\s+cung)?(?:\\s+cua thang)?`,
    ),
    build: () => ({ freq: "monthly", monthDays: [-1] }),
  },
  {
    re: rx(
      `(?:vao\\s+)?(?:ngay\\s+)?cuoi(?:\\s+cung)?\\s+(?:moi|hang)\\s+thang|(?:vao\\s+)?(?:ngay\\s+)?cuoi(?:\\s+cung)?(?:\\s+cua)?\\s+thang\\s+hang thang|hang thang(?:\\s+vao)?\\s+(?:ngay\\s+)?cuoi(?:\\s+cung)?\\s+thang`,
    ),
    build: () => ({ freq: "monthly", monthDays: [-1] }),
  },
  {
    re: rx(`(?:vao\\s+)?(?:ngay\\s+)?cuoi\\s+(?:moi|hang)\\s+quy|(?:vao\\s+)?(?:ngay\\s+)?cuoi quy\\s+hang quy`),
    build: () => ({ freq: "quarterly", months: [3, 6, 9, 12], monthDays: [-1] }),
  },
  {
    re: rx(
      `(?:truoc\\s+|han\\s+)?ngay\\s+(\\d{1,2})(?:\\s+(?:cua|trong))?\\s+thang\\s+(dau|giua|cuoi|thu nhat|thu hai|thu ba|[123])(?:\\s+(?:cua|trong))?(?:\\s+(?:moi|hang|cac))?\\s+quy(?:\\s+hang quy)?`,
    ),
    build: (m) => {
      const offset = QUARTER_MONTH[m[2] ?? ""] ?? 0;
      return valid({ freq: "quarterly", months: QUARTER_FIRST.map((q) => q + offset), monthDays: [Number(m[1])] });
    },
  },
  {
    re: rx(`(?:vao\\s+)?(?:ngay\\s+)?${LUNAR_DAYS}${AM}(?:\\s+(?:cua\\s+)?(?:moi|hang)\\s+thang)${AM}`),
    build: (m) => valid({ freq: "lunar", lunarDays: lunarDaysOf(m[1] ?? "") }),
  },
  {
    re: rx(`(?:vao\\s+)?ngay\\s+${DAYS}\\s+(?:am lich|am|al)(?:\\s+(?:cua\\s+)?(?:moi|hang)\\s+thang)`),
    build: (m) => valid({ freq: "lunar", lunarDays: numbersOf(m[1]) }),
  },
  {
    re: rx(`(?:moi|hang)\\s+thang(?:\\s+am lich)?(?:\\s+vao)?(?:\\s+ngay)?\\s+${LUNAR_DAYS}${AM}|moi\\s+${LUNAR_DAYS}`),
    build: (m) => valid({ freq: "lunar", lunarDays: lunarDaysOf(m[1] ?? m[2] ?? "") }),
  },
  {
    re: rx(
      `${POD}(${WDLIST})\\s+(dau tien|dau|thu hai|cuoi cung|cuoi)(?:\\s+cua)?(?:\\s+thang)?\\s+(?:cua\\s+)?(?:moi|hang)\\s+thang`,
    ),
    build: (m) =>
      valid({
        freq: "monthly",
        weekdays: weekdaysOf(m[2]),
        nth: m[3]?.startsWith("cuoi") ? -1 : m[3] === "thu hai" ? 2 : 1,
        podMinutes: pod(m[1]),
      }),
  },
  {
    re: rx(`(?:vao\\s+)?(?:truoc\\s+|han\\s+)?ngay\\s+${DAYS}(?:\\s+(?:cua|trong))?\\s+(?:moi|hang)\\s+thang`),
    build: (m) => valid({ freq: "monthly", monthDays: numbersOf(m[1]) }),
  },
  {
    re: rx(`(?:moi|hang)\\s+thang,?(?:\\s+vao)?(?:\\s+(?:truoc|han))?\\s+ngay\\s+${DAYS}|${DAYS}\\s+hang thang`),
    build: (m) => valid({ freq: "monthly", monthDays: numbersOf(m[1] ?? m[2]) }),
  },
  {
    re: rx(
      `(?:vao\\s+)?(?:ngay\\s+)?(\\d{1,2})\\s*\\/\\s*(\\d{1,2})\\s+(?:hang|moi)\\s+nam|(?:hang|moi)\\s+nam(?:\\s+vao)?(?:\\s+ngay)?\\s+(\\d{1,2})\\s*\\/\\s*(\\d{1,2})`,
    ),
    build: (m) => valid({ freq: "yearly", months: [Number(m[2] ?? m[4])], monthDays: [Number(m[1] ?? m[3])] }),
  },
  {
    re: rx(
      `(?:(?:vao\\s+)?${POD}(${WDLIST}),?\\s+)?(?:(\\d|hai|ba|bon)\\s+tuan\\s+(?:mot|1)\\s+lan|cach\\s+(?:1\\s+)?tuan(?:\\s+mot lan)?|moi\\s+(\\d)\\s+tuan)(?:,?\\s+(?:vao\\s+)?${POD}(${WDLIST}))?`,
    ),
    build: (m) => weekly(m[2] ?? m[6], m[1] ?? m[5], m[3] ? countOf(m[3], 2) : m[4] ? countOf(m[4], 2) : 2),
  },
  {
    re: rx(`(?:vao\\s+)?(?:cac\\s+|moi\\s+)?${POD}(${WDLIST})\\s+(?:hang|moi)\\s+tuan`),
    build: (m) => weekly(m[2], m[1]),
  },
  {
    re: rx(`(?:hang|moi)\\s+tuan,?(?:\\s+vao)?(?:\\s+cac)?\\s+${POD}(${WDLIST})`),
    build: (m) => weekly(m[2], m[1]),
  },
  {
    re: rx(`(?:moi|cac)\\s+${POD}(${WDLIST})`),
    build: (m) => weekly(m[2], m[1]),
  },
  { re: rx(`(?:hang|moi)\\s+tuan|tuan nao cung`), build: () => ({ freq: "weekly" }) },
  {
    re: rx(`(?:hang|moi)\\s+quy|quy nao cung`),
    build: () => ({ freq: "quarterly" }),
  },
  { re: rx(`(?:hang|moi)\\s+thang|thang nao cung`), build: () => ({ freq: "monthly" }) },
  { re: rx(`(?:hang|moi)\\s+nam|nam nao cung`), build: () => ({ freq: "yearly" }) },
  {
    re: rx(`(?:vao\\s+)?${POD}(?:hang|moi)\\s+ngay|ngay nao cung|moi\\s+(?:buoi\\s+)?(sang|trua|chieu|toi)`),
    build: (m) => ({ freq: "daily", podMinutes: pod(m[1] ?? m[2]) }),
  },
];
