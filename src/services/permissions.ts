import type { Actor } from "../core/handler.js";
import type { TaskView } from "../core/task-view.js";

/**
 * Who may change a task: its creator, one of its assignees, or a channel manager (workspace admins count).
 * Identity is always our member id, which comes from the platform user id, never from a typed name.
 */
export function canChangeTask(task: TaskView, actor: Pick<Actor, "id" | "isManager">): boolean {
  return actor.isManager || task.creator.id === actor.id || isAssignee(task, actor.id);
}

/** The creator or a manager: closing means closing the whole task, not just one person's part. */
export function canCloseWholeTask(task: TaskView, actor: Pick<Actor, "id" | "isManager">): boolean {
  return actor.isManager || task.creator.id === actor.id;
}

export function isAssignee(task: TaskView, memberId: string): boolean {
  return task.assignees.some((assignee) => assignee.id === memberId);
}
