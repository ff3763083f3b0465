/** Small, deterministic date texts for pings and summaries (vi/en), in the channel's zone. */
import { DateTime } from "luxon";

export type Locale = "vi" | "en";

const VI_WEEKDAYS = ["", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const EN_WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "17:00 thứ Sáu 11/12/2026" / "17:00 Fri 11/12/2026"; without a time: "thứ Sáu 11/12/2026". */
export function formatDeadline(dueAt: Date, hasTime: boolean, zone: string, locale: Locale): string {
  const t = DateTime.fromJSDate(dueAt, { zone });
  const weekday = (locale === "vi" ? VI_WEEKDAYS : EN_WEEKDAYS)[t.weekday];
  const day = `${weekday} ${t.toFormat("dd/MM/yyyy")}`;
  return hasTime ? `${t.toFormat("HH:mm")} ${day}` : day;
}

/** "16/11" style short day. */
export function formatShortDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("dd/MM");
}

/** How late a deadline is at `now`: "3 ngày" / "3 days", under a day "5 giờ" / "5 hours", under an hour minutes. */
export function formatLateness(dueAt: Date, now: Date, locale: Locale): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / 60_000));
  const [value, unit] =
    minutes >= 24 * 60
      ? [Math.floor(minutes / (24 * 60)), "day"]
      : minutes >= 60
        ? [Math.floor(minutes / 60), "hour"]
        : [minutes, "minute"];
  if (locale === "vi") return `${value} ${unit === "day" ? "ngày" : unit === "hour" ? "giờ" : "phút"}`;
  return `${value} ${unit}${value === 1 ? "" : "s"}`;
}

/** A percentage without decimals, "—" when there is nothing to measure. */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? "—" : `${Math.round(ratio * 100)}%`;
}

/** A signed difference: "+2", "−1", "±0". */
export function formatDelta(delta: number, suffix = ""): string {
  if (delta === 0) return `±0${suffix}`;
  return `${delta > 0 ? "+" : "−"}${Math.abs(delta)}${suffix}`;
}
