import { IANAZone } from "luxon";
import { addDays, isoWeekday } from "../calendar/index.js";
import type { Locale } from "../core/incoming.js";
import type { DayOffView } from "../core/ports/index.js";
import type { ChannelSettingsView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { resolvePingPolicy } from "../scheduling/policy.js";
import { renderPeople } from "./render-context.js";

/**
 * Settings as people say them: "thứ Hai – thứ Sáu", "16:00 thứ Sáu", "bật"/"tắt", "24/12/2026", never the codes
 * they are stored as ("1,2,3,4,5", "0 16 * * 5", "2026-12-24").
 */
const VI_DAYS = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const EN_DAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function weekdayName(isoDay: number, locale: Locale): string {
  return (locale === "en" ? EN_DAYS : VI_DAYS)[isoDay] ?? String(isoDay);
}

/** 1020 → "17:00". */
export function formatMinutesOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Consecutive runs of sorted numbers: [1,2,3,5] → [[1,3],[5,5]]. */
function runs(values: readonly number[], next: (value: number) => number = (v) => v + 1): [number, number][] {
  const out: [number, number][] = [];
  for (const value of values) {
    const last = out.at(-1);
    if (last && next(last[1]) === value) last[1] = value;
    else out.push([value, value]);
  }
  return out;
}

/** [1,2,3,4,5] → "thứ Hai – thứ Sáu"; [1,3,5] → "thứ Hai, thứ Tư, thứ Sáu"; runs of three or more as a span. */
export function renderWorkingDays(days: readonly number[], locale: Locale): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  return runs(sorted)
    .flatMap(([from, to]) =>
      to - from >= 2
        ? [`${weekdayName(from, locale)} – ${weekdayName(to, locale)}`]
        : [from, ...(to > from ? [to] : [])].map((d) => weekdayName(d, locale)),
    )
    .join(", ");
}

/** "2026-12-24" → "24/12/2026". */
export function formatIsoDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

/** "2026-12-24" → "thứ Năm 24/12/2026" / "Thursday 24/12/2026". */
export function renderDay(day: string, locale: Locale): string {
  return `${weekdayName(isoWeekday(day), locale)} ${formatIsoDay(day)}`;
}

/** One day, or a span of days: "thứ Năm 24/12/2026", "01/01/2027 – 03/01/2027". */
export function renderDaySpan(from: string, to: string, locale: Locale): string {
  return from === to ? renderDay(from, locale) : `${formatIsoDay(from)} – ${formatIsoDay(to)}`;
}

/** Declared days in order, consecutive days as one span: "24/12/2026, 01/01/2027 – 03/01/2027". */
export function renderDayList(days: readonly string[], locale: Locale): string {
  const sorted = [...new Set(days)].sort();
  const spans: [string, string][] = [];
  for (const day of sorted) {
    const last = spans.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else spans.push([day, day]);
  }
  return spans.map(([from, to]) => (from === to ? formatIsoDay(from) : renderDaySpan(from, to, locale))).join(", ");
}

/** A summary cron of the form "m h * * d" in words ("08:00 thứ Hai"); anything else is shown as it is. */
export function renderSummarySchedule(cron: string, locale: Locale): string {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7](?:,[0-7])*)$/.exec(cron.trim());
  if (!match) return cron;
  const time = formatMinutesOfDay(Number(match[2]) * 60 + Number(match[1]));
  const days = (match[3] ?? "").split(",").map((d) => (Number(d) === 0 ? 7 : Number(d)));
  return `${time} ${renderWorkingDays(days, locale)}`;
}

/** The weekly summary: "bật, 08:00 thứ Hai" or "tắt". */
export function renderSummarySetting(
  channel: Pick<ChannelSettingsView, "summaryEnabled" | "summaryCron">,
  locale: Locale,
) {
  return channel.summaryEnabled
    ? t(locale, "settings.summary_on", { schedule: renderSummarySchedule(channel.summaryCron, locale) })
    : t(locale, "settings.summary_off");
}

/** Deadline pings: "bật" (the default policy or any that is on) or "tắt"; a policy changed elsewhere in words. */
export function renderPingPolicy(stored: unknown, locale: Locale): string {
  const { policy } = resolvePingPolicy(stored);
  if (!policy.enabled) return t(locale, "settings.pings_off");
  const changes: string[] = [];
  if (!policy.headsUp) changes.push(t(locale, "settings.pings_no_heads_up"));
  if (policy.minutesBefore !== 60)
    changes.push(t(locale, "settings.pings_minutes_before", { minutes: policy.minutesBefore }));
  if (!policy.overdue) changes.push(t(locale, "settings.pings_no_overdue"));
  if (policy.morningMinutes !== 9 * 60)
    changes.push(t(locale, "settings.pings_morning", { time: formatMinutesOfDay(policy.morningMinutes) }));
  if (!policy.personal) changes.push(t(locale, "settings.pings_not_personal"));
  return t(locale, "settings.pings_on", { details: changes.length > 0 ? changes.join(", ") : null });
}

/** "Asia/Ho_Chi_Minh (UTC+7)". */
export function renderTimezone(zone: string, now: Date): string {
  const minutes = IANAZone.isValidZone(zone) ? IANAZone.create(zone).offset(now.getTime()) : 0;
  const sign = minutes < 0 ? "−" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `${zone} (UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""})`;
}

export interface SettingsExtras {
  pingPolicy: unknown;
  daysOff: readonly DayOffView[];
  now: Date;
}

/** All settings of a channel, one per line, in words. */
export function renderSettings(channel: ChannelSettingsView, extras: SettingsExtras, locale: Locale): string {
  const off = extras.daysOff.filter((d) => !d.isWorkingDay).map((d) => d.day);
  const worked = extras.daysOff.filter((d) => d.isWorkingDay).map((d) => d.day);
  const none = t(locale, "settings.days_off_none");
  return [
    t(locale, "settings.title"),
    t(locale, "settings.show", {
      language: t(locale, "settings.language_name", { code: channel.locale }),
      timezone: renderTimezone(channel.timezone, extras.now),
      endOfDay: formatMinutesOfDay(channel.endOfDayMinutes),
      workdays: renderWorkingDays(channel.workingDays, locale),
      summary: renderSummarySetting(channel, locale),
      pings: renderPingPolicy(extras.pingPolicy, locale),
      managers: renderPeople(channel.managers, locale),
      daysOff: off.length > 0 ? renderDayList(off, locale) : none,
      makeUpDays: worked.length > 0 ? renderDayList(worked, locale) : none,
    }),
  ].join("\n");
}
