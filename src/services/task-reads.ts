/**
 * Reading tasks as views: one task (by number or id, never across channels), lists, counts and history, and the
 * people a change names. Plain objects out.
 */
import type { PersonView, TaskEventView, TaskView } from "../core/task-view.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import {
  personSelect,
  type TaskRow,
  taskEventSelect,
  taskSelect,
  toPersonView,
  toTaskEventView,
  toTaskView,
} from "./task-mapper.js";
import { type TaskListQuery, taskListOrder, timeWindows } from "./task-queries.js";
import type { StatusCounts, TaskList, TaskRef } from "./task-types.js";

/** The people with these ids: from `known` where there, the others read in one query. */
export async function peopleByIds(
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

/**
 * Reads a task as a view. Writers never read after their commit: they build the view after the write from what
 * they had in hand (applyPlan, insertTask), so a connection lost right after the commit cannot make a saved change
 * look failed ("try again" → a second task).
 */
export async function loadTask(
  db: Prisma.TransactionClient,
  where: Prisma.TaskWhereUniqueInput,
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

/** One page of the tasks `where` selects, in the list's order, with the count of all when there are more. */
export async function listWhere(
  prisma: PrismaClient,
  where: Prisma.TaskWhereInput,
  query: TaskListQuery,
): Promise<TaskList> {
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
export async function loadRef(prisma: PrismaClient, ref: TaskRef): Promise<TaskView | null> {
  const task = ref.taskId
    ? await loadTask(prisma, { id: ref.taskId })
    : await loadTask(prisma, { channelId_number: { channelId: ref.channelId, number: ref.number } });
  return task && task.channelId === ref.channelId ? task : null;
}

/** The append-only history of a task, oldest first. */
export async function getHistory(prisma: PrismaClient, taskId: string): Promise<TaskEventView[]> {
  const rows = await prisma.taskEvent.findMany({
    where: { taskId },
    select: taskEventSelect,
    orderBy: { id: "asc" },
  });
  return rows.map(toTaskEventView);
}

/**
 * Counts for the channel, or for the tasks of one assignee when `memberId` is given: one statement (each figure a
 * FILTER over the channel's tasks) rather than a round trip per figure.
 */
export async function countStatus(
  prisma: PrismaClient,
  channelId: string,
  scope: { memberId?: string; now: Date; timezone: string },
): Promise<StatusCounts> {
  const { startOfWeek, endOfWeek } = timeWindows(scope.now, scope.timezone);
  const assigned = scope.memberId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "TaskAssignee" a WHERE a."taskId" = t.id AND a."memberId" = ${scope.memberId}::uuid)`
    : Prisma.empty;
  const [row] = await prisma.$queryRaw<StatusCounts[]>`
    SELECT
      count(*) FILTER (WHERE t.status = 'open')::int AS open,
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" < ${scope.now})::int AS overdue,
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" >= ${startOfWeek} AND t."dueAt" <= ${endOfWeek})::int
        AS "dueThisWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."closedAt" >= ${startOfWeek})::int AS "doneThisWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."dueAt" IS NOT NULL)::int AS "doneWithDue",
      count(*) FILTER (WHERE t.status = 'done' AND t."dueAt" IS NOT NULL AND t."closedAt" <= t."dueAt")::int
        AS "doneOnTime"
    FROM "Task" t
    WHERE t."channelId" = ${channelId}::uuid ${assigned}`;
  return row ?? { open: 0, overdue: 0, dueThisWeek: 0, doneThisWeek: 0, doneWithDue: 0, doneOnTime: 0 };
}
