/**
 * When an occurrence is created: at the start of its period, so the work shows up in lists and pings when the
 * period it belongs to begins (the day for daily rules, Monday for weekly ones, the 1st for monthly ones, the
 * quarter's or year's first day, the lunar month's first day), or 3 working days before a deadline that falls early
 * in its period (a Monday-morning briefing is known the week before). A series may instead say "N working days
 * before". Never after the deadline itself.
 */
import { DateTime } from "luxon";
import rrule from "rrule";
import { addDays, isoWeekday, lunarMonthStart } from "../calendar/index.js";
import { solarRule } from "./expand.js";
import type { Occurrence, Recurrence, SeriesCalendar } from "./types.js";

const { Frequency } = rrule;

export type PeriodGrain = "day" | "week" | "month" | "quarter" | "year" | "lunar_month";

/** The working days a deadline early in its period is created ahead of it. */
export const EARLY_LEAD_WORKING_DAYS = 3;
/** Minutes after midnight a period's occurrences are created at (08:00, the start of an office day). */
const CREATE_AT_MINUTES = 8 * 60;

/** The period a rule's occurrences belong to, one occurrence (or a few) per period. */
export function periodGrain(rule: Recurrence): PeriodGrain {
  if (rule.kind === "lunar") return "lunar_month";
  const options = solarRule(rule).origOptions;
  const interval = options.interval ?? 1;
  const months = ([] as number[]).concat(options.bymonth ?? []);
  switch (options.freq) {
    case Frequency.DAILY:
      return "day";
    case Frequency.WEEKLY:
      return "week";
    case Frequency.MONTHLY:
      return interval % 12 === 0 ? "year" : interval % 3 === 0 || months.length === 4 ? "quarter" : "month";
    case Frequency.YEARLY:
      return months.length >= 4 ? "quarter" : months.length > 1 ? "month" : "year";
    default:
      return "day";
  }
}

/** The first local day of the period holding `key`. */
export function periodStart(key: string, grain: PeriodGrain): string {
  const [year, month] = key.split("-").map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (grain) {
    case "day":
      return key;
    case "week":
      return addDays(key, 1 - isoWeekday(key));
    case "month":
      return `${year}-${pad(month)}-01`;
    case "quarter":
      return `${year}-${pad(month - ((month - 1) % 3))}-01`;
    case "year":
      return `${year}-01-01`;
    case "lunar_month":
      return lunarMonthStart(key);
  }
}

function at(day: string, minutes: number, timezone: string): Date {
  return DateTime.fromISO(day, { zone: timezone })
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    .toJSDate();
}

/** The instant an occurrence is due to be created. */
export function creationTime(occurrence: Occurrence, rule: Recurrence, where: SeriesCalendar): Date {
  const { calendar, timezone } = where;
  const ahead = (n: number) => at(calendar.addWorkingDays(occurrence.day, -n), CREATE_AT_MINUTES, timezone);
  let created: Date;
  if (rule.leadWorkingDays !== null) {
    created = ahead(rule.leadWorkingDays);
  } else {
    const grain = periodGrain(rule);
    const start = periodStart(occurrence.key, grain);
    if (grain === "day") {
      created = at(start, 0, timezone);
    } else {
      const early = occurrence.day < calendar.addWorkingDays(addDays(start, -1), EARLY_LEAD_WORKING_DAYS + 1);
      created = early ? ahead(EARLY_LEAD_WORKING_DAYS) : at(start, CREATE_AT_MINUTES, timezone);
    }
  }
  return created.getTime() < occurrence.deadline.getTime() ? created : occurrence.deadline;
}
