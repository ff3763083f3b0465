/**
 * The terminal chat's clock commands read from what was typed: `/now <time>` (an ISO 8601 time, or with a space
 * for the T; a time without a zone is read in the chat's zone) and `/tua 3 ngày` / `/skip 3 days` (an amount of hours, days or weeks, read as
 * the bot reads "gia hạn #1 thêm 3 ngày"). A moved clock is shown in words: "thứ Sáu 04/12/2026 17:00".
 */
import { DateTime } from "luxon";
import type { Locale } from "../../core/incoming.js";
import { readShift } from "../../language/due-shift.js";
import { fold } from "../../language/index.js";

/** The instant `/now <text>` names, or undefined when it names none. */
export function readNowArgument(text: string, timezone: string): Date | undefined {
  const options = { zone: timezone, setZone: true };
  // ISO 8601 ("2026-12-02T09:00+07:00"), or with a space for the T ("2026-12-02 09:00"), as people type it.
  const iso = DateTime.fromISO(text.trim(), options);
  const parsed = iso.isValid ? iso : DateTime.fromSQL(text.trim(), options);
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

/** Where `/tua <amount>` moves the clock from `from`, or undefined when the amount is not one (or not forward). */
export function readSkip(text: string, from: Date, timezone: string): Date | undefined {
  const shift = readShift(fold(text));
  if (!shift || shift.amount <= 0 || shift.workingDays || shift.unit === "month") return undefined;
  const local = DateTime.fromJSDate(from, { zone: timezone });
  return local.plus({ [`${shift.unit}s`]: shift.amount }).toJSDate();
}

/** "thứ Sáu 04/12/2026 17:00" / "Friday 04/12/2026 17:00", in the chat's zone. */
export function formatClock(instant: Date, locale: Locale, timezone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timezone }).setLocale(locale === "vi" ? "vi" : "en-GB");
  // The bot writes "thứ Sáu", "Chủ nhật" (as in its deadlines); ICU capitalises every word.
  const weekday = local.toFormat("cccc").replace(/^Thứ/, "thứ").replace("Chủ Nhật", "Chủ nhật");
  return `${weekday} ${local.toFormat("dd/MM/yyyy HH:mm")}`;
}
