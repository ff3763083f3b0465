import { personToken } from "../core/reply.js";
import type { PersonView, StatusCounts } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import type { RenderContext } from "./render-context.js";

/** Done on or before the due, among done tasks that had one; null when there is none yet. */
export function onTimeRate(counts: Pick<StatusCounts, "doneWithDue" | "doneOnTime">): number | null {
  return counts.doneWithDue === 0 ? null : Math.round((100 * counts.doneOnTime) / counts.doneWithDue);
}

/** The counts of a channel, or of one person when `person` is given. */
export function renderStatus(
  counts: StatusCounts,
  context: Pick<RenderContext, "locale">,
  person?: PersonView,
): string {
  const { locale } = context;
  const rate = onTimeRate(counts);
  return [
    person ? t(locale, "status.title.person", { person: personToken(person) }) : t(locale, "status.title.channel"),
    t(locale, "status.counts", counts),
    rate === null
      ? t(locale, "status.on_time_none")
      : t(locale, "status.on_time", { percent: rate, onTime: counts.doneOnTime, withDue: counts.doneWithDue }),
  ].join("\n");
}
