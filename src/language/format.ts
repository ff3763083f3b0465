/**
 * Deadlines back in words. The weekday is always shown, so a surprise ("that is a
 * Saturday?") is seen at once.
 *
 * Every reply words its tasks' deadlines, so this is on the path of most commands: the
 * local clock comes from the zone offsets cached in zone.ts and plain wall arithmetic
 * (wall.ts), not from a luxon DateTime per call. A zone name that neither IANA nor
 * luxon knows keeps luxon's own answer ("Invalid DateTime").
 */

import { DateTime } from "luxon";
import type { WorkingCalendar } from "../calendar/index.js";
import type { Locale } from "../locale.js";
import { DAY, fieldsOf, isoDateOf, MINUTE, type Wall, weekdayOf } from "./wall.js";
import { type WallZone, wallAt, wallZone } from "./zone.js";

const VI_WEEKDAYS = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const EN_WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The zone of that name, or null when it is unknown (the callers then ask luxon, which knows more names). */
function zoneOrNull(timezone: string): WallZone | null {
  try {
    return wallZone(timezone);
  } catch {
    return null;
  }
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "17:00" at a wall. */
function clockOf(w: Wall): string {
  const f = fieldsOf(w);
  return `${pad2(f.hour)}:${pad2(f.minute)}`;
}

/** "11/12/2026" at a wall (luxon's dd/MM/yyyy). */
function dateOf(w: Wall): string {
  const f = fieldsOf(w);
  return `${pad2(f.day)}/${pad2(f.month)}/${String(f.year).padStart(4, "0")}`;
}

/** vi: "17:00 thứ Sáu 11/12/2026"; en: "17:00 Friday 11/12/2026" (day/month/year in both). */
export function formatDue(due: { deadline: Date; hasTime: boolean }, locale: Locale, timezone: string): string {
  const weekdays = locale === "vi" ? VI_WEEKDAYS : EN_WEEKDAYS;
  const zone = zoneOrNull(timezone);
  if (!zone) {
    const d = DateTime.fromJSDate(due.deadline, { zone: timezone });
    return `${d.toFormat("HH:mm")} ${weekdays[d.weekday]} ${d.toFormat("dd/MM/yyyy")}`;
  }
  const w = wallAt(due.deadline.getTime(), zone);
  return `${clockOf(w)} ${weekdays[weekdayOf(w)]} ${dateOf(w)}`;
}

/** A moment in a zone: "14:05 27/11/2026" (luxon's "HH:mm dd/MM/yyyy"). */
export function formatMomentIn(at: Date, timezone: string): string {
  const zone = zoneOrNull(timezone);
  if (!zone) return DateTime.fromJSDate(at, { zone: timezone }).toFormat("HH:mm dd/MM/yyyy");
  const w = wallAt(at.getTime(), zone);
  return `${clockOf(w)} ${dateOf(w)}`;
}

function count(n: number, vi: string, en: string, locale: Locale): string {
  return locale === "vi" ? `${n} ${vi}` : `${n} ${en}${n === 1 ? "" : "s"}`;
}

/** Working days after local day `fromDay` up to and including `toDay` (days as whole days since 1970-01-01). */
function workingDaysBetween(fromDay: number, toDay: number, calendar: WorkingCalendar): number {
  let n = 0;
  for (let day = fromDay + 1; day <= toDay; day++) {
    if (calendar.isWorkingDay(isoDateOf(day * DAY))) n++;
  }
  return n;
}

/**
 * How far a deadline is: "còn 2 ngày" / "2 days left", "còn 3 giờ" / "3 hours left",
 * "hôm nay" / "today", "ngày mai" / "tomorrow", "quá hạn 1 ngày" / "1 day overdue".
 * With a calendar, multi-day distances also give working days.
 */
export function formatRelative(
  deadline: Date,
  now: Date,
  locale: Locale,
  timezone: string,
  calendar?: WorkingCalendar,
): string {
  const zone = zoneOrNull(timezone);
  // Across a clock change luxon answers: it settles a missing or doubled midnight its own way, and the wall
  // arithmetic below assumes one offset since midnight.
  if (!zone || !sameOffsetSinceMidnight(zone, now, deadline)) {
    return formatRelativeWithLuxon(deadline, now, locale, timezone, calendar);
  }
  // Minutes are exact instants apart; days are local calendar days apart (as luxon's startOf("day") diff).
  const minutes = Math.round((deadline.getTime() - now.getTime()) / MINUTE);
  const deadlineDay = Math.floor(wallAt(deadline.getTime(), zone) / DAY);
  const today = Math.floor(wallAt(now.getTime(), zone) / DAY);
  return wordDistance(minutes, deadlineDay - today, locale, () =>
    calendar ? workingDaysBetween(today, deadlineDay, calendar) : null,
  );
}

/** Per zone, whether a calendar year keeps one offset all year (most of the world, Vietnam included). */
const steadyYears = new WeakMap<WallZone, Map<number, boolean>>();

function isSteadyYear(zone: WallZone, year: number): boolean {
  let years = steadyYears.get(zone);
  if (!years) {
    years = new Map();
    steadyYears.set(zone, years);
  }
  let steady = years.get(year);
  if (steady === undefined) {
    // Weekly samples, a day beyond each end: clock changes stay for weeks (summer time, Ramadan suspensions).
    const from = Date.UTC(year, 0, 1) - DAY;
    const offset = zone.offset(from);
    steady = true;
    for (let ts = from; ts <= Date.UTC(year + 1, 0, 2); ts += 7 * DAY) {
      if (zone.offset(ts) !== offset || zone.offset(ts + 3 * DAY) !== offset) steady = false;
    }
    years.set(year, steady);
  }
  return steady;
}

/** Whether no clock change can fall between the two instants (nor the local midnights before them). */
function sameOffsetSinceMidnight(zone: WallZone, a: Date, b: Date): boolean {
  const [from, to] = a <= b ? [a, b] : [b, a];
  const last = new Date(to.getTime() + DAY).getUTCFullYear();
  for (let year = new Date(from.getTime() - DAY).getUTCFullYear(); year <= last; year++) {
    if (!isSteadyYear(zone, year)) return false;
  }
  return zone.offset(from.getTime()) === zone.offset(to.getTime());
}

function wordDistance(minutes: number, days: number, locale: Locale, workingDays: () => number | null): string {
  const vi = locale === "vi";
  if (minutes < 0) {
    const late = -minutes;
    const amount =
      late < 60
        ? count(late, "phút", "minute", locale)
        : late < 24 * 60
          ? count(Math.floor(late / 60), "giờ", "hour", locale)
          : count(Math.floor(late / (24 * 60)), "ngày", "day", locale);
    return vi ? `quá hạn ${amount}` : `${amount} overdue`;
  }
  if (minutes < 60)
    return vi ? `còn ${count(minutes, "phút", "minute", locale)}` : `${count(minutes, "phút", "minute", locale)} left`;
  if (days === 0) {
    const hours = Math.floor(minutes / 60);
    return vi ? `hôm nay, còn ${hours} giờ` : `today, ${count(hours, "giờ", "hour", locale)} left`;
  }
  if (days === 1) return vi ? "ngày mai" : "tomorrow";
  const base = vi ? `còn ${days} ngày` : `${count(days, "ngày", "day", locale)} left`;
  const work = workingDays();
  if (work === null) return base;
  return vi
    ? `${base} (${work} ngày làm việc)`
    : `${base} (${count(work, "", "working day", locale).replace("  ", " ")})`;
}

/** luxon, for zone names zone.ts refuses (luxon knows more of them). */
function formatRelativeWithLuxon(
  deadline: Date,
  now: Date,
  locale: Locale,
  timezone: string,
  calendar?: WorkingCalendar,
): string {
  const d = DateTime.fromJSDate(deadline, { zone: timezone });
  const n = DateTime.fromJSDate(now, { zone: timezone });
  const minutes = Math.round(d.diff(n, "minutes").minutes);
  const days = Math.round(d.startOf("day").diff(n.startOf("day"), "days").days);
  return wordDistance(minutes, days, locale, () => {
    if (!calendar) return null;
    let work = 0;
    const to = d.startOf("day");
    for (let day = n.startOf("day").plus({ days: 1 }); day <= to; day = day.plus({ days: 1 })) {
      if (calendar.isWorkingDay(day.toISODate() as string)) work++;
    }
    return work;
  });
}
