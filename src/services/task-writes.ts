/**
 * The task service's writes, as single SQL statements where a plan allows. A statement is atomic on its own, and
 * every statement sent costs the bot far more CPU (Prisma's query planning, a socket write) than PostgreSQL spends on
 * it: a command that wrote through an interactive transaction paid for BEGIN, each write and COMMIT. Each statement
 * here also inserts the message's ProcessedEvent row (see event-claim.ts) and writes nothing else when that row
 * exists already. The rare plan that touches one assignee row twice, or puts a whole set of assignees back (undo), is
 * written step by step inside a transaction instead (writePlanInSteps).
 */
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { closeQuestionCte, DuplicateEventError, type EventClaim, unwrittenClaim } from "./event-claim.js";
import { type DueInput, dueValue, type RestoredAssignee, type TaskPlan } from "./task-plans.js";

/** What a new task is made of (CreateTaskInput of the task service). */
export interface NewTask {
  channelId: string;
  creatorId: string;
  title: string;
  due: DueInput | null;
  sourceRef?: string;
}

/**
 * The claim CTEs every statement starts with: `go` has a row when the statement may write. The claim also ends the
 * question the message closes (see EventClaim.closesQuestion).
 */
function claimPrelude(claim: EventClaim | undefined, at: Date): Prisma.Sql {
  return Prisma.sql`claim AS (
      INSERT INTO "ProcessedEvent" ("platform", "key", "createdAt")
      SELECT ${claim?.platform ?? null}::"Platform", ${claim?.key ?? null}::text, ${at}::timestamptz
      WHERE ${claim !== undefined}::boolean
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), go AS (
      SELECT 1 WHERE NOT ${claim !== undefined}::boolean OR EXISTS (SELECT 1 FROM claim)
    ), ${closeQuestionCte(claim, "go")}`;
}

/**
 * Writes a new task: the channel's next number, the task, its assignees (one assignedAt for all) and its "created"
 * history row. Ids are made here, as Prisma's defaults would; every row is stamped `createdAt`, the app's clock (not
 * the database's, which a test or a demo may not share). Throws DuplicateEventError for a repeated delivery.
 */
export async function insertTask(
  prisma: PrismaClient,
  input: NewTask,
  assigneeIds: readonly string[],
  createdAt: Date,
): Promise<{ id: string; number: number; channelName: string | null; createdAt: Date }> {
  const claim = unwrittenClaim();
  const id = randomUUID();
  const due = input.due;
  const history = JSON.stringify({
    title: input.title,
    due: dueValue(due?.dueAt ?? null, due?.hasTime ?? false),
    assigneeIds,
  });
  const [row] = await prisma.$queryRaw<{ go: boolean; number: number | null; name: string | null }[]>`
    WITH ${claimPrelude(claim, createdAt)}, channel AS (
      UPDATE "Channel" SET "nextTaskNumber" = "nextTaskNumber" + 1, "updatedAt" = ${createdAt}::timestamptz
      WHERE "id" = ${input.channelId}::uuid AND EXISTS (SELECT 1 FROM go)
      RETURNING "nextTaskNumber" - 1 AS "number", "name"
    ), task AS (
      INSERT INTO "Task" ("id", "channelId", "number", "title", "creatorId", "dueAt", "dueHasTime", "dueStart",
        "dueGrain", "status", "version", "sourceRef", "createdAt", "updatedAt")
      SELECT ${id}::uuid, ${input.channelId}::uuid, channel."number", ${input.title}::text,
        ${input.creatorId}::uuid, ${due?.dueAt ?? null}::timestamptz, ${due?.hasTime ?? false}::boolean,
        ${due?.start ?? null}::timestamptz, ${due?.grain ?? null}::text, 'open', 1, ${input.sourceRef ?? null}::text,
        ${createdAt}::timestamptz, ${createdAt}::timestamptz
      FROM channel
      RETURNING "id"
    ), assignees AS (
      INSERT INTO "TaskAssignee" ("taskId", "memberId", "assignedAt", "position")
      SELECT task."id", a.member, ${createdAt}::timestamptz, a.position
      FROM task, unnest(${[...assigneeIds]}::uuid[]) WITH ORDINALITY AS a(member, position)
    ), history AS (
      INSERT INTO "TaskEvent" ("taskId", "actorId", "action", "newValue", "createdAt")
      SELECT task."id", ${input.creatorId}::uuid, 'created', ${history}::jsonb, ${createdAt}::timestamptz FROM task
    )
    SELECT EXISTS (SELECT 1 FROM go) AS "go", (SELECT "number" FROM channel) AS "number",
      (SELECT "name" FROM channel) AS "name"`;
  if (claim && !row?.go) throw new DuplicateEventError(claim);
  if (row?.number === null || row?.number === undefined) throw new Error(`channel ${input.channelId} not found`);
  if (claim) claim.claimed = true;
  return { id, number: row.number, channelName: row.name, createdAt };
}

/**
 * Whether {@link writePlanStatement} can write this plan: no assignee row may be touched twice in one statement
 * (PostgreSQL gives each row one change per statement), which none of the task plans does.
 */
export function fitsOneStatement(plan: TaskPlan): boolean {
  if (plan.restoreAssignees) return false;
  const updated = (plan.assigneeUpdates ?? []).map((u) => u.memberId);
  if (plan.clearAllAssigneesDone && updated.length > 0) return false;
  const touched = [...updated, ...(plan.removeAssignees ?? []), ...(plan.addAssignees ?? [])];
  return new Set(touched).size === touched.length;
}

/** A column of the task that the plan sets (`set` false: left as it is). */
const setting = (value: unknown) => ({ set: value !== undefined, value: value ?? null });

/**
 * Writes a decided change if the task is still at `version`: the task's columns and version, its assignees, and
 * its history rows in order. Returns "written", or "conflict" when the version moved (nothing written but the
 * claim, as the caller would mark the event anyway). Throws DuplicateEventError for a repeated delivery.
 */
export async function writePlanStatement(
  prisma: PrismaClient,
  task: { id: string; version: number },
  actorId: string,
  plan: TaskPlan,
  /** Real time, as the columns' defaults would have it (the service's clock may be frozen). */
  now: Date,
): Promise<"written" | "conflict"> {
  const claim = unwrittenClaim();
  const u = plan.update;
  const [status, closedAt, closedById, title, dueAt, dueHasTime, dueStart, dueGrain, withdrawnAt] = [
    u.status,
    u.closedAt,
    u.closedById,
    u.title,
    u.dueAt,
    u.dueHasTime,
    u.dueStart,
    u.dueGrain,
    u.withdrawnAt,
  ].map(setting) as ReturnType<typeof setting>[];
  const assigneeUpdates = JSON.stringify(
    (plan.assigneeUpdates ?? []).map((a) => ({
      member: a.memberId,
      set_ack: a.acknowledgedAt !== undefined,
      ack: a.acknowledgedAt ?? null,
      set_done: a.doneAt !== undefined,
      done: a.doneAt ?? null,
    })),
  );
  // JSON null and a missing value both become SQL NULL, as Prisma writes an undefined Json field.
  const events = JSON.stringify(
    plan.events.map((e, i) => ({ i, action: e.action, old: e.oldValue ?? null, new: e.newValue ?? null })),
  );
  const [row] = await prisma.$queryRaw<{ go: boolean; written: boolean }[]>`
    WITH ${claimPrelude(claim, now)}, task AS (
      UPDATE "Task" SET
        "status" = CASE WHEN ${status?.set}::boolean THEN ${status?.value}::text::"TaskStatus" ELSE "status" END,
        "closedAt" = CASE WHEN ${closedAt?.set}::boolean THEN ${closedAt?.value}::timestamptz ELSE "closedAt" END,
        "closedById" = CASE WHEN ${closedById?.set}::boolean THEN ${closedById?.value}::uuid ELSE "closedById" END,
        "title" = CASE WHEN ${title?.set}::boolean THEN ${title?.value}::text ELSE "title" END,
        "dueAt" = CASE WHEN ${dueAt?.set}::boolean THEN ${dueAt?.value}::timestamptz ELSE "dueAt" END,
        "dueHasTime" = CASE WHEN ${dueHasTime?.set}::boolean THEN ${dueHasTime?.value}::boolean ELSE "dueHasTime" END,
        "dueStart" = CASE WHEN ${dueStart?.set}::boolean THEN ${dueStart?.value}::timestamptz ELSE "dueStart" END,
        "dueGrain" = CASE WHEN ${dueGrain?.set}::boolean THEN ${dueGrain?.value}::text ELSE "dueGrain" END,
        "withdrawnAt" = CASE WHEN ${withdrawnAt?.set}::boolean THEN ${withdrawnAt?.value}::timestamptz
          ELSE "withdrawnAt" END,
        "version" = "version" + 1,
        "updatedAt" = ${now}::timestamptz
      WHERE "id" = ${task.id}::uuid AND "version" = ${task.version}::int AND EXISTS (SELECT 1 FROM go)
      RETURNING "id"
    ), cleared AS (
      UPDATE "TaskAssignee" SET "doneAt" = NULL
      WHERE ${plan.clearAllAssigneesDone === true}::boolean AND "taskId" IN (SELECT "id" FROM task)
    ), updated AS (
      UPDATE "TaskAssignee" AS a SET
        "acknowledgedAt" = CASE WHEN u.set_ack THEN u.ack ELSE a."acknowledgedAt" END,
        "doneAt" = CASE WHEN u.set_done THEN u.done ELSE a."doneAt" END
      FROM jsonb_to_recordset(${assigneeUpdates}::jsonb)
        AS u(member uuid, set_ack boolean, ack timestamptz, set_done boolean, done timestamptz)
      WHERE a."taskId" IN (SELECT "id" FROM task) AND a."memberId" = u.member
    ), removed AS (
      DELETE FROM "TaskAssignee"
      WHERE "taskId" IN (SELECT "id" FROM task) AND "memberId" = ANY(${plan.removeAssignees ?? []}::uuid[])
    ), added AS (
      INSERT INTO "TaskAssignee" ("taskId", "memberId", "assignedAt", "position")
      SELECT task."id", a.member, ${now}::timestamptz,
        (SELECT COALESCE(MAX(p."position"), 0) FROM "TaskAssignee" p WHERE p."taskId" = task."id") + a.position
      FROM task, unnest(${plan.addAssignees ?? []}::uuid[]) WITH ORDINALITY AS a(member, position)
    ), history AS (
      INSERT INTO "TaskEvent" ("taskId", "actorId", "action", "oldValue", "newValue", "createdAt")
      SELECT task."id", ${actorId}::uuid, e.action, NULLIF(e.old, 'null'::jsonb), NULLIF(e.new, 'null'::jsonb),
        ${now}::timestamptz
      FROM task, jsonb_to_recordset(${events}::jsonb) AS e(i int, action text, old jsonb, new jsonb)
      ORDER BY e.i
    )
    SELECT EXISTS (SELECT 1 FROM go) AS "go", EXISTS (SELECT 1 FROM task) AS "written"`;
  if (claim && !row?.go) throw new DuplicateEventError(claim);
  if (claim) claim.claimed = true;
  return row?.written ? "written" : "conflict";
}

/** Puts a task's assignees back as they were (undo): the same people in the same order, each with their own marks. */
async function restoreAssignees(
  tx: Prisma.TransactionClient,
  taskId: string,
  restored: readonly RestoredAssignee[],
  now: Date,
): Promise<void> {
  await tx.taskAssignee.deleteMany({ where: { taskId, memberId: { notIn: restored.map((a) => a.id) } } });
  for (const [index, a] of restored.entries()) {
    const marks = { position: index + 1, acknowledgedAt: a.acknowledgedAt, doneAt: a.doneAt };
    await tx.taskAssignee.upsert({
      where: { taskId_memberId: { taskId, memberId: a.id } },
      create: { taskId, memberId: a.id, assignedAt: now, ...marks },
      update: marks,
    });
  }
}

/** Thrown inside the transaction when the task's version moved: rolls the whole change back. */
export class VersionConflict extends Error {}

/**
 * {@link writePlanStatement} step by step inside the caller's transaction, for a plan that does not fit one statement.
 * Throws {@link VersionConflict} when the task's version moved (the transaction then rolls back).
 */
export async function writePlanInSteps(
  tx: Prisma.TransactionClient,
  task: { id: string; version: number },
  actorId: string,
  plan: TaskPlan,
  now: Date,
): Promise<void> {
  const { count } = await tx.task.updateMany({
    where: { id: task.id, version: task.version },
    data: { ...plan.update, version: { increment: 1 } },
  });
  if (count !== 1) throw new VersionConflict();
  if (plan.clearAllAssigneesDone) {
    await tx.taskAssignee.updateMany({ where: { taskId: task.id }, data: { doneAt: null } });
  }
  for (const { memberId, ...data } of plan.assigneeUpdates ?? []) {
    await tx.taskAssignee.update({ where: { taskId_memberId: { taskId: task.id, memberId } }, data });
  }
  if (plan.removeAssignees?.length) {
    await tx.taskAssignee.deleteMany({ where: { taskId: task.id, memberId: { in: plan.removeAssignees } } });
  }
  if (plan.restoreAssignees) await restoreAssignees(tx, task.id, plan.restoreAssignees, now);
  if (plan.addAssignees?.length) {
    const last = await tx.taskAssignee.aggregate({ where: { taskId: task.id }, _max: { position: true } });
    const after = last._max.position ?? 0;
    await tx.taskAssignee.createMany({
      data: plan.addAssignees.map((memberId, i) => ({
        taskId: task.id,
        memberId,
        assignedAt: now,
        position: after + i + 1,
      })),
    });
  }
  await tx.taskEvent.createMany({
    data: plan.events.map((event) => ({
      taskId: task.id,
      actorId,
      action: event.action,
      oldValue: (event.oldValue ?? undefined) as Prisma.InputJsonValue | undefined,
      newValue: (event.newValue ?? undefined) as Prisma.InputJsonValue | undefined,
      createdAt: now,
    })),
  });
}
