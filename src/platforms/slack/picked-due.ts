import { DateTime } from "luxon";

/** A deadline chosen with Slack's pickers, in the shape of the parser's `due` (see language/ ParsedCommand). */
export interface PickedDue {
  deadline: Date;
  hasTime: boolean;
  start: Date;
  grain: "day" | "minute";
  /** What the person chose, for the record ("2026-12-11 17:00", "+1 ngày"). */
  text: string;
}

/** End of the working day when no time was picked: the product default 17:00 (channel settings may differ). */
export const DEFAULT_END_OF_DAY_MINUTES = 17 * 60;

/**
 * A date ("2026-12-11") and optional time ("09:30") picked in Slack, read in `timezone` (the person's Slack zone).
 * Without a time the deadline is the end of the working day, as when someone types just a date.
 */
export function dueFromPickers(
  date: string,
  time: string | undefined,
  timezone: string,
  endOfDayMinutes = DEFAULT_END_OF_DAY_MINUTES,
): PickedDue | undefined {
  const day = DateTime.fromISO(date, { zone: timezone });
  if (!day.isValid) return undefined;
  const [hours, minutes] = time
    ? time.split(":").map(Number)
    : [Math.floor(endOfDayMinutes / 60), endOfDayMinutes % 60];
  if (!Number.isInteger(hours) || !Number.isInteger(minutes)) return undefined;
  const deadline = day.set({ hour: hours, minute: minutes, second: 0, millisecond: 0 });
  return {
    deadline: deadline.toJSDate(),
    hasTime: Boolean(time),
    start: time ? deadline.toJSDate() : day.startOf("day").toJSDate(),
    grain: time ? "minute" : "day",
    text: time ? `${date} ${time}` : date,
  };
}

/**
 * "+1 day" / "+1 week" from the task's current due (same time of day, in `timezone` so a DST change elsewhere does
 * not shift it), or from today's end of day when the task had none.
 */
export function extendDue(
  currentDue: Date | undefined,
  by: "1d" | "1w",
  hasTime: boolean,
  timezone: string,
  now: Date,
  endOfDayMinutes = DEFAULT_END_OF_DAY_MINUTES,
): PickedDue {
  const base = currentDue
    ? DateTime.fromJSDate(currentDue, { zone: timezone })
    : DateTime.fromJSDate(now, { zone: timezone }).startOf("day").plus({ minutes: endOfDayMinutes });
  const deadline = base.plus(by === "1d" ? { days: 1 } : { weeks: 1 });
  const keepTime = Boolean(currentDue) && hasTime;
  return {
    deadline: deadline.toJSDate(),
    hasTime: keepTime,
    start: keepTime ? deadline.toJSDate() : deadline.startOf("day").toJSDate(),
    grain: keepTime ? "minute" : "day",
    text: by === "1d" ? "+1 ngày / +1 day" : "+1 tuần / +1 week",
  };
}

/**
 * A snooze choice as a `due` for the structured snooze command: in one hour, or from the start of tomorrow in the
 * channel's zone. The ping planner moves either out of quiet hours, so "tomorrow morning" lands on the next working
 * morning at the channel's morning time (09:00 by default), a Saturday's on Monday's.
 */
export function snoozeDue(by: "1h" | "morning", timezone: string, now: Date): PickedDue {
  if (by === "1h") {
    const deadline = new Date(now.getTime() + 60 * 60 * 1000);
    return { deadline, hasTime: true, start: deadline, grain: "minute", text: "+1 giờ / +1 hour" };
  }
  const tomorrow = DateTime.fromJSDate(now, { zone: timezone }).startOf("day").plus({ days: 1 }).toJSDate();
  return { deadline: tomorrow, hasTime: false, start: tomorrow, grain: "day", text: "sáng mai / tomorrow morning" };
}
