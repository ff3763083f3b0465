/**
 * A recurrence as the parse command prints it: the rule (the RRULE text, or the lunar rule) and the next three
 * deadlines, ISO 8601 with the zone's offset.
 */
import { DateTime } from "luxon";
import { nextOccurrences } from "./expand.js";
import type { Recurrence, SeriesCalendar } from "./types.js";

/** "RRULE:FREQ=WEEKLY;BYDAY=FR", or "LUNAR:BYMONTHDAY=1,15" for a lunar rule; the end added as UNTIL. */
export function ruleText(rule: Recurrence): string {
  const until = rule.until ? `;UNTIL=${rule.until.replaceAll("-", "")}` : "";
  return rule.kind === "lunar"
    ? `LUNAR:BYMONTHDAY=${(rule.lunarDays ?? []).join(",")}${until}`
    : `RRULE:${rule.rrule}${until}`;
}

export function recurrenceJson(rule: Recurrence, now: Date, where: SeriesCalendar) {
  const next = nextOccurrences(rule, now, 3, where).map(
    (o) => DateTime.fromJSDate(o.deadline, { zone: where.timezone }).toISO({ suppressMilliseconds: true }) as string,
  );
  return { rule: ruleText(rule), next };
}
