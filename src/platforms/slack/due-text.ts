import { formatDue, formatRelative } from "../../language/index.js";
import type { DueDescriber } from "./task-card.js";

/**
 * Due dates in words for cards: "17:00 thứ Sáu 11/12/2026 (còn 2 ngày)", with the language module's formatters.
 * A Reply does not carry its channel's settings, so cards use the deployment's default zone and language; the
 * reply text above a card is already in the channel's own.
 */
export function createDueDescriber(
  timezone: string,
  locale: "vi" | "en" = "vi",
  now: () => Date = () => new Date(),
): DueDescriber {
  return (task) => {
    if (!task.dueAt) return undefined;
    const absolute = formatDue({ deadline: task.dueAt, hasTime: task.dueHasTime }, locale, timezone);
    if (task.status !== "open") return absolute;
    return `${absolute} (${formatRelative(task.dueAt, now(), locale, timezone)})`;
  };
}
