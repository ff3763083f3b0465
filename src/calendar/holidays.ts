/**
 * Vietnam's public holidays (Labour Code 2019, art. 112), computed per Gregorian year.
 *
 * Decisions, since the law leaves some to the government's yearly announcement:
 * - Tết Nguyên đán: 5 days, the last day of the old lunar year (29 or 30 tháng Chạp)
 *   through mùng 4 of the new year. The law gives 5 days and the government usually
 *   picks 1 day before + 4 after or 2 + 3; we take the former, the common choice.
 * - Quốc khánh: 2/9 plus one adjacent day. We take 3/9 when 2/9 is a Monday (1/9 is a
 *   Sunday) or a Thursday (3/9 then bridges to the weekend), otherwise 1/9 — which is
 *   what the announcements for 2021–2025 did.
 * - Holidays on weekly rest days are compensated (nghỉ bù) by the working calendar,
 *   not here, because it depends on the workspace's working days.
 */
import { addDays, isoWeekday, toIsoDate } from "./iso-date.js";
import { lunarToSolar, tetDate } from "./lunar.js";

export interface Holiday {
  date: string;
  vi: string;
  en: string;
}

/** The name of a day a workspace declared off itself ("nghỉ 1/1 - 3/1/2027"), beside the public holidays' names. */
export const WORKSPACE_DAY_OFF: Readonly<Pick<Holiday, "vi" | "en">> = {
  vi: "Ngày nghỉ của đơn vị",
  en: "Workspace day off",
};

function tetDays(year: number): Holiday[] {
  const [d, m, y] = tetDate(year);
  const first = toIsoDate(y, m, d);
  const out: Holiday[] = [{ date: addDays(first, -1), vi: "Tết Nguyên đán (30 Tết)", en: "Lunar New Year's Eve" }];
  for (let i = 0; i < 4; i++) {
    out.push({ date: addDays(first, i), vi: `Tết Nguyên đán (mùng ${i + 1})`, en: `Lunar New Year (day ${i + 1})` });
  }
  return out;
}

function hungKingsDay(year: number): Holiday {
  const [d, m, y] = lunarToSolar(10, 3, year) as [number, number, number];
  return { date: toIsoDate(y, m, d), vi: "Giỗ Tổ Hùng Vương", en: "Hung Kings' Commemoration Day" };
}

function nationalDays(year: number): Holiday[] {
  const national = toIsoDate(year, 9, 2);
  const wd = isoWeekday(national);
  const extra = wd === 1 || wd === 4 ? addDays(national, 1) : addDays(national, -1);
  return [
    { date: national, vi: "Quốc khánh", en: "National Day" },
    { date: extra, vi: "Quốc khánh (ngày liền kề)", en: "National Day (adjacent day)" },
  ];
}

const cache = new Map<number, Holiday[]>();

/** Public holidays whose date falls in a Gregorian year (Tết's eve may fall in the previous one). */
export function vietnamHolidays(year: number): Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const all = [
    { date: toIsoDate(year, 1, 1), vi: "Tết Dương lịch", en: "New Year's Day" },
    ...tetDays(year),
    ...tetDays(year + 1),
    hungKingsDay(year),
    { date: toIsoDate(year, 4, 30), vi: "Ngày Giải phóng miền Nam", en: "Reunification Day" },
    { date: toIsoDate(year, 5, 1), vi: "Quốc tế Lao động", en: "International Labour Day" },
    ...nationalDays(year),
  ];
  const prefix = `${String(year).padStart(4, "0")}-`;
  const list = all.filter((h) => h.date.startsWith(prefix)).sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}
