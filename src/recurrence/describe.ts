/**
 * A rule in words, Vietnamese and English ("16:00 thứ Sáu hằng tuần" / "every Friday at 16:00"), said back when a
 * series is made and listed, so a misreading shows at once. Built from the rule's parts, not from the RRULE text.
 */

import rrule from "rrule";
import { parseIsoDate } from "../calendar/index.js";
import type { Locale } from "../locale.js";
import { solarRule } from "./expand.js";
import type { Recurrence } from "./types.js";

const { Frequency } = rrule;

const VI_DAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const VI_NTH: Record<number, string> = { 1: "đầu tiên", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", [-1]: "cuối cùng" };
const EN_NTH: Record<number, string> = { 1: "first", 2: "second", 3: "third", 4: "fourth", [-1]: "last" };

function joinWords(parts: string[], locale: Locale): string {
  if (parts.length <= 1) return parts.join("");
  const and = locale === "vi" ? " và " : " and ";
  return `${parts.slice(0, -1).join(", ")}${and}${parts.at(-1)}`;
}

const list = <T>(value: T | T[] | null | undefined): T[] => ([] as T[]).concat(value ?? []);

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function enOrdinal(n: number): string {
  if (n === -1) return "last day";
  const suffix =
    n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
}

interface Weekday {
  weekday: number;
  n?: number;
}

function weekdaysOf(value: unknown): Weekday[] {
  return list(value as Weekday | number | Weekday[]).map((d) => (typeof d === "number" ? { weekday: d } : d));
}

function dayWords(days: Weekday[], locale: Locale): string {
  const names = locale === "vi" ? VI_DAYS : EN_DAYS;
  return joinWords(
    days.map((d) => {
      const name = names[d.weekday] ?? "";
      if (!d.n) return name;
      return locale === "vi" ? `${name} ${VI_NTH[d.n] ?? d.n}` : `the ${EN_NTH[d.n] ?? d.n} ${name}`;
    }),
    locale,
  );
}

function monthDayWords(days: number[], locale: Locale): string {
  if (locale === "en") return `the ${joinWords(days.map(enOrdinal), locale)}`;
  return joinWords(
    days.map((d) => (d === -1 ? "ngày cuối cùng" : `ngày ${d}`)),
    locale,
  );
}

/** "ngày 10 tháng đầu mỗi quý" / "on the 10th of the first month of every quarter". */
function quarterWords(months: number[], day: string, locale: Locale): string {
  const place = ((months[0] ?? 1) - 1) % 3;
  const which = locale === "vi" ? ["tháng đầu", "tháng giữa", "tháng cuối"][place] : ["first", "middle", "last"][place];
  return locale === "vi" ? `${day} ${which} mỗi quý` : `on ${day} of the ${which} month of every quarter`;
}

function solarWords(rule: Recurrence, locale: Locale): string {
  const o = solarRule(rule).origOptions;
  const interval = o.interval ?? 1;
  const days = weekdaysOf(o.byweekday);
  const monthDays = list(o.bymonthday);
  const months = list(o.bymonth);
  const vi = locale === "vi";
  switch (o.freq) {
    case Frequency.DAILY:
      if (rule.dayOff === "skip") return vi ? "mỗi ngày làm việc" : "every working day";
      return vi
        ? interval > 1
          ? `${interval} ngày một lần`
          : "hằng ngày"
        : interval > 1
          ? `every ${interval} days`
          : "every day";
    case Frequency.WEEKLY: {
      const when =
        days.length === 5 && days.every((d) => d.weekday < 5)
          ? vi
            ? "thứ Hai đến thứ Sáu"
            : "weekday"
          : dayWords(days, locale);
      if (vi) return interval > 1 ? `${when}, ${interval} tuần một lần` : `${when} hằng tuần`;
      return interval > 1 ? `every ${interval} weeks on ${when}` : `every ${when}`;
    }
    case Frequency.MONTHLY: {
      const day = days.length ? dayWords(days, locale) : monthDayWords(monthDays, locale);
      if (months.length === 4 || interval === 3) return quarterWords(months, day, locale);
      if (vi) return interval > 1 ? `${day}, ${interval} tháng một lần` : `${day} hằng tháng`;
      return interval > 1 ? `on ${day} every ${interval} months` : `on ${day} of every month`;
    }
    case Frequency.YEARLY: {
      if (months.length === 4) return quarterWords(months, monthDayWords(monthDays, locale), locale);
      const day = monthDays[0] ?? 1;
      if (vi) return `ngày ${day}/${joinWords(months.map(String), locale)} hằng năm`;
      return `every year on ${joinWords(
        months.map((m) => `${EN_MONTHS[m - 1]} ${day}`),
        locale,
      )}`;
    }
    default:
      return rule.rrule ?? "";
  }
}

function lunarWords(rule: Recurrence, locale: Locale): string {
  const days = rule.lunarDays ?? [];
  if (locale === "en") return `on the ${joinWords(days.map(enOrdinal), locale)} of every lunar month`;
  return `${joinWords(
    days.map((d) => (d === 15 ? "rằm" : `mùng ${d}`)),
    locale,
  )} âm lịch hằng tháng`;
}

function untilWords(until: string, locale: Locale): string {
  const [y, m, d] = parseIsoDate(until);
  const date = `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
  return locale === "vi" ? `, đến hết ${date}` : `, until ${date}`;
}

/** "16:00 thứ Sáu hằng tuần, đến hết 30/06/2027" / "every Friday at 16:00, until 30/06/2027". */
export function describeRecurrence(rule: Recurrence, locale: Locale, endOfDayMinutes = 17 * 60): string {
  const words = rule.kind === "lunar" ? lunarWords(rule, locale) : solarWords(rule, locale);
  const time = clock(rule.at ?? endOfDayMinutes);
  const main = locale === "vi" ? `${time} ${words}` : `${words} at ${time}`;
  return `${main}${rule.until ? untilWords(rule.until, locale) : ""}`;
}

/** What happens on a day off, in words. */
export function describeDayOffMove(rule: Recurrence, locale: Locale): string {
  const vi = {
    previous: "gặp ngày nghỉ thì làm vào ngày làm việc liền trước",
    next: "gặp ngày nghỉ thì dời sang ngày làm việc kế tiếp",
    skip: "gặp ngày nghỉ thì bỏ lần đó",
  };
  const en = {
    previous: "a day off moves it to the working day before",
    next: "a day off moves it to the next working day",
    skip: "a day off skips that time",
  };
  const base = (locale === "vi" ? vi : en)[rule.dayOff];
  if (!rule.skipTet) return base;
  return locale === "vi" ? `${base}; nghỉ Tết thì bỏ` : `${base}; none during the Tết break`;
}
