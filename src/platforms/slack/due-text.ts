import { formatDue, formatRelative } from "../../language/index.js";
import type { DueDescriber } from "./task-card.js";

/**
 * Due dates in words for cards: "17:00 thứ Sáu 11/12/2026 (còn 2 ngày)", with the language module's formatters.
 * A reply's `presentation` (the channel's zone and language, set by the bot on every reply) wins; the deployment's
 * defaults stand in where there is none (App Home lists tasks of many channels, messages sent before it existed).
 */
export function createDueDescriber(
  timezone: string,
  locale: "vi" | "en" = "vi",
  now: () => Date = () => new Date(),
): DueDescriber {
  return (task, presentation) => {
    if (!task.dueAt) return undefined;
    const zone = presentation?.timezone ?? timezone;
    const language = presentation?.locale ?? locale;
    const absolute = formatDue({ deadline: task.dueAt, hasTime: task.dueHasTime }, language, zone);
    if (task.status !== "open") return absolute;
    return `${absolute} (${formatRelative(task.dueAt, now(), language, zone)})`;
  };
}
