import type { WorkingCalendar } from "../calendar/index.js";
import type { Locale } from "../core/incoming.js";
import { personToken } from "../core/reply.js";
import type { PersonView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { formatMomentIn } from "../language/format.js";

/** What every renderer needs to put a task into words for one channel. */
export interface RenderContext {
  locale: Locale;
  /** The channel's IANA time zone. */
  timezone: string;
  now: Date;
  /** The channel's working calendar, so "còn 2 ngày làm việc" can skip weekends and holidays. */
  calendar?: WorkingCalendar;
  /** Name each task's channel (lists spanning channels). */
  showChannel?: boolean;
}

/** People as tokens the adapters turn into mentions, joined with commas; "chưa ai" / "nobody" for none. */
export function renderPeople(people: readonly PersonView[], locale: Locale): string {
  return people.length === 0 ? t(locale, "people.nobody") : people.map(personToken).join(", ");
}

/** A moment in the channel's zone: "14:05 27/11/2026". */
export function formatMoment(at: Date, context: Pick<RenderContext, "timezone">): string {
  return formatMomentIn(at, context.timezone);
}
