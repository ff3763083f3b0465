/**
 * The weekly rule the recurring tests share ("thứ 6 hằng tuần" at 16:00) and the instants they run it at: the week of
 * Wednesday 2 December 2026 in Hà Nội, and the Monday after a Friday the bot was down.
 */
import type { Recurrence } from "../../src/recurrence/index.js";

/** Wednesday 2 December 2026, 10:00 in Hà Nội: this week's Friday occurrence is due. */
export const WEDNESDAY = new Date("2026-12-02T03:00:00Z");
/** Monday 14 December 2026, 10:00: the bot was down over Friday 11. */
export const MONDAY_AFTER = new Date("2026-12-14T03:00:00Z");

export const fridaysAt16: Recurrence = {
  kind: "solar",
  rrule: "FREQ=WEEKLY;BYDAY=FR",
  lunarDays: null,
  anchor: "2026-12-02",
  at: 16 * 60,
  dayOff: "previous",
  skipTet: false,
  until: null,
  leadWorkingDays: null,
  text: "thứ 6 hằng tuần",
};
