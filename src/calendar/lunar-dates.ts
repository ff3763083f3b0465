/**
 * Lunar dates and Tết as deadlines name them, on "YYYY-MM-DD" local dates: "rằm" (the 15th), "mùng 1 tháng sau",
 * "15/8 âm lịch", and the Tết break ("trước Tết", "sau Tết"). Always the next such day from today, today included.
 */
import { addDays, isoToJulian, julianToIso, parseIsoDate, toIsoDate } from "./iso-date.js";
import { lunarToSolar, solarToLunar } from "./lunar.js";
import type { WorkingCalendar } from "./working-calendar.js";

function isoOf([d, m, y]: [number, number, number]): string {
  return toIsoDate(y, m, d);
}

/** The lunar date of an ISO date. */
export function lunarDateOf(iso: string) {
  const [y, m, d] = parseIsoDate(iso);
  return solarToLunar(d, m, y);
}

/** The first day of the lunar month holding `iso`, moved by `offset` whole lunar months. */
export function lunarMonthStart(iso: string, offset = 0): string {
  let start = isoToJulian(iso) - lunarDateOf(iso).day + 1;
  // Lunar months last 29 or 30 days, so 30 days after a month's first day is inside the next month.
  for (let i = 0; i < offset; i++)
    start = isoToJulian(julianToIso(start + 30)) - lunarDateOf(julianToIso(start + 30)).day + 1;
  return julianToIso(start);
}

/** Day `day` of the lunar month that starts on `monthStart`; null when that month is shorter (a 30th in 29 days). */
function dayOfMonth(monthStart: string, day: number): string | null {
  const iso = addDays(monthStart, day - 1);
  return lunarDateOf(iso).day === day ? iso : null;
}

/**
 * The next day (today included) that is lunar `day` of lunar `month`, or of any month when `month` is null.
 * With `monthOffset` the month is this lunar month (0) or the next ones (1, 2, …) instead, even if the day is past.
 * Null when no such day exists (a 30th in a month of 29 days).
 */
export function nextLunarDay(todayIso: string, day: number, month: number | null, monthOffset?: number): string | null {
  if (monthOffset !== undefined) return dayOfMonth(lunarMonthStart(todayIso, monthOffset), day);
  if (month === null) {
    for (let offset = 0; offset < 3; offset++) {
      const iso = dayOfMonth(lunarMonthStart(todayIso, offset), day);
      if (iso !== null && iso >= todayIso) return iso;
    }
    return null;
  }
  const year = lunarDateOf(todayIso).year;
  for (const y of [year, year + 1]) {
    const solar = lunarToSolar(day, month, y);
    if (!solar) continue;
    const iso = isoOf(solar);
    if (lunarDateOf(iso).day === day && iso >= todayIso) return iso;
  }
  return null;
}

/** The last day of the lunar year that ends before the Tết of lunar year `year` ("30 Tết", or the 29th). */
export function lunarNewYearsEve(year: number): string {
  return addDays(isoOf(lunarToSolar(1, 1, year) as [number, number, number]), -1);
}

export interface TetBreak {
  /** First day off of the break around Tết (the days off the calendar has on either side of mùng 1). */
  firstDayOff: string;
  lastDayOff: string;
}

/** The run of days off around the Tết of lunar year `year` in a working calendar (weekends and nghỉ bù included). */
export function tetBreak(year: number, calendar: WorkingCalendar): TetBreak {
  const tet = isoOf(lunarToSolar(1, 1, year) as [number, number, number]);
  let first = tet;
  let last = tet;
  for (let i = 0; i < 30 && !calendar.isWorkingDay(addDays(first, -1)); i++) first = addDays(first, -1);
  for (let i = 0; i < 30 && !calendar.isWorkingDay(addDays(last, 1)); i++) last = addDays(last, 1);
  return { firstDayOff: first, lastDayOff: last };
}

/**
 * "trước Tết": the last working day before the next Tết break that has not started; "sau Tết": the first working
 * day after the next break that has not ended.
 */
export function tetDeadline(todayIso: string, edge: "before" | "after", calendar: WorkingCalendar): string {
  const year = lunarDateOf(todayIso).year;
  for (const y of [year, year + 1, year + 2]) {
    const { firstDayOff, lastDayOff } = tetBreak(y, calendar);
    if (edge === "before" && todayIso < firstDayOff) return addDays(firstDayOff, -1);
    if (edge === "after" && todayIso <= lastDayOff) return addDays(lastDayOff, 1);
  }
  return todayIso;
}
