import type { Locale } from "../core/incoming.js";
import type { ChannelSettingsPatch } from "./directory-service.js";
import { normalizeName } from "./member-names.js";

/**
 * Reading the value of "cài đặt <mục> <giá trị>" / "settings <key> <value>" into a change. Pure: the settings
 * handler applies the result through the directory service.
 */
export type SettingKey = "language" | "timezone" | "endofday" | "manager" | "workdays" | "summary" | "pings" | "dayoff";

export type SettingChange =
  | { kind: "patch"; patch: ChannelSettingsPatch }
  | { kind: "managers"; mode: "add" | "remove" }
  | { kind: "dayoff"; day: string; isWorkingDay: boolean; note?: string }
  | { kind: "invalid"; example: string };

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
    vi: `"cài đặt nhắc việc tắt" hoặc "cài đặt nhắc việc giờ yên lặng 21:00-07:00"`,
    en: `"settings pings off" or "settings pings quiet 21:00-07:00"`,
  },
  dayoff: {
    vi: `"cài đặt ngày nghỉ 02/05/2026" hoặc "cài đặt ngày nghỉ 26/04/2026 làm bù"`,
    en: `"settings dayoff 2026-05-02" or "settings dayoff 2026-04-26 working"`,
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

const EN_DAY: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** "t2", "thu 2", "thứ hai", "cn", "mon", "1" (ISO) → ISO weekday. Vietnamese "thứ N" is weekday N − 1. */
function parseWeekday(token: string): number | null {
  const word = token.trim();
  if (/^(cn|chu nhat)$/.test(word)) return 7;
  const vi = /^(?:t|thu)\s*([2-7])$/.exec(word);
  if (vi) return Number(vi[1]) - 1;
  const viWords: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };
  const viWord = /^thu (hai|ba|tu|nam|sau|bay)$/.exec(word);
  if (viWord) return viWords[viWord[1] as string] ?? null;
  const en = EN_DAY[word.slice(0, 3)];
  if (en && /^[a-z]+$/.test(word)) return en;
  if (/^[1-7]$/.test(word)) return Number(word);
  return null;
}

/** "t2-t6", "mon-fri", "1-5", "t2,t3,t4,t5,t6,t7" → sorted ISO weekdays; null when not understood. */
export function parseWorkingDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(/\s*,\s*|\s+(?=t\d|thu \d|cn)/)) {
    const range = part.split(/\s*(?:-|–|đến|den|to)\s*/);
    const from = parseWeekday(range[0] ?? "");
    const to = range.length > 1 ? parseWeekday(range[1] ?? "") : from;
    if (from === null || to === null || range.length > 2 || to < from) return null;
    for (let day = from; day <= to; day++) days.add(day);
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : null;
}

/** "30/04/2026", "30/4/2026", "2026-04-30" → "2026-04-30". */
function parseDay(text: string): string | null {
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  const vn = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!year || !month || !day) return null;
  const value = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : value;
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
  const weekday = rest === "" ? 1 : parseWeekday(rest);
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
    case "dayoff": {
      const day = parseDay(raw);
      if (!day) return invalid;
      return { kind: "dayoff", day, isWorkingDay: /(lam bu|working|workday|di lam)/.test(value) };
    }
  }
}
