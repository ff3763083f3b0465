import type { Locale } from "../core/incoming.js";
import type { TaskView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { renderPeople } from "./render-context.js";

/** "You can't change task #N; only its creator, its assignees or a channel manager can": who may do it instead. */
export function renderForbidden(task: TaskView | null, number: number, locale: Locale): string {
  const creator = task ? renderPeople([task.creator], locale) : t(locale, "people.creator");
  const assignees = task && task.assignees.length > 0 ? renderPeople(task.assignees, locale) : null;
  return t(locale, "task.forbidden", { number, allowed: t(locale, "people.allowed", { creator, assignees }) });
}
