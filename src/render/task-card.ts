import { personToken } from "../core/reply.js";
import type { TaskEventView, TaskView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { renderDue } from "./due-text.js";
import { renderHistory } from "./history.js";
import { formatMoment, type RenderContext } from "./render-context.js";
import { renderAssigneeProgress } from "./task-line.js";

/** The full text of one task: title, due, status, who does what, and optionally its history. */
export function renderTaskCard(task: TaskView, context: RenderContext, history?: readonly TaskEventView[]): string {
  const { locale } = context;
  const due = task.status === "open" ? renderDue(task, context) : renderDue(task, context, { relative: false });
  const lines = [
    `*#${task.number}* ${task.title}`,
    t(locale, "card.due", { due: due ?? t(locale, "task.no_due") }),
    t(locale, "card.status", { status: t(locale, task.withdrawn ? "status.withdrawn" : `status.${task.status}`) }),
    t(locale, "card.creator", { creator: personToken(task.creator), createdAt: formatMoment(task.createdAt, context) }),
    t(locale, "card.assignees", {
      assignees:
        task.assignees.length === 0
          ? t(locale, "people.nobody")
          : task.assignees.map((a) => renderAssigneeProgress(a, context)).join(", "),
    }),
  ];
  if (task.closedAt && task.closedBy) {
    lines.push(t(locale, "card.closed", { by: personToken(task.closedBy), at: formatMoment(task.closedAt, context) }));
  }
  if (history && history.length > 0) lines.push("", t(locale, "card.history"), renderHistory(history, context));
  return lines.join("\n");
}
