/** The shapes of the task service's answers and inputs, shared by its modules and its callers. Types only. */
import type { Actor } from "../core/handler.js";
import type { PersonView, TaskEventView, TaskView } from "../core/task-view.js";

export type { StatusCounts } from "../core/task-view.js";

import type { DueInput, TaskChangeKind, TaskOutcome, TaskRefusal } from "./task-plans.js";

export interface TaskChange {
  taskId: string;
  channelId: string;
  kind: TaskChangeKind;
}

/**
 * A task of one channel, by its number, or by its id when the caller holds one (a button): a task whose channel is
 * not `channelId` is not found either way. `expectedVersion`, when given, must match or the change is a conflict.
 */
export interface TaskRef {
  channelId: string;
  number: number;
  taskId?: string;
  expectedVersion?: number;
}

export type TaskActor = Pick<Actor, "id" | "isManager" | "displayName" | "externalId">;

export type TaskWriteResult =
  | { ok: true; outcome: TaskOutcome; task: TaskView; previous: TaskView }
  | { ok: false; reason: TaskRefusal; task: TaskView | null };

/**
 * What "hoàn tác" did: the change it took back (`undone`, the history entry that said what it was), or why nothing:
 * no change of this person in the channel within 10 minutes, or someone changed the task since (`by`).
 */
export type UndoResult =
  | { ok: true; outcome: "withdrawn" | "restored"; task: TaskView; previous: TaskView; undone: TaskEventView }
  | { ok: false; reason: "nothing_to_undo" }
  | { ok: false; reason: "changed_since"; task: TaskView | null; by: PersonView | null }
  | Extract<TaskWriteResult, { ok: false }>;

export type SnoozeResult = { ok: true; task: TaskView; until: Date } | Extract<TaskWriteResult, { ok: false }>;

export interface CreateTaskInput {
  channelId: string;
  creatorId: string;
  title: string;
  assigneeIds: string[];
  due: DueInput | null;
  sourceRef?: string;
  /**
   * The creator and the assignees as the caller already knows them, so the new task's view is built without reading
   * them back; anyone missing is read in the transaction.
   */
  people?: readonly PersonView[];
}

export interface TaskList {
  tasks: TaskView[];
  /** All matching tasks, when more than `tasks` shows. */
  total: number;
}
