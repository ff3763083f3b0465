/**
 * Channel settings in words: "cài đặt ngôn ngữ en", "giờ kết thúc 17:30",
 * "thêm quản lý @Lan", "settings timezone Asia/Bangkok", "day off 24/12".
 * Values come back normalised ("17:30", "+Lan", "1,2,3,4,5", "2026-12-24").
 */
import { IANAZone } from "luxon";
import { parseDue } from "./parse-due.js";
import type { ParseContext, SettingKey } from "./types.js";

export type SettingsResult = { key: SettingKey; value: string | null } | { error: "bad_setting"; fragment: string };

const KEYS: [RegExp, SettingKey][] = [
  [/^(?:ngon ngu|language|lang)\b/, "language"],
  [/^(?:mui gio|timezone|time zone|tz)\b/, "timezone"],
  [/^(?:gio ket thuc|gio tan lam|het gio|ket thuc ngay|end of day|eod|end-of-day)\b/, "endofday"],
  [/^(?:(?:them|bo|xoa|add|remove) )?(?:quan ly|manager)s?\b/, "manager"],
  [/^(?:ngay lam viec|lam viec|workdays|working days|work days)\b/, "workdays"],
  [/^(?:tong ket|bao cao tuan|summary|weekly summary)\b/, "summary"],
  [/^(?:nhac viec|nhac|pings?|reminders?)\b/, "pings"],
  [/^(?:ngay nghi|nghi bu|nghi|day off|dayoff|holiday)\b/, "dayoff"],
];

const WEEKDAY_TOKENS: Record<string, number> = {
  t2: 1,
  t3: 2,
  t4: 3,
  t5: 4,
  t6: 5,
  t7: 6,
  cn: 7,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 7,
};

/** "t2-t6", "mon-fri", "1-6", "mon,wed,fri" → "1,2,3,4,5". */
function readWorkdays(v: string): string | null {
  const days = new Set<number>();
  for (const part of v.split(/[,\s]+/).filter(Boolean)) {
    const [a, b] = part.split("-").map((x) => WEEKDAY_TOKENS[x.replace(/^thu\s*/, "t").slice(0, 3)]);
    if (!a || (part.includes("-") && !b)) return null;
    for (let d = a; d <= (b ?? a); d++) days.add(d);
  }
  return days.size ? [...days].sort().join(",") : null;
}

function readClock(v: string): string | null {
  const m = /^(\d{1,2})(?:\s*(?::|h|g|gio)\s*(\d{2})?)?$/.exec(v);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2] ?? 0)];
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}` : null;
}

function settingValue(
  key: SettingKey,
  v: string,
  orig: string,
  mention: string | null,
  sign: string,
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
    case "manager":
      return mention ? `${sign}${mention}` : null;
    case "workdays":
      return readWorkdays(v);
    case "summary":
    case "pings":
      if (/^(?:on|bat|mo)$/.test(v)) return "on";
      if (/^(?:off|tat|tat di)$/.test(v)) return "off";
      return key === "summary" && v ? v : null;
    case "dayoff": {
      const due = parseDue(orig, ctx);
      return due && due.grain === "day" ? isoDay(due.start, ctx.timezone) : null;
    }
    default:
      return null;
  }
}

function isoDay(d: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    d,
  );
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
    const sign = /^(?:bo|xoa|remove)\b/.test(f) || /^-/.test(v) ? "-" : "+";
    const value = settingValue(key, v, rawValue, mentions[0] ?? null, sign, ctx);
    return value === null ? { error: "bad_setting", fragment: rawValue || orig.trim() } : { key, value };
  }
  return null;
}
