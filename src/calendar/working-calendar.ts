/**
 * A workspace's working calendar: working weekdays, Vietnamese public holidays with
 * their compensation days, and the days a workspace adds or swaps. All dates are
 * "YYYY-MM-DD" local dates so the calendar needs no time zone.
 */

import type { Locale } from "../locale.js";
import { type Holiday, vietnamHolidays, WORKSPACE_DAY_OFF } from "./holidays.js";
import { addDays, isoWeekday, parseIsoDate } from "./iso-date.js";

export interface WorkingCalendarOptions {
  /** ISO weekdays worked, 1 = Monday … 7 = Sunday. Default Monday–Friday. */
  workingDays?: number[];
  /** Extra days off ("YYYY-MM-DD"), e.g. a government-announced nghỉ bù or a company day. */
  extraDaysOff?: string[];
  /** Days worked although they would be off, e.g. a Saturday swapped for a bridge day. */
  extraWorkingDays?: string[];
}

export interface WorkingCalendar {
  isWorkingDay(isoDate: string): boolean;
  /** The public holiday (or its compensation day) on that date, in the locale; null if none. */
  holidayName(isoDate: string, locale: Locale): string | null;
  /** The date n working days after (n < 0: before) isoDate; isoDate itself is not counted. */
  addWorkingDays(isoDate: string, n: number): string;
  /** The first working day strictly after isoDate. */
  nextWorkingDay(isoDate: string): string;
  /** The last working day in [fromIso, toIso] inclusive, or null when there is none. */
  lastWorkingDayInRange(fromIso: string, toIso: string): string | null;
}

const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];
/** A guard against calendars with no working day at all (e.g. workingDays: []). */
const MAX_SCAN_DAYS = 3700;

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const workingDays = new Set(options.workingDays ?? DEFAULT_WORKING_DAYS);
  for (const d of workingDays) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError(`working day must be 1..7: ${d}`);
  }
  for (const iso of [...(options.extraDaysOff ?? []), ...(options.extraWorkingDays ?? [])]) parseIsoDate(iso);
  const extraOff = new Set(options.extraDaysOff ?? []);
  const extraWork = new Set(options.extraWorkingDays ?? []);
  const byYear = new Map<number, Map<string, Holiday>>();

  // Labour Code art. 112(3): a holiday on a weekly rest day is taken on the next working day.
  function holidaysOf(year: number): Map<string, Holiday> {
    let map = byYear.get(year);
    if (map) return map;
    map = new Map();
    const list = [...vietnamHolidays(year - 1), ...vietnamHolidays(year)];
    for (const h of list) map.set(h.date, h);
    for (const h of list) {
      if (workingDays.has(isoWeekday(h.date))) continue;
      let day = addDays(h.date, 1);
      for (let i = 0; i < 14 && (map.has(day) || !workingDays.has(isoWeekday(day))); i++) day = addDays(day, 1);
      map.set(day, { date: day, vi: `Nghỉ bù ${h.vi}`, en: `${h.en} (compensation day)` });
    }
    byYear.set(year, map);
    return map;
  }

  function holiday(iso: string): Holiday | undefined {
    return holidaysOf(parseIsoDate(iso)[0]).get(iso);
  }

  function isWorkingDay(iso: string): boolean {
    if (extraWork.has(iso)) return true;
    if (extraOff.has(iso)) return false;
    return workingDays.has(isoWeekday(iso)) && !holiday(iso);
  }

  function step(iso: string, dir: 1 | -1): string {
    let day = addDays(iso, dir);
    for (let i = 0; i < MAX_SCAN_DAYS && !isWorkingDay(day); i++) day = addDays(day, dir);
    return day;
  }

  return {
    isWorkingDay,
    holidayName(iso, locale) {
      const h = holiday(iso);
      if (h) return h[locale];
      return extraOff.has(iso) ? WORKSPACE_DAY_OFF[locale] : null;
    },
    addWorkingDays(iso, n) {
      let day = iso;
      for (let i = 0; i < Math.abs(n); i++) day = step(day, n < 0 ? -1 : 1);
      return day;
    },
    nextWorkingDay: (iso) => step(iso, 1),
    lastWorkingDayInRange(fromIso, toIso) {
      for (let day = toIso; day >= fromIso; day = addDays(day, -1)) {
        if (isWorkingDay(day)) return day;
      }
      return null;
    },
  };
}
