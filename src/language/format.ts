/**
 * Deadlines back in words. The weekday is always shown, so a surprise ("that is a
 * Saturday?") is seen at once.
 */
import { DateTime } from "luxon";
import type { WorkingCalendar } from "../calendar/index.js";

const VI_WEEKDAYS = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const EN_WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** vi: "17:00 thứ Sáu 11/12/2026"; en: "17:00 Friday 11/12/2026" (day/month/year in both). */
export function formatDue(due: { deadline: Date; hasTime: boolean }, locale: "vi" | "en", timezone: string): string {
  const d = DateTime.fromJSDate(due.deadline, { zone: timezone });
  const weekday = (locale === "vi" ? VI_WEEKDAYS : EN_WEEKDAYS)[d.weekday];
  return `${d.toFormat("HH:mm")} ${weekday} ${d.toFormat("dd/MM/yyyy")}`;
}

function count(n: number, vi: string, en: string, locale: "vi" | "en"): string {
  return locale === "vi" ? `${n} ${vi}` : `${n} ${en}${n === 1 ? "" : "s"}`;
}

function workingDaysBetween(from: DateTime, to: DateTime, calendar: WorkingCalendar): number {
  let n = 0;
  for (let d = from.plus({ days: 1 }); d <= to; d = d.plus({ days: 1 })) {
    if (calendar.isWorkingDay(d.toISODate() as string)) n++;
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
  locale: "vi" | "en",
  timezone: string,
  calendar?: WorkingCalendar,
): string {
  const d = DateTime.fromJSDate(deadline, { zone: timezone });
  const n = DateTime.fromJSDate(now, { zone: timezone });
  const minutes = Math.round(d.diff(n, "minutes").minutes);
  const days = Math.round(d.startOf("day").diff(n.startOf("day"), "days").days);
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
  if (!calendar) return base;
  const work = workingDaysBetween(n.startOf("day"), d.startOf("day"), calendar);
  return vi
    ? `${base} (${work} ngày làm việc)`
    : `${base} (${count(work, "", "working day", locale).replace("  ", " ")})`;
}
