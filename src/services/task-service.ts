import type { Actor } from "../core/handler.js";
import { canChangeTask } from "../core/permissions.js";
import type { PersonView, TaskEventView, TaskView } from "../core/task-view.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { transactionWithClaim } from "./event-claim.js";
import {
  personSelect,
  type TaskRow,
  taskEventSelect,
  taskSelect,
  toPersonView,
  toTaskEventView,
  toTaskView,
} from "./task-mapper.js";
import {
  type AssignMode,
  applyPlan,
  type DueInput,
  type PlanDecision,
  planAcknowledge,
  planAssign,
  planCancel,
  planDone,
  planDueChange,
  planRename,
  planReopen,
  type TaskChangeKind,
  type TaskOutcome,
  type TaskPlan,
  type TaskRefusal,
} from "./task-plans.js";
import { scopedTaskListWhere, type TaskListQuery, taskListOrder, taskListWhere, timeWindows } from "./task-queries.js";
import { fitsOneStatement, insertTask, VersionConflict, writePlanInSteps, writePlanStatement } from "./task-writes.js";
import { recentRowsOf, rowsAfter } from "./undo-history.js";
import { lastUndoableChange, laterChange, peopleToRestore, planUndo, UNDO_WINDOW_MS } from "./undo-plans.js";

export type { AssignMode, DueInput, TaskChangeKind, TaskOutcome, TaskRefusal } from "./task-plans.js";
export type { TaskListFilter, TaskListQuery } from "./task-queries.js";

export interface TaskChange {
  taskId: string;
  channelId: string;
  kind: TaskChangeKind;
}

export interface TaskServiceOptions {
  prisma: PrismaClient;
  /**
   * Called after each committed change (never for a refused or rolled-back one). Errors it throws are logged and
   * swallowed: the change is already saved. The composition root passes the ping scheduler here, so a change
   * re-plans its pings.
   */
  onTaskChanged?: (change: TaskChange) => void | Promise<void>;
  logger?: Logger;
  /** The clock; default `() => new Date()`. */
  now?: () => Date;
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

export interface StatusCounts {
  open: number;
  overdue: number;
  dueThisWeek: number;
  doneThisWeek: number;
  /** Done tasks that had a due date, and of those the ones closed on or before it. */
  doneWithDue: number;
  doneOnTime: number;
}

export interface TaskList {
  tasks: TaskView[];
  /** All matching tasks, when more than `tasks` shows. */
  total: number;
}

/** The people with these ids: from `known` where there, the others read in one query. */
async function peopleByIds(
  db: Prisma.TransactionClient,
  ids: readonly string[],
  known: readonly PersonView[],
): Promise<Map<string, PersonView>> {
  const people = new Map<string, PersonView>();
  for (const person of known) if (ids.includes(person.id)) people.set(person.id, toPersonView(person));
  const missing = [...new Set(ids.filter((id) => !people.has(id)))];
  if (missing.length > 0) {
    const rows = await db.member.findMany({ where: { id: { in: missing } }, select: personSelect });
    for (const row of rows) people.set(row.id, toPersonView(row));
  }
  return people;
}

export type TaskService = ReturnType<typeof createTaskService>;

/** Tasks, their assignees and their history. The only place that writes tasks. */
export function createTaskService(options: TaskServiceOptions) {
  const { prisma, logger } = options;
  const clock = options.now ?? (() => new Date()); // real time only when no clock is given (tests, tools)

  /**
   * Reads a task as a view. Writers never read after their commit: they build the view after the write from what
   * they had in hand (applyPlan, insertTask), so a connection lost right after the commit cannot make a saved change
   * look failed ("try again" → a second task).
   */
  async function loadTask(
    where: Prisma.TaskWhereUniqueInput,
    db: Prisma.TransactionClient = prisma,
  ): Promise<TaskView | null> {
    const row: TaskRow | null = await db.task.findUnique({ where, select: taskSelect });
    if (!row) return null;
    const view = toTaskView(row);
    if (row.closedById && !view.closedBy) {
      const closer = await db.member.findUnique({ where: { id: row.closedById }, select: personSelect });
      return toTaskView(row, closer ? [closer] : []);
    }
    return view;
  }

  async function listWhere(where: Prisma.TaskWhereInput, query: TaskListQuery): Promise<TaskList> {
    const limit = query.limit ?? 50;
    const rows: TaskRow[] = await prisma.task.findMany({
      where,
      select: taskSelect,
      orderBy: taskListOrder(query.filter),
      take: limit + 1,
    });
    const total = rows.length > limit ? await prisma.task.count({ where }) : rows.length;
    return { tasks: rows.slice(0, limit).map((row) => toTaskView(row)), total };
  }

  /** The task a reference names, only if it lives in the reference's channel. */
  async function loadRef(ref: TaskRef): Promise<TaskView | null> {
    const task = ref.taskId
      ? await loadTask({ id: ref.taskId })
      : await loadTask({ channelId_number: { channelId: ref.channelId, number: ref.number } });
    return task && task.channelId === ref.channelId ? task : null;
  }

  async function notify(change: TaskChange): Promise<void> {
    try {
      await options.onTaskChanged?.(change);
    } catch (error) {
      logger?.error({ err: error, taskId: change.taskId, kind: change.kind }, "onTaskChanged failed");
    }
  }

  /** {@link writePlanStatement} for a plan that does not fit one statement, as an interactive transaction. */
  async function writePlanInTransaction(task: TaskView, actorId: string, plan: TaskPlan) {
    try {
      await transactionWithClaim(prisma, (tx) => writePlanInSteps(tx, task, actorId, plan, clock()));
      return "written" as const;
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      return "conflict" as const;
    }
  }

  /** Read, decide, then write conditionally on the version read: of two concurrent changes exactly one wins. */
  async function mutate(
    ref: TaskRef,
    actor: TaskActor,
    decide: (task: TaskView) => PlanDecision,
  ): Promise<TaskWriteResult> {
    const current = await loadRef(ref);
    if (!current) return { ok: false, reason: "not_found", task: null };
    if (ref.expectedVersion !== undefined && ref.expectedVersion !== current.version) {
      return { ok: false, reason: "conflict", task: current };
    }
    const plan = decide(current);
    if ("refuse" in plan) return { ok: false, reason: plan.refuse, task: current };
    // The view after the write is built from what is in hand, not read back: anyone it names beyond the task's
    // people and the actor is read before writing, so nothing is read after the commit (see loadTask).
    const closer = plan.update.closedById;
    const wanted = [...(plan.addAssignees ?? []), ...(closer && closer !== actor.id ? [closer] : [])];
    const people = await peopleByIds(prisma, wanted, plan.addPeople ?? []);
    const written = fitsOneStatement(plan)
      ? await writePlanStatement(prisma, current, actor.id, plan, clock())
      : await writePlanInTransaction(current, actor.id, plan);
    if (written === "conflict") return { ok: false, reason: "conflict", task: await loadTask({ id: current.id }) };
    const task = applyPlan(current, plan, actor, people);
    await notify({ taskId: task.id, channelId: task.channelId, kind: plan.kind });
    return { ok: true, outcome: plan.outcome, task, previous: current };
  }

  return {
    /**
     * Creates a task with the channel's next number, its assignees, its "created" history row and the message's
     * ProcessedEvent claim, all in one statement (see insertTask).
     */
    async createTask(input: CreateTaskInput): Promise<TaskView> {
      const assigneeIds = [...new Set(input.assigneeIds)];
      const people = await peopleByIds(prisma, [input.creatorId, ...assigneeIds], input.people ?? []);
      const created = await insertTask(prisma, input, assigneeIds, clock());
      // The view from what is in hand: no re-read of the new rows (and nothing to read after the commit).
      const task = toTaskView({
        id: created.id,
        channelId: input.channelId,
        number: created.number,
        title: input.title,
        status: "open",
        dueAt: input.due?.dueAt ?? null,
        dueHasTime: input.due?.hasTime ?? false,
        createdAt: created.createdAt,
        closedAt: null,
        closedById: null,
        version: 1,
        creator: people.get(input.creatorId) as PersonView,
        channel: { name: created.channelName },
        // In the order written, as taskSelect reads them back (by position).
        assignees: [...assigneeIds].map((id) => ({
          acknowledgedAt: null,
          doneAt: null,
          member: people.get(id) as PersonView,
        })),
      });
      await notify({ taskId: task.id, channelId: task.channelId, kind: "created" });
      return task;
    },

    /** The task numbered `number` in this channel; null when the channel has none (other channels are invisible). */
    findTask(channelId: string, number: number): Promise<TaskView | null> {
      return loadTask({ channelId_number: { channelId, number } });
    },

    /** A task by its id (for jobs that hold ids, e.g. pings); null when it no longer exists. */
    findTaskById(taskId: string): Promise<TaskView | null> {
      return loadTask({ id: taskId });
    },

    /** The append-only history of a task, oldest first. */
    async getHistory(taskId: string): Promise<TaskEventView[]> {
      const rows = await prisma.taskEvent.findMany({
        where: { taskId },
        select: taskEventSelect,
        orderBy: { id: "asc" },
      });
      return rows.map(toTaskEventView);
    },

    async listTasks(channelId: string, query: TaskListQuery): Promise<TaskList> {
      return listWhere(taskListWhere(channelId, query), query);
    },

    /** A person's own tasks (mine / created) across every channel of the workspace, for a private chat with the bot. */
    async listPersonalTasks(workspaceId: string, query: TaskListQuery): Promise<TaskList> {
      return listWhere(scopedTaskListWhere({ workspaceId, personalOnly: true }, query), query);
    },

    /** Counts for the channel, or for the tasks of one assignee when `memberId` is given. */
    async countStatus(
      channelId: string,
      scope: { memberId?: string; now: Date; timezone: string },
    ): Promise<StatusCounts> {
      const { startOfWeek, endOfWeek } = timeWindows(scope.now, scope.timezone);
      const base: Prisma.TaskWhereInput = scope.memberId
        ? { channelId, assignees: { some: { memberId: scope.memberId } } }
        : { channelId };
      const doneWithDue: Prisma.TaskWhereInput = { ...base, status: "done", dueAt: { not: null } };
      const [open, overdue, dueThisWeek, doneThisWeek, withDue, onTime] = await Promise.all([
        prisma.task.count({ where: { ...base, status: "open" } }),
        prisma.task.count({ where: { ...base, status: "open", dueAt: { lt: scope.now } } }),
        prisma.task.count({ where: { ...base, status: "open", dueAt: { gte: startOfWeek, lte: endOfWeek } } }),
        prisma.task.count({ where: { ...base, status: "done", closedAt: { gte: startOfWeek } } }),
        prisma.task.count({ where: doneWithDue }),
        prisma.task.count({ where: { ...doneWithDue, closedAt: { lte: prisma.task.fields.dueAt } } }),
      ]);
      return { open, overdue, dueThisWeek, doneThisWeek, doneWithDue: withDue, doneOnTime: onTime };
    },

    markDone(ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> {
      const now = clock();
      return mutate(ref, actor, (task) => planDone(task, actor, now));
    },

    reopenTask(ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> {
      return mutate(ref, actor, (task) => planReopen(task, actor));
    },

    cancelTask(ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> {
      const now = clock();
      return mutate(ref, actor, (task) => planCancel(task, actor, now));
    },

    changeDue(ref: TaskRef, actor: TaskActor, due: DueInput | null): Promise<TaskWriteResult> {
      return mutate(ref, actor, (task) => planDueChange(task, actor, due));
    },

    changeAssignees(ref: TaskRef, actor: TaskActor, mode: AssignMode, people: PersonView[]): Promise<TaskWriteResult> {
      return mutate(ref, actor, (task) => planAssign(task, actor, mode, people));
    },

    renameTask(ref: TaskRef, actor: TaskActor, title: string): Promise<TaskWriteResult> {
      return mutate(ref, actor, (task) => planRename(task, actor, title));
    },

    acknowledge(ref: TaskRef, actor: TaskActor): Promise<TaskWriteResult> {
      const now = clock();
      return mutate(ref, actor, (task) => planAcknowledge(task, actor, now));
    },

    /**
     * Takes back the actor's last change in the channel within {@link UNDO_WINDOW_MS} (see undo-plans.ts): written
     * as an "undone" history row, version-checked like any change, and announced to onTaskChanged.
     */
    async undoLastChange(channelId: string, actor: TaskActor): Promise<UndoResult> {
      const now = clock();
      const mine = await recentRowsOf(prisma, channelId, actor.id, new Date(now.getTime() - UNDO_WINDOW_MS));
      const change = lastUndoableChange(mine);
      if (!change) return { ok: false, reason: "nothing_to_undo" };
      const [later, people] = await Promise.all([
        rowsAfter(prisma, change.taskId, change.main.id),
        peopleByIds(prisma, peopleToRestore(change), []),
      ]);
      const blocking = laterChange(change, later);
      const task = await loadTask({ id: change.taskId });
      if (!task) return { ok: false, reason: "not_found", task: null };
      if (blocking) {
        const by = later.find((row) => row.id === blocking.id)?.actor ?? null;
        return { ok: false, reason: "changed_since", task, by };
      }
      const ref = { channelId, number: task.number, expectedVersion: task.version };
      const result = await mutate(ref, actor, (current) => planUndo(current, change, people, now));
      if (!result.ok) return result;
      const undone = toTaskEventView({ ...change.main, actor: toPersonView(actor) });
      const outcome = result.outcome === "withdrawn" ? "withdrawn" : "restored";
      return { ok: true, outcome, task: result.task, previous: result.previous, undone };
    },

    /**
     * Quiets the task's pings until `until` (the assignees, the creator or a manager; open tasks only): sets
     * Task.snoozedUntil with a "snoozed" history row in one version-checked transaction, then the scheduler
     * re-plans (see applySnooze in src/scheduling). Persisted, so a later re-plan keeps the snooze.
     */
    async snooze(ref: TaskRef, actor: TaskActor, until: Date): Promise<SnoozeResult> {
      const current = await loadRef(ref);
      if (!current) return { ok: false, reason: "not_found", task: null };
      if (ref.expectedVersion !== undefined && ref.expectedVersion !== current.version) {
        return { ok: false, reason: "conflict", task: current };
      }
      if (!canChangeTask(current, actor)) return { ok: false, reason: "forbidden", task: current };
      if (current.status !== "open") return { ok: false, reason: "not_open", task: current };
      let task: TaskView;
      try {
        task = await transactionWithClaim(prisma, async (tx) => {
          const { count } = await tx.task.updateMany({
            where: { id: current.id, version: current.version },
            data: { snoozedUntil: until, version: { increment: 1 } },
          });
          if (count !== 1) throw new VersionConflict();
          await tx.taskEvent.create({
            data: {
              taskId: current.id,
              actorId: actor.id,
              action: "snoozed",
              newValue: { until: until.toISOString() },
            },
          });
          // Only the version of the view moves (the snooze is not part of it): no read back.
          return { ...current, version: current.version + 1 };
        });
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        return { ok: false, reason: "conflict", task: await loadTask({ id: current.id }) };
      }
      await notify({ taskId: task.id, channelId: task.channelId, kind: "snoozed" });
      return { ok: true, task, until };
    },
  };
}
