/**
 * One occurrence and its task in one statement: the occurrence row is inserted first and everything else (the
 * channel's next task number, the task, its assignees, its "created" history) only if that insert went in. The
 * occurrence's key is unique per series, so a second writer (another worker, a restarted one, a job run twice)
 * inserts nothing and makes no task: at most one task per series and occurrence, whatever happens.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.js";

export interface OccurrenceTask {
  seriesId: string;
  seriesNumber: number;
  channelId: string;
  creatorId: string;
  title: string;
  assigneeIds: readonly string[];
  key: string;
  dueAt: Date;
  dueHasTime: boolean;
  dueStart: Date;
  /** Made after its time: the bot or Redis was down when its period began. */
  late: boolean;
}

/** The task made for the occurrence, or null when it existed already (or was skipped, or the series stopped). */
export async function insertOccurrenceTask(
  prisma: PrismaClient,
  input: OccurrenceTask,
  at: Date,
): Promise<{ taskId: string; number: number } | null> {
  const taskId = randomUUID();
  const history = JSON.stringify({
    title: input.title,
    due: { dueAt: input.dueAt.toISOString(), hasTime: input.dueHasTime },
    assigneeIds: input.assigneeIds,
    series: input.seriesNumber,
    occurrence: input.key,
  });
  // The occurrence names its task before the task row exists: a foreign key is checked at the end of the statement.
  const [row] = await prisma.$queryRaw<{ number: number | null }[]>`
    WITH occurrence AS (
      INSERT INTO "RecurringOccurrence" ("seriesId", "key", "taskId", "skipped", "dueAt", "late", "createdAt")
      SELECT ${input.seriesId}::uuid, ${input.key}::text, ${taskId}::uuid, false, ${input.dueAt}::timestamptz,
        ${input.late}::boolean, ${at}::timestamptz
      WHERE EXISTS (SELECT 1 FROM "RecurringSeries" WHERE "id" = ${input.seriesId}::uuid AND "status" = 'active')
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), channel AS (
      UPDATE "Channel" SET "nextTaskNumber" = "nextTaskNumber" + 1, "updatedAt" = ${at}::timestamptz
      WHERE "id" = ${input.channelId}::uuid AND EXISTS (SELECT 1 FROM occurrence)
      RETURNING "nextTaskNumber" - 1 AS "number"
    ), task AS (
      INSERT INTO "Task" ("id", "channelId", "number", "title", "creatorId", "dueAt", "dueHasTime", "dueStart",
        "dueGrain", "status", "version", "sourceRef", "createdAt", "updatedAt")
      SELECT ${taskId}::uuid, ${input.channelId}::uuid, channel."number", ${input.title}::text,
        ${input.creatorId}::uuid, ${input.dueAt}::timestamptz, ${input.dueHasTime}::boolean,
        ${input.dueStart}::timestamptz, ${input.dueHasTime ? "minute" : "day"}::text, 'open', 1,
        ${`series:L${input.seriesNumber}`}::text, ${at}::timestamptz, ${at}::timestamptz
      FROM channel
      RETURNING "id"
    ), assignees AS (
      INSERT INTO "TaskAssignee" ("taskId", "memberId", "assignedAt", "position")
      SELECT task."id", a.member, ${at}::timestamptz, a.position
      FROM task, unnest(${[...input.assigneeIds]}::uuid[]) WITH ORDINALITY AS a(member, position)
      WHERE EXISTS (SELECT 1 FROM "Member" m WHERE m."id" = a.member)
    ), history AS (
      INSERT INTO "TaskEvent" ("taskId", "actorId", "action", "newValue", "createdAt")
      SELECT task."id", ${input.creatorId}::uuid, 'created', ${history}::jsonb, ${at}::timestamptz FROM task
    )
    SELECT (SELECT "number" FROM channel) AS "number"`;
  return row?.number === null || row?.number === undefined ? null : { taskId, number: row.number };
}
