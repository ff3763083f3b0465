import type { Locale } from "../core/incoming.js";
import type { ChannelSettingsView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import type { DayOffView } from "../services/directory-service.js";
import { renderPeople } from "./render-context.js";

const VI_DAYS = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const EN_DAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function weekdayName(isoDay: number, locale: Locale): string {
  return (locale === "en" ? EN_DAYS : VI_DAYS)[isoDay] ?? String(isoDay);
}

/** 1020 → "17:00". */
export function formatMinutesOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** [1,2,3,4,5] → "thứ Hai, thứ Ba, …" */
export function renderWorkingDays(days: readonly number[], locale: Locale): string {
  return [...days]
    .sort((a, b) => a - b)
    .map((d) => weekdayName(d, locale))
    .join(", ");
}

/** A summary cron of the form "m h * * d" in words ("08:00 thứ Hai"); anything else is shown as it is. */
export function renderSummarySchedule(cron: string, locale: Locale): string {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* ([0-7](?:,[0-7])*)$/.exec(cron.trim());
  if (!match) return cron;
  const time = formatMinutesOfDay(Number(match[2]) * 60 + Number(match[1]));
  const days = (match[3] ?? "").split(",").map((d) => weekdayName(Number(d) === 0 ? 7 : Number(d), locale));
  return `${time} ${days.join(", ")}`;
}

function renderPingPolicy(policy: unknown, locale: Locale): string {
  if (policy === null || policy === undefined) return t(locale, "settings.pings_default");
  if (typeof policy === "object" && (policy as { enabled?: unknown }).enabled === false)
    return t(locale, "settings.pings_off");
  return t(locale, "settings.pings_custom", { policy: JSON.stringify(policy) });
}

export interface SettingsExtras {
  pingPolicy: unknown;
  daysOff: readonly DayOffView[];
}

/** All settings of a channel, one per line. */
export function renderSettings(channel: ChannelSettingsView, extras: SettingsExtras, locale: Locale): string {
  const daysOff =
    extras.daysOff.length === 0
      ? t(locale, "settings.days_off_none")
      : extras.daysOff.map((d) => (d.isWorkingDay ? `${d.day} (+)` : d.day)).join(", ");
  return [
    t(locale, "settings.title"),
    t(locale, "settings.show", {
      language: channel.locale === "en" ? "English (en)" : "Tiếng Việt (vi)",
      timezone: channel.timezone,
      endOfDay: formatMinutesOfDay(channel.endOfDayMinutes),
      workdays: renderWorkingDays(channel.workingDays, locale),
      summary: channel.summaryEnabled
        ? t(locale, "settings.summary_on", { schedule: renderSummarySchedule(channel.summaryCron, locale) })
        : t(locale, "settings.summary_off"),
      pings: renderPingPolicy(extras.pingPolicy, locale),
      managers: renderPeople(channel.managers, locale),
      daysOff,
    }),
  ].join("\n");
}
