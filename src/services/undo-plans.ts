/**
 * "hoàn tác" / "undo", decided as data: which change of a person is the last one still to undo, and the plan that
 * puts the task back as it was before it. Pure; the task service reads the history and writes the plan.
 *
 * What a change is: the history rows one command wrote for one task (a finished last part writes two, the part and
 * the closing, and the closing names the part). Each row's old value says what it replaced, so the plan restores
 * exactly that: a new task is withdrawn (cancelled, out of every list and count, its number kept), a deadline, a
 * title, assignees (each with their own marks), a closing, a cancelling, a reopening or an acknowledgement go back.
 * Undoing again takes back the change before that one, newest first; an undo itself is never undone (no redo).
 */
import type { AssigneeView, PersonView, TaskView } from "../core/task-view.js";
import type { PlanDecision, RestoredAssignee, TaskEventPlan, TaskPlan } from "./task-plans.js";

/** How long a change can still be undone: 10 minutes, by the app's clock. */
export const UNDO_WINDOW_MS = 10 * 60_000;

/** A history row as undo reads it. */
export interface HistoryRow {
  id: bigint;
  taskId: string;
  action: string;
  actorId: string | null;
  oldValue: unknown;
  newValue: unknown;
  createdAt: Date;
}

/** The rows of one change, oldest first; `main` is the last (the one that says what the change was). */
export interface UndoableChange {
  taskId: string;
  rows: HistoryRow[];
  main: HistoryRow;
}

const UNDOABLE = new Set([
  "created",
  "closed",
  "assignee_done",
  "reopened",
  "cancelled",
  "due_changed",
  "assignees_changed",
  "renamed",
  "acknowledged",
]);

/** The history rows an undo row took back (its newValue lists their ids). */
export function undoneIds(rows: readonly HistoryRow[]): Set<bigint> {
  const ids = new Set<bigint>();
  for (const row of rows) {
    if (row.action !== "undone") continue;
    const events = (row.newValue as { events?: unknown } | null)?.events;
    if (Array.isArray(events)) for (const id of events) ids.add(BigInt(String(id)));
  }
  return ids;
}

const personIdOf = (value: unknown): string | undefined => (value as { id?: unknown } | null)?.id as string | undefined;

/**
 * The newest change in `rows` (one person's rows, newest first) that is not undone yet. A closing that names the
 * last part ({ lastPart }) takes that person's "assignee_done" row of the same task with it.
 */
export function lastUndoableChange(rows: readonly HistoryRow[]): UndoableChange | null {
  const undone = undoneIds(rows);
  const main = rows.find((row) => UNDOABLE.has(row.action) && !undone.has(row.id));
  if (!main) return null;
  const lastPart = personIdOf((main.oldValue as { lastPart?: unknown } | null)?.lastPart);
  const part =
    main.action === "closed" && lastPart
      ? rows.find(
          (row) =>
            row.id < main.id &&
            row.taskId === main.taskId &&
            row.action === "assignee_done" &&
            personIdOf(row.newValue) === lastPart,
        )
      : undefined;
  return { taskId: main.taskId, rows: part ? [part, main] : [main], main };
}

/** The first row written on the task after the change that still stands (not undone, not an undo, not a snooze). */
export function laterChange(change: UndoableChange, taskRows: readonly HistoryRow[]): HistoryRow | undefined {
  const undone = undoneIds(taskRows);
  return taskRows.find(
    (row) => row.id > change.main.id && !undone.has(row.id) && row.action !== "undone" && row.action !== "snoozed",
  );
}

/** People whose view an undo of this change needs (assignees it puts back). */
export function peopleToRestore(change: UndoableChange): string[] {
  if (change.main.action !== "assignees_changed" || !Array.isArray(change.main.oldValue)) return [];
  return change.main.oldValue.flatMap((p) => (personIdOf(p) ? [personIdOf(p) as string] : []));
}

type InversePart = Pick<TaskPlan, "update" | "assigneeUpdates" | "restoreAssignees">;

const date = (value: unknown): Date | null => (typeof value === "string" ? new Date(value) : null);
const reopenAll: InversePart["update"] = { status: "open", closedAt: null, closedById: null };

/** The inverse of one history row, for the task as it is now. */
function inverseOf(row: HistoryRow, task: TaskView, people: ReadonlyMap<string, PersonView>, now: Date): InversePart {
  const old = row.oldValue as Record<string, unknown> | string | null;
  switch (row.action) {
    case "created":
      return { update: { status: "cancelled", closedAt: now, closedById: row.actorId, withdrawnAt: now } };
    case "closed": {
      const lastPart = personIdOf((old as { lastPart?: unknown } | null)?.lastPart);
      return { update: reopenAll, assigneeUpdates: lastPart ? [{ memberId: lastPart, doneAt: null }] : [] };
    }
    case "assignee_done":
      return { update: {}, assigneeUpdates: [{ memberId: personIdOf(row.newValue) ?? "", doneAt: null }] };
    case "acknowledged":
      return { update: {}, assigneeUpdates: [{ memberId: personIdOf(row.newValue) ?? "", acknowledgedAt: null }] };
    case "cancelled":
      return { update: reopenAll };
    case "reopened":
      return inverseOfReopen(row, task);
    case "due_changed": {
      const due = old as { dueAt?: string; hasTime?: boolean } | null;
      const dueAt = date(due?.dueAt);
      return { update: { dueAt, dueHasTime: dueAt ? (due?.hasTime ?? false) : false, dueStart: null, dueGrain: null } };
    }
    case "renamed":
      return { update: { title: String(old) } };
    case "assignees_changed":
      return { update: {}, restoreAssignees: assigneesBefore(row, task, people) };
    default:
      return { update: {} };
  }
}

/** A reopening cleared the closing and every part done: both come back (rows before this version lack them). */
function inverseOfReopen(row: HistoryRow, task: TaskView): InversePart {
  const old = row.oldValue;
  if (typeof old === "string") {
    return {
      update: { status: old === "done" ? "done" : "cancelled", closedAt: row.createdAt, closedById: row.actorId },
    };
  }
  const closed = old as { status?: string; closedAt?: string; closedById?: string | null; doneAt?: unknown } | null;
  const doneAt = Array.isArray(closed?.doneAt) ? (closed.doneAt as { id: string; at: string }[]) : [];
  const current = new Set(task.assignees.map((a) => a.id));
  return {
    update: {
      status: closed?.status === "done" ? "done" : "cancelled",
      closedAt: date(closed?.closedAt) ?? row.createdAt,
      closedById: closed?.closedById ?? row.actorId,
    },
    assigneeUpdates: doneAt.filter((d) => current.has(d.id)).map((d) => ({ memberId: d.id, doneAt: new Date(d.at) })),
  };
}

/** The assignees before a change of assignees: those still there keep their marks, those removed get theirs back. */
function assigneesBefore(row: HistoryRow, task: TaskView, people: ReadonlyMap<string, PersonView>): RestoredAssignee[] {
  const stored = Array.isArray(row.oldValue) ? row.oldValue : [];
  const current = new Map(task.assignees.map((a): [string, AssigneeView] => [a.id, a]));
  return stored.flatMap((value) => {
    const p = value as { id?: string; name?: string; acknowledgedAt?: string; doneAt?: string };
    if (!p.id) return [];
    const now = current.get(p.id);
    if (now) return [now];
    const person = people.get(p.id) ?? { id: p.id, externalId: null, displayName: p.name ?? "" };
    return [{ ...person, acknowledgedAt: date(p.acknowledgedAt), doneAt: date(p.doneAt) }];
  });
}

/** Merges the inverses of a change's rows, newest first, so an older row's value wins where two touch one field. */
function merge(parts: InversePart[]): InversePart {
  const update: InversePart["update"] = {};
  const byMember = new Map<string, NonNullable<InversePart["assigneeUpdates"]>[number]>();
  let restore: RestoredAssignee[] | undefined;
  for (const part of parts) {
    Object.assign(update, part.update);
    for (const u of part.assigneeUpdates ?? []) byMember.set(u.memberId, { ...byMember.get(u.memberId), ...u });
    restore = part.restoreAssignees ?? restore;
  }
  return { update, assigneeUpdates: [...byMember.values()], ...(restore ? { restoreAssignees: restore } : {}) };
}

/** The plan that takes `change` back on `task` (as it is now: nobody changed it since, see laterChange). */
export function planUndo(
  task: TaskView,
  change: UndoableChange,
  people: ReadonlyMap<string, PersonView>,
  now: Date,
): PlanDecision {
  if (change.main.action === "created" && (task.status !== "open" || task.withdrawn)) return { refuse: "not_open" };
  const parts = [...change.rows].reverse().map((row) => inverseOf(row, task, people, now));
  const merged = merge(parts);
  const event: TaskEventPlan = {
    action: "undone",
    newValue: {
      events: change.rows.map((row) => row.id.toString()),
      action: change.main.action,
      old: change.main.oldValue ?? null,
      new: change.main.newValue ?? null,
    },
  };
  return {
    kind: "undone",
    outcome: change.main.action === "created" ? "withdrawn" : "restored",
    ...merged,
    events: [event],
  };
}
