/**
 * The occurrences of a rule, as local days placed in the channel's zone and working calendar. Solar rules are
 * expanded by `rrule` on "floating" dates (UTC midnight standing for a local day, so no zone arithmetic happens inside
 * the library); lunar rules walk the lunar months of src/calendar, leap months included. A day that is not a working
 * day moves as the rule says (to the working day before, after, or out), and the Tết break can be left out.
 */
import { DateTime } from "luxon";
import rrule from "rrule";
import { addDays, lunarDateOf, lunarMonthStart, tetBreak, type WorkingCalendar } from "../calendar/index.js";
import type { Occurrence, Recurrence, SeriesCalendar } from "./types.js";

const { RRule } = rrule;
type RRuleInstance = InstanceType<typeof RRule>;

const DEFAULT_END_OF_DAY = 17 * 60;
/** The widest window scanned for the next occurrences: a yearly rule needs a few years. */
const MAX_SCAN_DAYS = 4 * 366;

const rules = new Map<string, RRuleInstance>();

function floating(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function isoOfFloating(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The rrule of a solar recurrence, anchored at its first local day (kept: expanding it is the hot path). */
export function solarRule(rule: Pick<Recurrence, "rrule" | "anchor">): RRuleInstance {
  const key = `${rule.anchor}|${rule.rrule}`;
  let parsed = rules.get(key);
  if (!parsed) {
    if (rules.size > 10_000) rules.clear();
    parsed = new RRule({ ...RRule.parseString(rule.rrule ?? ""), dtstart: floating(rule.anchor) });
    rules.set(key, parsed);
  }
  return parsed;
}

/** The local days the rule names in [from, to], in order, before any move. */
export function nominalDays(rule: Recurrence, from: string, to: string): string[] {
  if (rule.kind === "solar") {
    return solarRule(rule).between(floating(from), floating(to), true).map(isoOfFloating);
  }
  const days: string[] = [];
  const wanted = [...(rule.lunarDays ?? [])].sort((a, b) => a - b);
  for (let offset = 0; ; offset++) {
    const monthStart = lunarMonthStart(from, offset);
    if (monthStart > to) break;
    for (const n of wanted) {
      const iso = addDays(monthStart, n - 1);
      // A 30th in a month of 29 days is not there: that month has no such occurrence.
      if (lunarDateOf(iso).day === n && iso >= from && iso <= to) days.push(iso);
    }
  }
  return days;
}

/** Whether a local day falls inside the run of days off around a Tết. */
export function inTetBreak(iso: string, calendar: WorkingCalendar): boolean {
  const year = lunarDateOf(iso).year;
  return [year, year + 1].some((y) => {
    const { firstDayOff, lastDayOff } = tetBreak(y, calendar);
    return iso >= firstDayOff && iso <= lastDayOff;
  });
}

/** The deadline instant of a local day at the rule's time, or the end of the working day. */
export function deadlineOn(day: string, rule: Recurrence, where: SeriesCalendar): Date {
  const minutes = rule.at ?? where.endOfDayMinutes ?? DEFAULT_END_OF_DAY;
  return DateTime.fromISO(day, { zone: where.timezone })
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
    .toJSDate();
}

/** One nominal day placed: moved off a day off, or null when the rule leaves it out. */
export function placeDay(key: string, rule: Recurrence, where: SeriesCalendar): Occurrence | null {
  const { calendar } = where;
  if (rule.until !== null && key > rule.until) return null;
  if (rule.skipTet && inTetBreak(key, calendar)) return null;
  let day = key;
  if (!calendar.isWorkingDay(key)) {
    if (rule.dayOff === "skip") return null;
    day = rule.dayOff === "previous" ? calendar.addWorkingDays(key, -1) : calendar.nextWorkingDay(key);
  }
  const moved = day !== key;
  return {
    key,
    day,
    deadline: deadlineOn(day, rule, where),
    moved,
    holiday: moved ? calendar.holidayName(key, "vi") : null,
  };
}

/** The occurrences whose nominal day lies in [from, to], placed, in deadline order. */
export function occurrencesIn(rule: Recurrence, from: string, to: string, where: SeriesCalendar): Occurrence[] {
  const placed = nominalDays(rule, from, to)
    .map((key) => placeDay(key, rule, where))
    .filter((o): o is Occurrence => o !== null);
  return placed.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
}

/** The local date of an instant in a zone. */
export function localDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() as string;
}

/**
 * The next `count` occurrences whose deadline is after `after`. A day moved to the next working day can have its
 * nominal day before `after`, so the scan starts two weeks earlier.
 */
export function nextOccurrences(rule: Recurrence, after: Date, count: number, where: SeriesCalendar): Occurrence[] {
  const from = addDays(localDay(after, where.timezone), -14);
  for (let span = 62; ; span *= 2) {
    const found = occurrencesIn(rule, from, addDays(from, span), where).filter(
      (o) => o.deadline.getTime() > after.getTime(),
    );
    const ended = rule.until !== null && addDays(from, span) > rule.until;
    if (found.length >= count || span >= MAX_SCAN_DAYS || ended) return found.slice(0, count);
  }
}
