/**
 * Channel settings in words: "cài đặt ngôn ngữ en", "giờ kết thúc 17:30", "thêm quản lý @Lan", "settings timezone
 * Asia/Bangkok", "ngày làm việc thứ 2 – thứ 7", "nghỉ 1/1 - 3/1/2027", "bỏ ngày nghỉ 24/12", "làm bù 26/4/2026".
 * Values come back normalised ("17:30", "+Lan", "1,2,3,4,5"); a declared day is "2026-12-24", a span of days
 * "2027-01-01..2027-01-03", with a leading "-" when it is taken back and " lam bu" when it is a make-up working day.
 */
import { IANAZone } from "luxon";
import { parseDue } from "./parse-due.js";
import type { ParseContext, SettingKey } from "./types.js";
import { readWeekdays } from "./weekdays.js";

export type SettingsResult = { key: SettingKey; value: string | null } | { error: "bad_setting"; fragment: string };

/** Words that take a declared day or a manager back ("bỏ ngày nghỉ 24/12", "remove manager @Lan"). */
const REMOVE = "bo|xoa|go|huy|remove|delete|drop";
const MAKE_UP_DAY = "ngay lam bu|di lam bu|lam bu|make-?up (?:work(?:ing)? )?days?|extra work(?:ing)? days?";
const DAY_OFF = "ngay nghi|nghi bu|nghi le|days? off|dayoff|holidays?";

const KEYS: [RegExp, SettingKey][] = [
  [/^(?:ngon ngu|language|lang)\b/, "language"],
  [/^(?:mui gio|timezone|time zone|tz)\b/, "timezone"],
  [/^(?:gio ket thuc|gio tan lam|het gio|ket thuc ngay|end of day|eod|end-of-day)\b/, "endofday"],
  [new RegExp(`^(?:(?:them|${REMOVE}|add) )?(?:quan ly|manager)s?\\b`), "manager"],
  [new RegExp(`^(?:(?:${REMOVE}) )?(?:${MAKE_UP_DAY})\\b`), "dayoff"],
  [/^(?:ngay lam viec|lam viec|workdays|working days|work days)\b/, "workdays"],
  [/^(?:tong ket tuan|tong ket|bao cao tuan|weekly summary|summary)\b/, "summary"],
  [/^(?:nhac viec|nhac|pings?|reminders?)\b/, "pings"],
  [new RegExp(`^(?:(?:${REMOVE}) )?(?:${DAY_OFF}|nghi)\\b`), "dayoff"],
];

/**
 * Settings phrases that need no "cài đặt" before them: "giờ kết thúc 17:30", "thêm quản lý @Lan", "ngày nghỉ 24/12",
 * "bỏ ngày nghỉ 24/12", "nghỉ 1/1 - 3/1/2027", "làm bù 26/4", "nhắc việc tắt", "báo cáo tuần bật". A bare "nghỉ" or "làm bù" counts only before a date,
 * so a task such as "làm bù bài tập cho Lan" stays a task.
 */
export const SETTINGS_PHRASE = new RegExp(
  "^(?:ngon ngu|language|mui gio|timezone|time zone|gio ket thuc|gio tan lam|end of day" +
    // "nhắc việc tắt", "báo cáo tuần bật": a switch alone, not a reminder or a report asked for now
    "|(?:nhac viec|bao cao tuan|tong ket tuan|pings?|reminders?|weekly summary|summary)(?= (?:bat|tat|mo|on|off)$)" +
    "|(?:make-?up|extra) (?:work(?:ing)? )?days?(?= \\d)" +
    `|(?:them|${REMOVE}|add) (?:quan ly|manager)|ngay lam viec|workdays|working days` +
    `|(?:(?:${REMOVE}) )?(?:${DAY_OFF}|ngay lam bu|(?:lam bu|nghi)(?= \\d))` +
    `|(?:${REMOVE}) (?:lam bu|nghi)(?= \\d))(?![a-z])`,
);

/** The longest span of declared days one command may write ("nghỉ Tết" is about nine days). */
const MAX_DAYS_IN_SPAN = 62;

function readClock(v: string): string | null {
  const m = /^(\d{1,2})(?:\s*(?::|h|g|gio)\s*(\d{2})?)?$/.exec(v);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2] ?? 0)];
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}` : null;
}

function isoDay(d: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    d,
  );
}

/**
 * The day or span of days of "cài đặt ngày nghỉ …": what the deadline parser reads as one day or a range of days
 * ("24/12", "thứ 6 tuần sau", "1/1 - 3/1/2027", "từ 30/12 đến 2/1"), plus "1-3/1/2027" (days of one month).
 */
function readDays(orig: string, ctx: ParseContext): { from: string; to: string } | null {
  const text = orig.replace(/^(\d{1,2})\s*[-–]\s*(\d{1,2})(\/\d{1,2}(?:\/\d{4})?)$/, "$1$3 - $2$3");
  const due = parseDue(text, ctx);
  if (due?.grain !== "day") return null;
  const from = isoDay(due.start, ctx.timezone);
  const to = isoDay(due.deadline, ctx.timezone);
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return days >= 1 && days <= MAX_DAYS_IN_SPAN ? { from, to } : null;
}

/** "24/12 làm bù", "bỏ 24/12", "remove 2026-12-24" → the normalised value (see the header). */
function dayOffValue(keyWords: string, v: string, orig: string, ctx: ParseContext): string | null {
  const remove = new RegExp(`^(?:${REMOVE})\\b`).test(keyWords) || new RegExp(`^(?:${REMOVE})\\b|^-`).test(v);
  const working =
    new RegExp(`(?:${MAKE_UP_DAY})`).test(keyWords) || /\b(?:lam bu|di lam|working|workday|work day)\b/.test(v);
  // The words around the date ("bỏ", "làm bù", "working") are not part of it.
  const dateText = orig
    .replace(/^\s*(?:-|bỏ|bo|xóa|xoá|xoa|gỡ|go|hủy|huỷ|huy|remove|delete|drop)(?=\s|\d|$)\s*/iu, "")
    .replace(/\s*\(?(?:làm bù|lam bu|đi làm|di lam|working(?: day)?|workday|work day)\)?\s*$/iu, "")
    .trim();
  const days = readDays(dateText, ctx);
  if (!days) return null;
  const span = days.to === days.from ? days.from : `${days.from}..${days.to}`;
  return `${remove ? "-" : ""}${span}${working ? " lam bu" : ""}`;
}

function settingValue(
  key: SettingKey,
  keyWords: string,
  v: string,
  orig: string,
  mention: string | null,
  ctx: ParseContext,
): string | null {
  switch (key) {
    case "language":
      return /^(?:vi|tieng viet|vietnamese|viet)$/.test(v)
        ? "vi"
        : /^(?:en|english|tieng anh|anh)$/.test(v)
          ? "en"
          : null;
    case "timezone":
      return IANAZone.isValidZone(orig) ? orig : null;
    case "endofday":
      return readClock(v);
    case "manager": {
      const sign = new RegExp(`^(?:${REMOVE})\\b`).test(keyWords) || new RegExp(`^(?:${REMOVE})\\b|^-`).test(v);
      return mention ? `${sign ? "-" : "+"}${mention}` : null;
    }
    case "workdays":
      return readWeekdays(v)?.join(",") ?? null;
    case "summary":
    case "pings":
      if (/^(?:on|bat|mo)$/.test(v)) return "on";
      if (/^(?:off|tat|tat di)$/.test(v)) return "off";
      return key === "summary" && v ? v : null;
    case "dayoff":
      return dayOffValue(keyWords, v, orig, ctx);
    default:
      return null;
  }
}

/** Reads the words after "cài đặt"/"settings" (or a settings phrase itself). */
export function parseSettings(
  orig: string,
  folded: string,
  mentions: string[],
  ctx: ParseContext,
): SettingsResult | null {
  const f = folded.trim();
  if (!f || /^(?:xem|show|hien thi|list)$/.test(f)) return { key: "show", value: null };
  for (const [re, key] of KEYS) {
    const m = re.exec(f);
    if (!m) continue;
    const restStart = folded.indexOf(f) + m[0].length;
    const rawValue = orig
      .slice(restStart)
      .replace(/^[\s:=]+/, "")
      .trim();
    const v = folded
      .slice(restStart)
      .replace(/^[\s:=]+/, "")
      .trim();
    const value = settingValue(key, m[0], v, rawValue, mentions[0] ?? null, ctx);
    // Days and weekdays not understood go on as typed: the settings handler answers with the form of that setting.
    if (value === null && rawValue && (key === "dayoff" || key === "workdays")) return { key, value: rawValue };
    return value === null ? { error: "bad_setting", fragment: rawValue || orig.trim() } : { key, value };
  }
  return null;
}
