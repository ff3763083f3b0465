/**
 * Tasks, their assignees and their history: the only place that writes tasks. Reads are in task-reads.ts, changes
 * in task-changes.ts (decided by task-plans.ts and undo-plans.ts, written by task-writes.ts); this file binds them
 * to the database, the clock and the change notification.
 */
import type { PersonView, TaskEventView, TaskView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { createTask, mutate, type TaskWriter, undoLastChange } from "./task-changes.js";
import {
  type AssignMode,
  type DueInput,
  planAcknowledge,
  planAssign,
  planCancel,
  planDone,
  planDueChange,
  planRename,
  planReopen,
  planSnooze,
} from "./task-plans.js";
import { scopedTaskListWhere, type TaskListQuery, taskListWhere } from "./task-queries.js";
import { countStatus, getHistory, listWhere, loadTask } from "./task-reads.js";
import type {
  CreateTaskInput,
  SnoozeResult,
  StatusCounts,
  TaskActor,
  TaskChange,
  TaskList,
  TaskRef,
  TaskWriteResult,
  UndoResult,
} from "./task-types.js";

export type { AssignMode, DueInput, TaskChangeKind, TaskOutcome, TaskRefusal } from "./task-plans.js";
export type { TaskListFilter, TaskListQuery } from "./task-queries.js";
// Callers take the service's shapes from here, beside the service.
export type * from "./task-types.js";

export interface TaskServiceOptions {
  prisma: PrismaClient;
  /**
   * Called after each committed change (never for a refused or rolled-back one). Errors it throws are logged and
   * swallowed: the change is already saved. The scheduler plugs in here to re-plan the task's pings.
   */
  onTaskChanged?: (change: TaskChange) => void | Promise<void>;
  logger?: Logger;
  /** The clock; default `() => new Date()`. */
  now?: () => Date;
}

export type TaskService = ReturnType<typeof createTaskService>;

/** The options as changes use them: a listener that throws is logged and swallowed (the change is saved already). */
function taskWriter(options: TaskServiceOptions): TaskWriter {
  const { logger } = options;
  return {
    prisma: options.prisma,
    clock: options.now ?? (() => new Date()), // real time only when no clock is given (tests, tools)
    async notify(change: TaskChange) {
      try {
        await options.onTaskChanged?.(change);
      } catch (error) {
        logger?.error({ err: error, taskId: change.taskId, kind: change.kind }, "onTaskChanged failed");
      }
    },
  };
}

/** Tasks, their assignees and their history. The only place that writes tasks. */
export function createTaskService(options: TaskServiceOptions) {
  const { prisma } = options;
  const writer = taskWriter(options);
  const change = (ref: TaskRef, actor: TaskActor, decide: Parameters<typeof mutate>[3]) =>
    mutate(writer, ref, actor, decide);

  return {
    /**
     * Creates a task with the channel's next number, its assignees, its "created" history row and the message's
     * ProcessedEvent claim, all in one statement (see insertTask).
     */
    createTask: (input: CreateTaskInput): Promise<TaskView> => createTask(writer, input),
    /** The task numbered `number` in this channel; null when the channel has none (other channels are invisible). */
    findTask: (channelId: string, number: number): Promise<TaskView | null> =>
      loadTask(prisma, { channelId_number: { channelId, number } }),
    /** A task by its id (for jobs that hold ids, e.g. pings); null when it no longer exists. */
    findTaskById: (taskId: string): Promise<TaskView | null> => loadTask(prisma, { id: taskId }),
    /** The append-only history of a task, oldest first. */
    getHistory: (taskId: string): Promise<TaskEventView[]> => getHistory(prisma, taskId),
    listTasks: (channelId: string, query: TaskListQuery): Promise<TaskList> =>
      listWhere(prisma, taskListWhere(channelId, query), query),
    /** A person's own tasks (mine / created) across every channel of the workspace, for a private chat with the bot. */
    listPersonalTasks: (workspaceId: string, query: TaskListQuery): Promise<TaskList> =>
      listWhere(prisma, scopedTaskListWhere({ workspaceId, personalOnly: true }, query), query),
    /** Counts for the channel, or for the tasks of one assignee when `memberId` is given. */
    countStatus: (
      channelId: string,
      scope: { memberId?: string; now: Date; timezone: string },
    ): Promise<StatusCounts> => countStatus(prisma, channelId, scope),

    markDone(ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> {
      const now = writer.clock();
      return change(ref, actor, (task) => planDone(task, actor, now));
    },
    reopenTask: (ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> =>
      change(ref, actor, (task) => planReopen(task, actor)),
    cancelTask(ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> {
      const now = writer.clock();
      return change(ref, actor, (task) => planCancel(task, actor, now));
    },
    changeDue: (ref: TaskRef, actor: TaskActor, due: DueInput | null): Promise<TaskWriteResult> =>
      change(ref, actor, (task) => planDueChange(task, actor, due)),
    changeAssignees: (
      ref: TaskRef,
      actor: TaskActor,
      mode: AssignMode,
      people: PersonView[],
    ): Promise<TaskWriteResult> => change(ref, actor, (task) => planAssign(task, actor, mode, people)),
    renameTask: (ref: TaskRef, actor: TaskActor, title: string): Promise<TaskWriteResult> =>
      change(ref, actor, (task) => planRename(task, actor, title)),
    acknowledge(ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> {
      const now = writer.clock();
      return change(ref, actor, (task) => planAcknowledge(task, actor, now));
    },

    /**
     * Takes back the actor's last change in the channel within 10 minutes (see undo-plans.ts): written as an
     * "undone" history row, version-checked like any change, and announced to onTaskChanged.
     */
    undoLastChange: (channelId: string, actor: TaskActor): Promise<UndoResult> =>
      undoLastChange(writer, channelId, actor),

    /**
     * Quiets the task's pings until `until` (the assignees, the creator or a manager; open tasks only): sets
     * Task.snoozedUntil with a "snoozed" history row, version-checked like any change (planSnooze), then the
     * scheduler re-plans (see applySnooze in src/scheduling). Persisted, so a later re-plan keeps the snooze.
     */
    async snooze(ref: TaskRef, actor: TaskActor, until: Date): Promise<SnoozeResult> {
      const result = await change(ref, actor, (task) => planSnooze(task, actor, until));
      return result.ok ? { ok: true, task: result.task, until } : result;
    },
  };
}
