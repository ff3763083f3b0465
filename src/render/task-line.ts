import { personToken } from "../core/reply.js";
import type { AssigneeView, TaskView } from "../core/task-view.js";
import { t } from "../i18n/index.js";
import { renderDue } from "./due-text.js";
import type { RenderContext } from "./render-context.js";

/** "@Lan (chưa nhận)": where one assignee stands, so nobody hides behind the group. */
export function renderAssigneeProgress(assignee: AssigneeView, context: RenderContext): string {
  const state = assignee.doneAt
    ? t(context.locale, "assignee.done")
    : assignee.acknowledgedAt
      ? t(context.locale, "assignee.acknowledged")
      : t(context.locale, "assignee.not_acknowledged");
  return `${personToken(assignee)} (${state})`;
}

/** One line of a list: "*#12* Nộp báo cáo — hạn: 17:00 thứ Sáu 11/12/2026 (còn 2 ngày) — @Lan (chưa nhận)". */
export function renderTaskLine(task: TaskView, context: RenderContext): string {
  const where = context.showChannel && task.channelName ? ` (${task.channelName})` : "";
  const parts = [`*#${task.number}*${where} ${task.title}`];
  const due = task.status === "open" ? renderDue(task, context) : null;
  if (due) parts.push(t(context.locale, "card.due", { due }));
  if (task.status === "open" && task.assignees.length > 0) {
    parts.push(task.assignees.map((a) => renderAssigneeProgress(a, context)).join(", "));
  }
  return parts.join(" — ");
}
