import type { TaskView } from "../core/task-view.js";
import { type MessageId, t } from "../i18n/index.js";
import { type LocalWindows, localWindows } from "../language/zone.js";
import type { RenderContext } from "./render-context.js";
import { renderTaskLine } from "./task-line.js";

export type DueGroup = "overdue" | "today" | "week" | "later" | "no_due" | "done" | "cancelled";

const GROUP_ORDER: DueGroup[] = ["overdue", "today", "week", "later", "no_due", "done", "cancelled"];

/** Which group a task falls in, in the channel's zone: overdue / today / this week / later / no due. */
export function dueGroupOf(
  task: TaskView,
  now: Date,
  timezone: string,
  /** Today and this week in `timezone`, when the caller has them (one list asks for every task). */
  windows: Pick<LocalWindows, "endOfToday" | "endOfWeek"> = localWindows(now, timezone),
): DueGroup {
  if (task.status !== "open") return task.status;
  if (!task.dueAt) return "no_due";
  if (task.dueAt.getTime() < now.getTime()) return "overdue";
  if (task.dueAt <= windows.endOfToday) return "today";
  if (task.dueAt <= windows.endOfWeek) return "week";
  return "later";
}

/** Tasks grouped in display order, each group sorted by due (then number). Empty groups are left out. */
export function groupTasksByDue(
  tasks: readonly TaskView[],
  now: Date,
  timezone: string,
): { group: DueGroup; tasks: TaskView[] }[] {
  const windows = localWindows(now, timezone);
  const byDue = [...tasks].sort(
    (a, b) =>
      (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
      a.number - b.number,
  );
  const groups = new Map(byDue.map((task) => [task, dueGroupOf(task, now, timezone, windows)]));
  return GROUP_ORDER.map((group) => ({
    group,
    tasks: byDue.filter((task) => groups.get(task) === group),
  })).filter((entry) => entry.tasks.length > 0);
}

/** A titled list grouped by due; `total` above the shown count adds "… and N more". */
export function renderTaskList(
  title: string,
  tasks: readonly TaskView[],
  context: RenderContext,
  total = tasks.length,
): string {
  if (tasks.length === 0) return `${title}\n${t(context.locale, "list.empty")}`;
  const lines = [title];
  for (const { group, tasks: groupTasks } of groupTasksByDue(tasks, context.now, context.timezone)) {
    lines.push(
      "",
      `*${t(context.locale, `group.${group}` as MessageId & `group.${DueGroup}`)}* (${groupTasks.length})`,
    );
    for (const task of groupTasks) lines.push(`• ${renderTaskLine(task, context)}`);
  }
  if (total > tasks.length) lines.push("", t(context.locale, "list.more", { count: total - tasks.length }));
  return lines.join("\n");
}
