/**
 * The task service's writes, each one SQL statement. A statement is atomic on its own, and
 * every statement sent costs the bot far more CPU (Prisma's query planning, a socket write) than PostgreSQL spends on
 * it: a command that wrote through an interactive transaction paid for BEGIN, each write and COMMIT. Each statement
 * here also inserts the message's ProcessedEvent row (see event-claim.ts) and writes nothing else when that row
 * exists already. Every plan is written this way, an undo that puts a whole set of assignees back included.
 */
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { closeQuestionCte, DuplicateEventError, type EventClaim, unwrittenClaim } from "./event-claim.js";
import { type DueInput, dueValue, type TaskPlan } from "./task-plans.js";

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
 * (PostgreSQL gives each row one change per statement), and a plan that puts a whole set of assignees back changes
 * no assignee otherwise. Every plan of task-plans.ts and undo-plans.ts fits (their unit tests check it).
 */
export function fitsOneStatement(plan: TaskPlan): boolean {
  const updated = (plan.assigneeUpdates ?? []).map((u) => u.memberId);
  const touched = [...updated, ...(plan.removeAssignees ?? []), ...(plan.addAssignees ?? [])];
  if (plan.restoreAssignees) return touched.length === 0 && !plan.clearAllAssigneesDone;
  if (plan.clearAllAssigneesDone && updated.length > 0) return false;
  return new Set(touched).size === touched.length;
}

/** A column of the task that the plan sets (`set` false: left as it is). */
const setting = (value: unknown) => ({ set: value !== undefined, value: value ?? null });

/** The task's columns as the plan sets them: each one kept unless the plan names it. */
function taskColumns(update: TaskPlan["update"], now: Date): Prisma.Sql {
  const [status, closedAt, closedById, title, dueAt, dueHasTime, dueStart, dueGrain, withdrawnAt, snoozedUntil] = [
    update.status,
    update.closedAt,
    update.closedById,
    update.title,
    update.dueAt,
    update.dueHasTime,
    update.dueStart,
    update.dueGrain,
    update.withdrawnAt,
    update.snoozedUntil,
  ].map(setting) as ReturnType<typeof setting>[];
  return Prisma.sql`
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
        "snoozedUntil" = CASE WHEN ${snoozedUntil?.set}::boolean THEN ${snoozedUntil?.value}::timestamptz
          ELSE "snoozedUntil" END,
        "version" = "version" + 1,
        "updatedAt" = ${now}::timestamptz`;
}

/** The plan's assignee changes and history rows as JSON arrays, for jsonb_to_recordset. */
function planRecords(plan: TaskPlan) {
  const assigneeUpdates = JSON.stringify(
    (plan.assigneeUpdates ?? []).map((a) => ({
      member: a.memberId,
      set_ack: a.acknowledgedAt !== undefined,
      ack: a.acknowledgedAt ?? null,
      set_done: a.doneAt !== undefined,
      done: a.doneAt ?? null,
    })),
  );
  // The whole set put back (undo), in order, each with their own marks; everyone else leaves the task.
  const restored = JSON.stringify(
    (plan.restoreAssignees ?? []).map((a, i) => ({
      member: a.id,
      position: i + 1,
      ack: a.acknowledgedAt,
      done: a.doneAt,
    })),
  );
  // JSON null and a missing value both become SQL NULL, as Prisma writes an undefined Json field.
  const events = JSON.stringify(
    plan.events.map((e, i) => ({ i, action: e.action, old: e.oldValue ?? null, new: e.newValue ?? null })),
  );
  return { assigneeUpdates, restored, events };
}

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
  /** The service's clock: the change's `updatedAt`, its history rows' and new assignees' times. */
  now: Date,
): Promise<"written" | "conflict"> {
  if (!fitsOneStatement(plan)) throw new Error(`a ${plan.kind} plan touches an assignee row twice`);
  const claim = unwrittenClaim();
  const { assigneeUpdates, restored, events } = planRecords(plan);
  const restoring = plan.restoreAssignees !== undefined;
  const restoredIds = (plan.restoreAssignees ?? []).map((a) => a.id);
  const [row] = await prisma.$queryRaw<{ go: boolean; written: boolean }[]>`
    WITH ${claimPrelude(claim, now)}, task AS (
      UPDATE "Task" SET ${taskColumns(plan.update, now)}
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
      WHERE "taskId" IN (SELECT "id" FROM task) AND ("memberId" = ANY(${plan.removeAssignees ?? []}::uuid[])
        OR (${restoring}::boolean AND "memberId" <> ALL(${restoredIds}::uuid[])))
    ), restored AS (
      INSERT INTO "TaskAssignee" ("taskId", "memberId", "assignedAt", "position", "acknowledgedAt", "doneAt")
      SELECT task."id", r.member, ${now}::timestamptz, r.position, r.ack, r.done
      FROM task, jsonb_to_recordset(${restored}::jsonb) AS r(member uuid, position int, ack timestamptz, done timestamptz)
      ON CONFLICT ("taskId", "memberId") DO UPDATE SET "position" = EXCLUDED."position",
        "acknowledgedAt" = EXCLUDED."acknowledgedAt", "doneAt" = EXCLUDED."doneAt"
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
