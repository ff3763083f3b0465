/**
 * A recurring phrase and the deadline words around it, made one rule: the phrase says how often and on which days,
 * a time ("9am", "trước 16h") says when in the day, and a date the phrase left open fills its day ("hằng tuần …
 * trước thứ 6" is Fridays, "hàng tháng … trước ngày 25" the 25th). A weekly or monthly rule still without its day
 * is not guessed: `ask` says what to ask.
 */
import { DateTime } from "luxon";
import { isoWeekday } from "../../calendar/index.js";
import type { Recurrence } from "../../recurrence/types.js";
import { fold } from "../fold.js";
import type { DueResolution, RecurrenceAsk } from "../types.js";
import { QUARTER_FIRST, type RecurrenceDraft } from "./draft.js";

const RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const NAMES_WEEKDAY =
  /thu\s*(?:[2-7]|hai|ba|tu|nam|sau|bay)|chu nhat|(?<![a-z])(?:cn|t[2-7]|mon|tue|wed|thu|fri|sat|sun)/;
const NAMES_MONTHDAY = /(?:ngay|mung|mong)\s*\d|\d{1,2}\s*\/\s*\d|\d(?:st|nd|rd|th)|the \d/;

export interface ComposedRule {
  recurrence: Recurrence;
  ask?: RecurrenceAsk;
}

export interface ComposeContext {
  /** The local day the series starts from. */
  today: string;
  timezone: string;
  until: string | null;
  text: string;
}

/** The BYMONTHDAY of a single day: a day past the 28th falls on the month's last day in shorter months. */
function monthDayPart(days: number[]): string {
  const [only] = days;
  if (days.length === 1 && only !== undefined && only > 28) return `BYMONTHDAY=${only},-1;BYSETPOS=1`;
  return `BYMONTHDAY=${days.join(",")}`;
}

function interval(n: number | undefined): string {
  return n && n > 1 ? `;INTERVAL=${n}` : "";
}

function byDay(days: number[], nth?: number): string {
  return `BYDAY=${days.map((d) => `${nth ?? ""}${RRULE_DAYS[d - 1]}`).join(",")}`;
}

interface DueFacts {
  day: string | null;
  weekday: number | null;
  monthDay: number | null;
  month: number | null;
  /** "cuối tháng": the period's last day. */
  monthEnd: boolean;
}

function dueFacts(due: DueResolution | null, timezone: string): DueFacts {
  if (!due) return { day: null, weekday: null, monthDay: null, month: null, monthEnd: false };
  const local = DateTime.fromJSDate(due.deadline, { zone: timezone });
  const words = fold(due.text);
  const day = local.toISODate() as string;
  return {
    day,
    weekday: NAMES_WEEKDAY.test(words) ? isoWeekday(day) : null,
    monthDay: NAMES_MONTHDAY.test(words) ? local.day : null,
    month:
      NAMES_MONTHDAY.test(words) && /\/\s*\d|thang \d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/.test(words)
        ? local.month
        : null,
    monthEnd: due.grain === "month",
  };
}

function solarRule(draft: RecurrenceDraft, facts: DueFacts): { rrule: string; ask?: RecurrenceAsk } | null {
  switch (draft.freq) {
    case "daily":
      return { rrule: `FREQ=DAILY${interval(draft.interval)}` };
    case "weekly": {
      const days = draft.weekdays ?? (facts.weekday ? [facts.weekday] : null);
      if (!days) return { rrule: `FREQ=WEEKLY${interval(draft.interval)}`, ask: "weekday" };
      return { rrule: `FREQ=WEEKLY${interval(draft.interval)};${byDay(days)}` };
    }
    case "monthly": {
      if (draft.weekdays) return { rrule: `FREQ=MONTHLY;${byDay(draft.weekdays, draft.nth ?? 1)}` };
      const days = draft.monthDays ?? (facts.monthDay ? [facts.monthDay] : facts.monthEnd ? [-1] : null);
      if (!days) return { rrule: "FREQ=MONTHLY;BYMONTHDAY=-1", ask: "monthday" };
      return { rrule: `FREQ=MONTHLY${interval(draft.interval)};${monthDayPart(days)}` };
    }
    case "quarterly": {
      const fromDue = facts.month ? QUARTER_FIRST.map((q) => q + (((facts.month as number) - 1) % 3)) : null;
      const months = draft.months ?? fromDue ?? [3, 6, 9, 12];
      const days = draft.monthDays ?? (facts.monthDay ? [facts.monthDay] : null);
      if (!days) return { rrule: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", ask: "monthday" };
      return { rrule: `FREQ=YEARLY;BYMONTH=${months.join(",")};${monthDayPart(days)}` };
    }
    case "yearly": {
      const month = draft.months?.[0] ?? facts.month;
      const day = draft.monthDays?.[0] ?? facts.monthDay;
      return month && day ? { rrule: `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=${day}` } : null;
    }
    default:
      return null;
  }
}

/** The rule, or null when the words cannot make one (a yearly rule without its date). */
export function composeRule(
  draft: RecurrenceDraft,
  due: DueResolution | null,
  ctx: ComposeContext,
): ComposedRule | null {
  const facts = dueFacts(due, ctx.timezone);
  const local = due ? DateTime.fromJSDate(due.deadline, { zone: ctx.timezone }) : null;
  const at = due?.hasTime && local ? local.hour * 60 + local.minute : (draft.podMinutes ?? null);
  const base = {
    anchor: ctx.today,
    at,
    skipTet: false,
    until: ctx.until,
    leadWorkingDays: null,
    text: ctx.text,
  };
  if (draft.freq === "lunar") {
    const lunarDays = [...new Set(draft.lunarDays ?? [])].sort((a, b) => a - b);
    return { recurrence: { ...base, kind: "lunar", rrule: null, lunarDays, dayOff: "previous" } };
  }
  const solar = solarRule(draft, facts);
  if (!solar) return null;
  // A daily rule never moves a day off onto another day (a weekend would pile up on Friday): it leaves it out.
  const dayOff = draft.freq === "daily" || draft.workingDaysOnly ? "skip" : "previous";
  const recurrence: Recurrence = { ...base, kind: "solar", rrule: solar.rrule, lunarDays: null, dayOff };
  return solar.ask ? { recurrence, ask: solar.ask } : { recurrence };
}
