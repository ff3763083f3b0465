import type { AssigneeView, PersonView, TaskEventView, TaskView } from "../core/task-view.js";
import type { Prisma } from "../generated/prisma/client.js";

/** The columns of a member that views need; used by every query that returns people. */
export const personSelect = { id: true, externalId: true, displayName: true } as const;

/** The columns a {@link TaskView} is built from. */
export const taskSelect = {
  id: true,
  channelId: true,
  number: true,
  title: true,
  status: true,
  dueAt: true,
  dueHasTime: true,
  createdAt: true,
  closedAt: true,
  version: true,
  withdrawnAt: true,
  creator: { select: personSelect },
  channel: { select: { name: true } },
  closedById: true,
  assignees: {
    select: { acknowledgedAt: true, doneAt: true, assignedAt: true, member: { select: personSelect } },
    orderBy: [{ position: "asc" }, { memberId: "asc" }] as Prisma.TaskAssigneeOrderByWithRelationInput[],
  },
} as const satisfies Prisma.TaskSelect;

interface PersonRow {
  id: string;
  externalId: string | null;
  displayName: string;
}

export interface TaskRow {
  id: string;
  channelId: string;
  number: number;
  title: string;
  status: "open" | "done" | "cancelled";
  dueAt: Date | null;
  dueHasTime: boolean;
  createdAt: Date;
  closedAt: Date | null;
  closedById: string | null;
  version: number;
  withdrawnAt?: Date | null;
  creator: PersonRow;
  channel?: { name: string | null };
  assignees: { acknowledgedAt: Date | null; doneAt: Date | null; member: PersonRow }[];
}

export function toPersonView(row: PersonRow): PersonView {
  return { id: row.id, externalId: row.externalId, displayName: row.displayName };
}

/**
 * Builds the plain view. `closedBy` is resolved from the people already loaded (creator, assignees) or from
 * `extraPeople`, so no second query is needed in the usual case where one of them closed the task.
 */
export function toTaskView(row: TaskRow, extraPeople: PersonRow[] = []): TaskView {
  const assignees: AssigneeView[] = row.assignees.map((a) => ({
    ...toPersonView(a.member),
    acknowledgedAt: a.acknowledgedAt,
    doneAt: a.doneAt,
  }));
  const known = [row.creator, ...row.assignees.map((a) => a.member), ...extraPeople];
  const closer = row.closedById ? known.find((p) => p.id === row.closedById) : undefined;
  return {
    id: row.id,
    channelId: row.channelId,
    number: row.number,
    title: row.title,
    status: row.status,
    dueAt: row.dueAt,
    dueHasTime: row.dueHasTime,
    creator: toPersonView(row.creator),
    assignees,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    closedBy: closer ? toPersonView(closer) : null,
    version: row.version,
    ...(row.withdrawnAt ? { withdrawn: true } : {}),
    ...(row.channel ? { channelName: row.channel.name } : {}),
  };
}

export const taskEventSelect = {
  id: true,
  action: true,
  oldValue: true,
  newValue: true,
  createdAt: true,
  actor: { select: personSelect },
} as const;

export function toTaskEventView(row: {
  id: bigint;
  action: string;
  oldValue: unknown;
  newValue: unknown;
  createdAt: Date;
  actor: PersonRow | null;
}): TaskEventView {
  return {
    id: row.id.toString(),
    action: row.action,
    actor: row.actor ? toPersonView(row.actor) : null,
    oldValue: row.oldValue,
    newValue: row.newValue,
    createdAt: row.createdAt,
  };
}
