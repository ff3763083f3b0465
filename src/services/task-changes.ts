/**
 * Changing tasks: read, decide (task-plans.ts, undo-plans.ts), write the plan in one statement conditionally on the
 * version read (task-writes.ts), and build the view after the change from what is in hand, never read back.
 */
import type { PersonView, TaskView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { toPersonView, toTaskEventView, toTaskView } from "./task-mapper.js";
import { applyPlan, type PlanDecision } from "./task-plans.js";
import { loadRef, loadTask, peopleByIds } from "./task-reads.js";
import type { CreateTaskInput, TaskActor, TaskChange, TaskRef, TaskWriteResult, UndoResult } from "./task-types.js";
import { insertTask, writePlanStatement } from "./task-writes.js";
import { recentRowsOf, rowsAfter } from "./undo-history.js";
import { lastUndoableChange, laterChange, peopleToRestore, planUndo, UNDO_WINDOW_MS } from "./undo-plans.js";

/** What a change needs: the database, the clock, and the notification of a committed change. */
export interface TaskWriter {
  prisma: PrismaClient;
  clock: () => Date;
  /** Never throws: a failing listener is logged (the change is saved already). */
  notify: (change: TaskChange) => Promise<void>;
}

/** Read, decide, then write conditionally on the version read: of two concurrent changes exactly one wins. */
export async function mutate(
  ctx: TaskWriter,
  ref: TaskRef,
  actor: TaskActor,
  decide: (task: TaskView) => PlanDecision,
): Promise<TaskWriteResult> {
  const current = await loadRef(ctx.prisma, ref);
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
  const people = await peopleByIds(ctx.prisma, wanted, plan.addPeople ?? []);
  const written = await writePlanStatement(ctx.prisma, current, actor.id, plan, ctx.clock());
  if (written === "conflict")
    return { ok: false, reason: "conflict", task: await loadTask(ctx.prisma, { id: current.id }) };
  const task = applyPlan(current, plan, actor, people);
  await ctx.notify({ taskId: task.id, channelId: task.channelId, kind: plan.kind });
  return { ok: true, outcome: plan.outcome, task, previous: current };
}

/**
 * Creates a task with the channel's next number, its assignees, its "created" history row and the message's
 * ProcessedEvent claim, all in one statement (see insertTask).
 */
export async function createTask(ctx: TaskWriter, input: CreateTaskInput): Promise<TaskView> {
  const assigneeIds = [...new Set(input.assigneeIds)];
  const people = await peopleByIds(ctx.prisma, [input.creatorId, ...assigneeIds], input.people ?? []);
  const created = await insertTask(ctx.prisma, input, assigneeIds, ctx.clock());
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
  await ctx.notify({ taskId: task.id, channelId: task.channelId, kind: "created" });
  return task;
}

/**
 * Takes back the actor's last change in the channel within {@link UNDO_WINDOW_MS} (see undo-plans.ts): written
 * as an "undone" history row, version-checked like any change, and announced to onTaskChanged.
 */
export async function undoLastChange(ctx: TaskWriter, channelId: string, actor: TaskActor): Promise<UndoResult> {
  const { prisma } = ctx;
  const now = ctx.clock();
  const mine = await recentRowsOf(prisma, channelId, actor.id, new Date(now.getTime() - UNDO_WINDOW_MS));
  const change = lastUndoableChange(mine);
  if (!change) return { ok: false, reason: "nothing_to_undo" };
  const [later, people] = await Promise.all([
    rowsAfter(prisma, change.taskId, change.main.id),
    peopleByIds(prisma, peopleToRestore(change), []),
  ]);
  const blocking = laterChange(change, later);
  const task = await loadTask(prisma, { id: change.taskId });
  if (!task) return { ok: false, reason: "not_found", task: null };
  if (blocking) {
    const by = later.find((row) => row.id === blocking.id)?.actor ?? null;
    return { ok: false, reason: "changed_since", task, by };
  }
  const ref = { channelId, number: task.number, expectedVersion: task.version };
  const result = await mutate(ctx, ref, actor, (current) => planUndo(current, change, people, now));
  if (!result.ok) return result;
  const undone = toTaskEventView({ ...change.main, actor: toPersonView(actor) });
  const outcome = result.outcome === "withdrawn" ? "withdrawn" : "restored";
  return { ok: true, outcome, task: result.task, previous: result.previous, undone };
}
