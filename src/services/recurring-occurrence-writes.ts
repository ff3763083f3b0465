/**
 * Many occurrences and their tasks in one statement: the occurrence rows are inserted first and everything else (the
 * channels' next task numbers, the tasks, their assignees, their "created" history) only for the rows that went in.
 * The occurrence's key is unique per series, so a second writer (another worker, a restarted one, a job run twice)
 * inserts nothing and makes no task: at most one task per series and occurrence, whatever happens. A channel with
 * several occurrences in the batch moves its counter once by their count, and they take the numbers in input order.
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

/** A task made for one of the inputs. */
export interface MadeOccurrenceTask {
  /** Index of its input. */
  index: number;
  taskId: string;
  number: number;
}

function historyOf(input: OccurrenceTask): string {
  return JSON.stringify({
    title: input.title,
    due: { dueAt: input.dueAt.toISOString(), hasTime: input.dueHasTime },
    assigneeIds: input.assigneeIds,
    series: input.seriesNumber,
    occurrence: input.key,
  });
}

/** The inputs as parallel arrays (one unnest in SQL), each occurrence's assignees flattened beside it. */
function columnsOf(inputs: readonly OccurrenceTask[], taskIds: readonly string[]) {
  const assignees = inputs.flatMap((input, i) =>
    input.assigneeIds.map((memberId, at) => ({ taskId: taskIds[i] as string, memberId, position: at + 1 })),
  );
  return {
    seriesIds: inputs.map((i) => i.seriesId),
    keys: inputs.map((i) => i.key),
    channelIds: inputs.map((i) => i.channelId),
    creatorIds: inputs.map((i) => i.creatorId),
    titles: inputs.map((i) => i.title),
    dueAts: inputs.map((i) => i.dueAt),
    dueHasTimes: inputs.map((i) => i.dueHasTime),
    dueStarts: inputs.map((i) => i.dueStart),
    grains: inputs.map((i) => (i.dueHasTime ? "minute" : "day")),
    lates: inputs.map((i) => i.late),
    sourceRefs: inputs.map((i) => `series:L${i.seriesNumber}`),
    histories: inputs.map(historyOf),
    assigneeTaskIds: assignees.map((a) => a.taskId),
    assigneeMemberIds: assignees.map((a) => a.memberId),
    assigneePositions: assignees.map((a) => a.position),
  };
}

/**
 * The tasks made, by input index; an input that made none (its occurrence existed already, was skipped, or its
 * series is no longer active) is absent.
 */
export async function insertOccurrenceTasks(
  prisma: PrismaClient,
  inputs: readonly OccurrenceTask[],
  at: Date,
): Promise<MadeOccurrenceTask[]> {
  if (inputs.length === 0) return [];
  const taskIds: string[] = inputs.map(() => randomUUID());
  const c = columnsOf(inputs, taskIds);
  // The occurrences name their tasks before the task rows exist: a foreign key is checked at the end of the
  // statement. The channels are locked in id order first, so two batches that share channels cannot deadlock.
  const rows = await prisma.$queryRaw<{ taskId: string; number: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(${c.seriesIds}::uuid[], ${c.keys}::text[], ${taskIds}::uuid[], ${c.channelIds}::uuid[],
        ${c.creatorIds}::uuid[], ${c.titles}::text[], ${c.dueAts}::timestamptz[], ${c.dueHasTimes}::boolean[],
        ${c.dueStarts}::timestamptz[], ${c.grains}::text[], ${c.lates}::boolean[], ${c.sourceRefs}::text[],
        ${c.histories}::text[])
        WITH ORDINALITY AS i(series_id, key, task_id, channel_id, creator_id, title, due_at, due_has_time, due_start,
          grain, late, source_ref, history, ord)
    ), occurrence AS (
      INSERT INTO "RecurringOccurrence" ("seriesId", "key", "taskId", "skipped", "dueAt", "late", "createdAt")
      SELECT i.series_id, i.key, i.task_id, false, i.due_at, i.late, ${at}::timestamptz
      FROM input i
      WHERE EXISTS (SELECT 1 FROM "RecurringSeries" s WHERE s."id" = i.series_id AND s."status" = 'active')
      ORDER BY i.ord
      ON CONFLICT DO NOTHING
      RETURNING "taskId"
    ), made AS (
      SELECT i.*, row_number() OVER (PARTITION BY i.channel_id ORDER BY i.ord) AS nth
      FROM input i JOIN occurrence o ON o."taskId" = i.task_id
    ), counts AS (
      SELECT channel_id, count(*)::int AS n FROM made GROUP BY channel_id
    ), locked AS (
      SELECT c."id" FROM "Channel" c JOIN counts ON counts.channel_id = c."id" ORDER BY c."id" FOR UPDATE OF c
    ), channel AS (
      UPDATE "Channel" c SET "nextTaskNumber" = c."nextTaskNumber" + counts.n, "updatedAt" = ${at}::timestamptz
      FROM counts JOIN locked ON locked."id" = counts.channel_id
      WHERE c."id" = counts.channel_id
      RETURNING c."id", c."nextTaskNumber" - counts.n AS first
    ), task AS (
      INSERT INTO "Task" ("id", "channelId", "number", "title", "creatorId", "dueAt", "dueHasTime", "dueStart",
        "dueGrain", "status", "version", "sourceRef", "createdAt", "updatedAt")
      SELECT m.task_id, m.channel_id, (ch.first + m.nth - 1)::int, m.title, m.creator_id, m.due_at, m.due_has_time,
        m.due_start, m.grain, 'open', 1, m.source_ref, ${at}::timestamptz, ${at}::timestamptz
      FROM made m JOIN channel ch ON ch."id" = m.channel_id
      RETURNING "id", "number"
    ), assignees AS (
      INSERT INTO "TaskAssignee" ("taskId", "memberId", "assignedAt", "position")
      SELECT a.task_id, a.member, ${at}::timestamptz, a.position
      FROM unnest(${c.assigneeTaskIds}::uuid[], ${c.assigneeMemberIds}::uuid[], ${c.assigneePositions}::int[])
        AS a(task_id, member, position)
      WHERE EXISTS (SELECT 1 FROM task t WHERE t."id" = a.task_id)
        AND EXISTS (SELECT 1 FROM "Member" m WHERE m."id" = a.member)
    ), history AS (
      INSERT INTO "TaskEvent" ("taskId", "actorId", "action", "newValue", "createdAt")
      SELECT m.task_id, m.creator_id, 'created', m.history::jsonb, ${at}::timestamptz
      FROM made m JOIN task t ON t."id" = m.task_id
    )
    SELECT "id"::text AS "taskId", "number" FROM task`;
  const indexOf = new Map(taskIds.map((id, index) => [id, index]));
  return rows.map((row) => ({ index: indexOf.get(row.taskId) as number, taskId: row.taskId, number: row.number }));
}
