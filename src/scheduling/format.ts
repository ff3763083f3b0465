/** Small, deterministic texts for pings and summaries, in the channel's zone. Deadlines use language/format.ts. */
import { DateTime } from "luxon";
import { t } from "../i18n/index.js";

export type { Locale } from "../locale.js";

import type { Locale } from "../locale.js";

/** "16/11" style short day. */
export function formatShortDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("dd/MM");
}

/** How late a deadline is at `now`: "3 ngày" / "3 days", under a day "5 giờ" / "5 hours", under an hour minutes. */
export function formatLateness(dueAt: Date, now: Date, locale: Locale): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / 60_000));
  if (minutes >= 24 * 60) return t(locale, "lateness.day", { count: Math.floor(minutes / (24 * 60)) });
  if (minutes >= 60) return t(locale, "lateness.hour", { count: Math.floor(minutes / 60) });
  return t(locale, "lateness.minute", { count: minutes });
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
