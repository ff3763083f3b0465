/**
 * A recurrence as the parser reads it and a series stores it: plain JSON (no Date), so it can sit in a question's
 * stored choices and in a database column unchanged. Solar rules are RFC 5545 RRULEs, expanded by the `rrule`
 * library; lunar rules name days of every lunar month (leap months included), expanded by src/calendar.
 */
import { z } from "zod";
import type { WorkingCalendar } from "../calendar/index.js";

/** What happens to an occurrence whose day is not a working day of the channel. */
export type DayOffMove = "previous" | "next" | "skip";

export interface Recurrence {
  kind: "solar" | "lunar";
  /** The RRULE's parts without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=FR" (solar rules only). */
  rrule: string | null;
  /** Days of each lunar month, e.g. [1, 15] for "mùng 1 và rằm" (lunar rules only). */
  lunarDays: number[] | null;
  /** The local date counting starts from (an "every 2 weeks" rule's first week). "YYYY-MM-DD". */
  anchor: string;
  /** Minutes after local midnight the deadline falls at; null: the channel's end of the working day. */
  at: number | null;
  /** An occurrence on a day off moves to the working day before (the default), after, or is left out. */
  dayOff: DayOffMove;
  /** Occurrences whose day falls inside the Tết break are left out. */
  skipTet: boolean;
  /** The last local date an occurrence may fall on ("đến hết 6/2027"); null: no end. */
  until: string | null;
  /**
   * When each occurrence is created: null for the start of its period (the day for daily rules, Monday 08:00 for
   * weekly ones, the 1st for monthly ones), or 3 working days before a deadline that falls early in its period; a
   * number for that many working days before the deadline, at 08:00.
   */
  leadWorkingDays: number | null;
  /** The words that said it ("thứ 2 hằng tuần", "every Monday 9am"), as typed. */
  text: string;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A stored recurrence, checked when read back from the database or a stored question. */
export const recurrenceSchema = z.object({
  kind: z.enum(["solar", "lunar"]),
  rrule: z.string().nullable(),
  lunarDays: z.array(z.number().int().min(1).max(30)).nullable(),
  anchor: isoDate,
  at: z.number().int().min(0).max(1439).nullable(),
  dayOff: z.enum(["previous", "next", "skip"]),
  skipTet: z.boolean(),
  until: isoDate.nullable(),
  leadWorkingDays: z.number().int().min(0).max(60).nullable(),
  text: z.string(),
});

/** One occurrence of a rule: its own day (the key: at most one occurrence per series and key), where it moved, when. */
export interface Occurrence {
  /** The local date the rule names, "YYYY-MM-DD": the occurrence's identity within its series. */
  key: string;
  /** The local date of the deadline: the key, or the working day it moved to. */
  day: string;
  deadline: Date;
  /** The day moved off a day off; `holiday` names that day off when the calendar knows it. */
  moved: boolean;
  holiday: string | null;
}

/** What expanding a rule needs from the channel. */
export interface SeriesCalendar {
  timezone: string;
  /** Minutes after midnight a deadline without a time falls at. Default 1020 (17:00). */
  endOfDayMinutes?: number;
  calendar: WorkingCalendar;
}
