/**
 * Recurring tasks' rules: pure (no I/O, no clock; callers pass the instants). A rule is read by the parser
 * (src/language/recurrence), stored with its series, expanded here into occurrences, and said back in words.
 */
export { describeDayOffMove, describeRecurrence } from "./describe.js";
export { localDay, nextOccurrences, occurrencesIn } from "./expand.js";
export { creationTime, type PeriodGrain, periodGrain } from "./periods.js";
export { type DayOffMove, type Occurrence, type Recurrence, recurrenceSchema, type SeriesCalendar } from "./types.js";
