import type { Locale } from "../../locale.js";
import { renderDue } from "../../render/due-text.js";
import type { DueDescriber } from "./task-card.js";

/**
 * Due dates in words for cards: "17:00 thứ Sáu 11/12/2026 (còn 2 ngày)", worded exactly as the reply text
 * (src/render's renderDue); only open tasks show how long is left.
 * A reply's `presentation` (the channel's zone and language, set by the bot on every reply) wins; the deployment's
 * defaults stand in where there is none (App Home lists tasks of many channels, messages sent before it existed).
 */
export function createDueDescriber(timezone: string, locale: Locale = "vi", now: () => Date): DueDescriber {
  return (task, presentation) => {
    const context = {
      locale: presentation?.locale ?? locale,
      timezone: presentation?.timezone ?? timezone,
      now: now(),
    };
    return renderDue(task, context, { relative: task.status === "open" }) ?? undefined;
  };
}
