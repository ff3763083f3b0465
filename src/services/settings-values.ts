/**
 * Reading the value of "cài đặt <mục> <giá trị>" / "settings <key> <value>" into a change. Pure: the settings
 * handler applies the result through the directory service.
 */
import type { Locale } from "../core/incoming.js";
import type { ChannelSettingsPatch, SettingChange, SettingKey } from "../core/setting-change.js";
import { readWeekday, readWeekdays } from "../language/index.js";
import { normalizeName } from "./member-names.js";

export type { SettingChange, SettingKey };

const EXAMPLES: Record<SettingKey, Record<Locale, string>> = {
  language: { vi: `"cài đặt ngôn ngữ en"`, en: `"settings language vi"` },
  timezone: { vi: `"cài đặt múi giờ Asia/Ho_Chi_Minh"`, en: `"settings timezone Asia/Bangkok"` },
  endofday: { vi: `"cài đặt giờ hết ngày 17:30"`, en: `"settings endofday 17:30"` },
  manager: { vi: `"cài đặt quản lý thêm @Lan"`, en: `"settings manager add @Lan"` },
  workdays: { vi: `"cài đặt ngày làm việc t2-t6"`, en: `"settings workdays mon-fri"` },
  summary: {
    vi: `"cài đặt báo cáo tuần 8:00 thứ 2" hoặc "cài đặt báo cáo tuần tắt"`,
    en: `"settings summary mon 8:00" or "settings summary off"`,
  },
  pings: {
    vi: `"cài đặt nhắc việc tắt" hoặc "cài đặt nhắc việc bật"`,
    en: `"settings pings off" or "settings pings on"`,
  },
  dayoff: {
    vi: `"ngày nghỉ 02/05/2026", "nghỉ 1/1 - 3/1/2027", "bỏ ngày nghỉ 02/05/2026" hoặc "làm bù 26/04/2026"`,
    en: `"day off 2026-05-02", "day off 2027-01-01 to 2027-01-03", "remove day off 2026-05-02" or "make-up day 2026-04-26"`,
  },
};

export function settingExample(key: SettingKey, locale: Locale): string {
  return EXAMPLES[key][locale];
}

const OFF = /^(off|tat|tắt|khong|no|disable|disabled)$/;
const ON = /^(on|bat|bật|co|yes|enable|enabled|mac dinh|default)$/;

/** "17:30", "17h30", "17h", "5pm" → minutes after midnight; null when not a time. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^(\d{1,2})(?:\s*[:hg]\s*(\d{2})?)?\s*(am|pm|sa|ch)?$/.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (match[3] === "pm" || match[3] === "ch") hours = hours === 12 ? 12 : hours + 12;
  if (match[3] === "am" || match[3] === "sa") hours = hours === 12 ? 0 : hours;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * "1,2,3,4,5" (what the parser gives: ISO weekdays) or any list of weekday names ("t2-t6", "thứ 2, thứ 3",
 * "mon-fri") → sorted ISO weekdays; null when not understood.
 */
export function parseWorkingDays(text: string): number[] | null {
  const value = normalizeName(text);
  if (/^[1-7](?:\s*,\s*[1-7])*$/.test(value)) return [...new Set(value.split(/\s*,\s*/).map(Number))].sort();
  return readWeekdays(value);
}

const DAY_VALUE = /^(-)?(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?(?:\s+(?:lam bu|working))?$/;

/** Whether "YYYY-MM-DD" is a real date. */
function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The parser's "2026-12-24", "-2026-12-24", "2027-01-01..2027-01-03", "2026-04-26 lam bu" → a change. */
function parseDayOff(value: string): SettingChange | null {
  const match = DAY_VALUE.exec(value.trim());
  const from = match?.[2];
  const to = match?.[3] ?? from;
  if (!match || !from || !to || !isRealDay(from) || !isRealDay(to) || to < from) return null;
  return { kind: "dayoff", from, to, isWorkingDay: /(lam bu|working)$/.test(value.trim()), remove: match[1] === "-" };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

function parseSummary(value: string): ChannelSettingsPatch | null {
  if (OFF.test(value)) return { summaryEnabled: false };
  if (ON.test(value)) return { summaryEnabled: true };
  const time = /(\d{1,2}(?:\s*[:h]\s*\d{0,2})?\s*(?:am|pm)?)(?!\S)/.exec(value.replace(/^(on|bat)\s+/, ""));
  const minutes = time ? parseTimeOfDay(time[1] as string) : null;
  if (minutes === null || !time) return null;
  const rest = value
    .replace(/^(on|bat)\s+/, "")
    .replace(time[0], " ")
    .trim();
  const weekday = rest === "" ? 1 : readWeekday(rest);
  if (weekday === null) return null;
  return { summaryEnabled: true, summaryCron: `${minutes % 60} ${Math.floor(minutes / 60)} * * ${weekday}` };
}

/** Pings on or off; finer policy (heads-up, escalation, morning time) is JSON in Channel.pingPolicy. */
function parsePings(value: string): ChannelSettingsPatch | null {
  if (OFF.test(value)) return { pingPolicy: { enabled: false } };
  if (ON.test(value)) return { pingPolicy: null };
  return null;
}

/** The change a setting asks for, or `invalid` with the right form. */
export function parseSettingValue(key: SettingKey, raw: string, locale: Locale): SettingChange {
  const value = normalizeName(raw);
  const invalid: SettingChange = { kind: "invalid", example: settingExample(key, locale) };
  const patch = (p: ChannelSettingsPatch | null): SettingChange => (p ? { kind: "patch", patch: p } : invalid);
  switch (key) {
    case "language":
      if (/^(vi|vn|tieng viet|viet|vietnamese)$/.test(value)) return patch({ locale: "vi" });
      if (/^(en|english|tieng anh|anh)$/.test(value)) return patch({ locale: "en" });
      return invalid;
    case "timezone":
      return patch(isValidTimeZone(raw.trim()) ? { timezone: raw.trim() } : null);
    case "endofday": {
      const minutes = parseTimeOfDay(value);
      return patch(minutes === null ? null : { endOfDayMinutes: minutes });
    }
    case "workdays": {
      const days = parseWorkingDays(value);
      return patch(days ? { workingDays: days } : null);
    }
    case "summary":
      return patch(parseSummary(value));
    case "pings":
      return patch(parsePings(value));
    case "manager":
      // The parser gives "+Lan" / "-Lan"; typed words ("bỏ", "remove") are accepted too.
      return {
        kind: "managers",
        mode:
          /^-|^(bo|xoa|remove|delete|go)\b/.test(raw.trim()) || /^(bo|xoa|remove|delete|go)\b/.test(value)
            ? "remove"
            : "add",
      };
    case "dayoff":
      return parseDayOff(raw) ?? invalid;
  }
}
