/**
 * The Add task modal's repeat field as a rule: every working day, weekly on the due date's weekday, or monthly on the
 * due date's day of the month, at the picked time (or the channel's end of the working day). The same rules the
 * parser makes from "mỗi ngày làm việc", "thứ 6 hằng tuần" and "ngày 25 hàng tháng".
 */
import { DateTime } from "luxon";
import type { Recurrence } from "../../recurrence/index.js";

export const REPEAT_CHOICES = ["daily", "weekly", "monthly"] as const;
export type PickedRepeat = (typeof REPEAT_CHOICES)[number];

const RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

export function isPickedRepeat(value: string | null | undefined): value is PickedRepeat {
  return (REPEAT_CHOICES as readonly string[]).includes(value ?? "");
}

/**
 * The rule for `repeat`, from the picked date ("2026-12-11") and time ("16:00"); `today` ("YYYY-MM-DD") anchors a
 * rule without a date. Null when the rule needs the date and none was picked.
 */
export function pickedRecurrence(
  repeat: PickedRepeat,
  date: string | undefined,
  time: string | undefined,
  today: string,
): Recurrence | null {
  const day = date ? DateTime.fromISO(date) : null;
  if (repeat !== "daily" && !day?.isValid) return null;
  const [hour, minute] = (time ?? "").split(":").map(Number);
  const at = time && hour !== undefined && minute !== undefined ? hour * 60 + minute : null;
  const rrule =
    repeat === "daily"
      ? "FREQ=DAILY"
      : repeat === "weekly"
        ? `FREQ=WEEKLY;BYDAY=${RRULE_DAYS[(day as DateTime).weekday - 1]}`
        : `FREQ=MONTHLY;BYMONTHDAY=${(day as DateTime).day}`;
  return {
    kind: "solar",
    rrule,
    lunarDays: null,
    anchor: date ?? today,
    at,
    // As the parser's rules: a daily rule leaves days off out, the others move to the working day before.
    dayOff: repeat === "daily" ? "skip" : "previous",
    skipTet: false,
    until: null,
    leadWorkingDays: null,
    text: { daily: "mỗi ngày làm việc", weekly: "hằng tuần", monthly: "hằng tháng" }[repeat],
  };
}
