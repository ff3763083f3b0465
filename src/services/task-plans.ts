import type { Actor } from "../core/handler.js";
import { canChangeTask, canCloseWholeTask, isAssignee } from "../core/permissions.js";
import type { AssigneeView, PersonView, TaskView } from "../core/task-view.js";

/** What kind of change happened, as the change notification (pings, summaries) sees it. */
export type TaskChangeKind =
  | "created"
  | "due_changed"
  | "assignees_changed"
  | "closed"
  | "reopened"
  | "cancelled"
  | "renamed"
  | "acknowledged"
  | "progress"
  /** Only the task's pings moved (Slack's snooze). */
  | "snoozed"
  /** A person took back their last change ("hoàn tác"): anything of the task may have moved back. */
  | "undone";

/** Why a change was not made. Nothing is written in any of these cases. */
export type TaskRefusal =
  | "not_found"
  | "forbidden"
  | "conflict"
  | "not_assignee"
  | "already_closed"
  | "already_open"
  | "already_acknowledged"
  | "already_done_by_you"
  | "not_open"
  | "no_change"
  /** The task was taken back by its creator's undo: it cannot be reopened. */
  | "withdrawn";

/** What the handler tells the user after a successful change. */
export type TaskOutcome =
  | "closed"
  | "part_done"
  | "all_finished"
  | "reopened"
  | "cancelled"
  | "due_changed"
  | "assignees_changed"
  | "renamed"
  | "acknowledged"
  /** A new task taken back by undo. */
  | "withdrawn"
  /** A change taken back by undo. */
  | "restored"
  /** The task's pings quieted until a time (snooze). */
  | "snoozed";

export interface DueInput {
  dueAt: Date;
  hasTime: boolean;
  /** The period the phrase named, kept for display and reports. */
  start?: Date;
  grain?: string;
}

export interface TaskEventPlan {
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
}

/** A decided change, written by the task service in one version-checked transaction. */
export interface TaskPlan {
  kind: TaskChangeKind;
  outcome: TaskOutcome;
  update: {
    status?: "open" | "done" | "cancelled";
    closedAt?: Date | null;
    closedById?: string | null;
    title?: string;
    dueAt?: Date | null;
    dueHasTime?: boolean;
    dueStart?: Date | null;
    dueGrain?: string | null;
    withdrawnAt?: Date;
    /** No ping before this instant (see applySnooze in src/scheduling); not part of the view. */
    snoozedUntil?: Date;
  };
  /** Per-assignee fields to set. */
  assigneeUpdates?: { memberId: string; acknowledgedAt?: Date | null; doneAt?: Date | null }[];
  clearAllAssigneesDone?: boolean;
  addAssignees?: string[];
  /** The people of `addAssignees`, as the caller knows them (for the view after the change). */
  addPeople?: PersonView[];
  removeAssignees?: string[];
  /**
   * The whole set of assignees to put back, in order, with their own acknowledgement and completion (undo of a
   * change of assignees): replaces every assignee row of the task.
   */
  restoreAssignees?: RestoredAssignee[];
  events: TaskEventPlan[];
}

export interface RestoredAssignee extends PersonView {
  acknowledgedAt: Date | null;
  doneAt: Date | null;
}

export type PlanDecision = TaskPlan | { refuse: TaskRefusal };

type PlanActor = Pick<Actor, "id" | "isManager" | "displayName" | "externalId">;

const personValue = (p: PersonView) => ({ id: p.id, name: p.displayName });
/** An assignee as history keeps them: who, and (for an undo) where they stood. */
const assigneeValue = (a: AssigneeView) => ({
  ...personValue(a),
  ...(a.acknowledgedAt ? { acknowledgedAt: a.acknowledgedAt.toISOString() } : {}),
  ...(a.doneAt ? { doneAt: a.doneAt.toISOString() } : {}),
});
export const dueValue = (dueAt: Date | null, hasTime: boolean) =>
  dueAt ? { dueAt: dueAt.toISOString(), hasTime } : null;

function refuseUnlessChangeable(task: TaskView, actor: PlanActor): { refuse: TaskRefusal } | null {
  if (!canChangeTask(task, actor)) return { refuse: "forbidden" };
  if (task.status !== "open") return { refuse: "not_open" };
  return null;
}

/** done: an assignee finishes their part; the creator or a manager closes the whole task. */
export function planDone(task: TaskView, actor: PlanActor, now: Date): PlanDecision {
  if (!canChangeTask(task, actor)) return { refuse: "forbidden" };
  if (task.status !== "open") return { refuse: "already_closed" };
  const close = { status: "done" as const, closedAt: now, closedById: actor.id };
  const closedEvent = { action: "closed", oldValue: "open", newValue: "done" };
  if (canCloseWholeTask(task, actor)) {
    return { kind: "closed", outcome: "closed", update: close, events: [closedEvent] };
  }
  const mine = task.assignees.find((a) => a.id === actor.id);
  if (!mine) return { refuse: "forbidden" };
  if (mine.doneAt) return { refuse: "already_done_by_you" };
  const partEvent = { action: "assignee_done", newValue: personValue(mine) };
  const assigneeUpdates = [{ memberId: actor.id, doneAt: now }];
  const othersFinished = task.assignees.every((a) => a.id === actor.id || a.doneAt !== null);
  if (othersFinished) {
    // The closing names the part that finished it, so an undo of this change takes both back.
    const lastPartClosed = { ...closedEvent, oldValue: { status: "open", lastPart: personValue(mine) } };
    return {
      kind: "closed",
      outcome: "all_finished",
      update: close,
      assigneeUpdates,
      events: [partEvent, lastPartClosed],
    };
  }
  return { kind: "progress", outcome: "part_done", update: {}, assigneeUpdates, events: [partEvent] };
}

export function planReopen(task: TaskView, actor: PlanActor): PlanDecision {
  if (!canChangeTask(task, actor)) return { refuse: "forbidden" };
  if (task.status === "open") return { refuse: "already_open" };
  if (task.withdrawn) return { refuse: "withdrawn" };
  // What the reopening clears, so an undo can put it back.
  const closed = {
    status: task.status,
    closedAt: task.closedAt?.toISOString() ?? null,
    closedById: task.closedBy?.id ?? null,
    doneAt: task.assignees.flatMap((a) => (a.doneAt ? [{ id: a.id, at: a.doneAt.toISOString() }] : [])),
  };
  return {
    kind: "reopened",
    outcome: "reopened",
    update: { status: "open", closedAt: null, closedById: null },
    clearAllAssigneesDone: true,
    events: [{ action: "reopened", oldValue: closed, newValue: "open" }],
  };
}

export function planCancel(task: TaskView, actor: PlanActor, now: Date): PlanDecision {
  const refusal = refuseUnlessChangeable(task, actor);
  if (refusal) return refusal;
  return {
    kind: "cancelled",
    outcome: "cancelled",
    update: { status: "cancelled", closedAt: now, closedById: actor.id },
    events: [{ action: "cancelled", oldValue: "open", newValue: "cancelled" }],
  };
}

export function planDueChange(task: TaskView, actor: PlanActor, due: DueInput | null): PlanDecision {
  const refusal = refuseUnlessChangeable(task, actor);
  if (refusal) return refusal;
  const same = due
    ? task.dueAt?.getTime() === due.dueAt.getTime() && task.dueHasTime === due.hasTime
    : task.dueAt === null;
  if (same) return { refuse: "no_change" };
  return {
    kind: "due_changed",
    outcome: "due_changed",
    update: {
      dueAt: due?.dueAt ?? null,
      dueHasTime: due?.hasTime ?? false,
      dueStart: due?.start ?? null,
      dueGrain: due?.grain ?? null,
    },
    events: [
      {
        action: "due_changed",
        oldValue: dueValue(task.dueAt, task.dueHasTime),
        newValue: due ? dueValue(due.dueAt, due.hasTime) : null,
      },
    ],
  };
}

export type AssignMode = "replace" | "add" | "remove";

export function planAssign(task: TaskView, actor: PlanActor, mode: AssignMode, people: PersonView[]): PlanDecision {
  const refusal = refuseUnlessChangeable(task, actor);
  if (refusal) return refusal;
  const current = new Map(task.assignees.map((a): [string, PersonView] => [a.id, a]));
  const next = new Map(mode === "replace" ? [] : current);
  for (const person of people) {
    if (mode === "remove") next.delete(person.id);
    else next.set(person.id, person);
  }
  const addAssignees = [...next.keys()].filter((id) => !current.has(id));
  const removeAssignees = [...current.keys()].filter((id) => !next.has(id));
  if (addAssignees.length === 0 && removeAssignees.length === 0) return { refuse: "no_change" };
  return {
    kind: "assignees_changed",
    outcome: "assignees_changed",
    update: {},
    addAssignees,
    addPeople: addAssignees.map((id) => next.get(id) as PersonView),
    removeAssignees,
    events: [
      {
        action: "assignees_changed",
        oldValue: task.assignees.map(assigneeValue),
        newValue: [...next.values()].map(personValue),
      },
    ],
  };
}

export function planRename(task: TaskView, actor: PlanActor, title: string): PlanDecision {
  const refusal = refuseUnlessChangeable(task, actor);
  if (refusal) return refusal;
  if (task.title === title) return { refuse: "no_change" };
  return {
    kind: "renamed",
    outcome: "renamed",
    update: { title },
    events: [{ action: "renamed", oldValue: task.title, newValue: title }],
  };
}

/** ack: each assignee for themself; anyone else is politely refused. */
export function planAcknowledge(task: TaskView, actor: PlanActor, now: Date): PlanDecision {
  if (!isAssignee(task, actor.id)) return { refuse: "not_assignee" };
  if (task.status !== "open") return { refuse: "not_open" };
  const mine = task.assignees.find((a) => a.id === actor.id);
  if (mine?.acknowledgedAt) return { refuse: "already_acknowledged" };
  return {
    kind: "acknowledged",
    outcome: "acknowledged",
    update: {},
    assigneeUpdates: [{ memberId: actor.id, acknowledgedAt: now }],
    events: [{ action: "acknowledged", newValue: { id: actor.id, name: actor.displayName } }],
  };
}

/**
 * snooze: the task's pings wait until `until` (the assignees, the creator or a manager; open tasks only). Only the
 * version of the view moves: the snooze is not part of it.
 */
export function planSnooze(task: TaskView, actor: PlanActor, until: Date): PlanDecision {
  const refusal = refuseUnlessChangeable(task, actor);
  if (refusal) return refusal;
  return {
    kind: "snoozed",
    outcome: "snoozed",
    update: { snoozedUntil: until },
    events: [{ action: "snoozed", newValue: { until: until.toISOString() } }],
  };
}

/**
 * The task as it is once `plan` is written: what a read after the write would return, built from the task read
 * before it, the plan and the people in hand: added assignees follow the others in the order the plan names them,
 * as reads order them (by position); `people` the added assignees.
 */
export function applyPlan(task: TaskView, plan: TaskPlan, actor: PersonView, people: ReadonlyMap<string, PersonView>) {
  const { update } = plan;
  const removed = new Set(plan.removeAssignees ?? []);
  const updates = new Map((plan.assigneeUpdates ?? []).map(({ memberId, ...fields }) => [memberId, fields]));
  const kept: AssigneeView[] = (plan.restoreAssignees ?? task.assignees)
    .filter((a) => !removed.has(a.id))
    .map((a) => ({ ...a, ...(plan.clearAllAssigneesDone ? { doneAt: null } : {}), ...updates.get(a.id) }));
  const added: AssigneeView[] = (plan.addAssignees ?? []).map((id) => ({
    ...(people.get(id) as PersonView),
    acknowledgedAt: null,
    doneAt: null,
  }));
  const closedBy =
    update.closedById === undefined
      ? task.closedBy
      : update.closedById === null
        ? null
        : update.closedById === actor.id
          ? personOf(actor)
          : (people.get(update.closedById) ?? null);
  const next: TaskView = {
    ...task,
    ...(update.status !== undefined ? { status: update.status } : {}),
    ...(update.closedAt !== undefined ? { closedAt: update.closedAt } : {}),
    ...(update.title !== undefined ? { title: update.title } : {}),
    ...(update.dueAt !== undefined ? { dueAt: update.dueAt } : {}),
    ...(update.dueHasTime !== undefined ? { dueHasTime: update.dueHasTime } : {}),
    assignees: [...kept, ...added],
    closedBy,
    version: task.version + 1,
    ...(update.withdrawnAt ? { withdrawn: true } : {}),
  };
  return next;
}

const personOf = (p: PersonView): PersonView => ({ id: p.id, externalId: p.externalId, displayName: p.displayName });
