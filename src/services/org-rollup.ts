/**
 * The roll-up of an organisation's units: each unit's figures over its own channels, per person, the overdue list
 * and an 8-week trend, each in one SQL statement over the units' tasks however many channels they span. The figures
 * are those of the channels' weekly summaries (src/scheduling/weekly-report.ts), so a unit's numbers and its
 * channels' numbers add up: withdrawn tasks never count; "done" is a task closed as done, at its closing time;
 * overdue at an instant is open then and past its deadline (from creation and closing times, so the trend is right
 * for weeks before the units were set up).
 *
 * Callers pass only unit ids the person may see (src/services/org-units.ts visibleUnitIds); nothing here checks.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { RollupWeeks } from "./org-weeks.js";

type Db = Pick<PrismaClient, "$queryRaw">;

export interface UnitFigures {
  unitId: string;
  open: number;
  overdue: number;
  /** The longest an open task has been overdue, in hours; null when none is. */
  maxLateHours: number | null;
  /** Overdue by at most 1 day, 1–7 days, 7–30 days, more than 30 days. */
  ageing: [number, number, number, number];
  dueThisWeek: number;
  doneThisWeek: number;
  doneLastWeek: number;
  /** Done last week with a deadline, and of those on time. */
  measuredLastWeek: number;
  onTimeLastWeek: number;
  doneWeekBefore: number;
  /** Overdue as it stood exactly one week ago. */
  overdueWeekAgo: number;
}

/** The figures of each unit's own channels (units without tasks are absent: read them as zero). */
export async function unitFigures(db: Db, unitIds: readonly string[], w: RollupWeeks): Promise<UnitFigures[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.$queryRaw<
    (Omit<UnitFigures, "ageing"> & { a1: number; a7: number; a30: number; aMore: number })[]
  >`
    SELECT uc."unitId"::text AS "unitId",
      count(*) FILTER (WHERE t.status = 'open')::int AS open,
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" < ${w.now})::int AS overdue,
      round(max(extract(epoch FROM (${w.now}::timestamptz - t."dueAt")) / 3600)
        FILTER (WHERE t.status = 'open' AND t."dueAt" < ${w.now}))::int AS "maxLateHours",
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" < ${w.now}
        AND t."dueAt" >= ${w.now}::timestamptz - interval '1 day')::int AS a1,
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" < ${w.now}::timestamptz - interval '1 day'
        AND t."dueAt" >= ${w.now}::timestamptz - interval '7 days')::int AS a7,
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" < ${w.now}::timestamptz - interval '7 days'
        AND t."dueAt" >= ${w.now}::timestamptz - interval '30 days')::int AS a30,
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" < ${w.now}::timestamptz - interval '30 days')::int AS "aMore",
      count(*) FILTER (WHERE t.status = 'open' AND t."dueAt" >= ${w.now} AND t."dueAt" < ${w.nextWeekStart})::int
        AS "dueThisWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."closedAt" >= ${w.weekStart})::int AS "doneThisWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."closedAt" >= ${w.lastWeekStart}
        AND t."closedAt" < ${w.weekStart})::int AS "doneLastWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."closedAt" >= ${w.lastWeekStart}
        AND t."closedAt" < ${w.weekStart} AND t."dueAt" IS NOT NULL)::int AS "measuredLastWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."closedAt" >= ${w.lastWeekStart}
        AND t."closedAt" < ${w.weekStart} AND t."closedAt" <= t."dueAt")::int AS "onTimeLastWeek",
      count(*) FILTER (WHERE t.status = 'done' AND t."closedAt" >= ${w.weekBefore}
        AND t."closedAt" < ${w.lastWeekStart})::int AS "doneWeekBefore",
      count(*) FILTER (WHERE t."createdAt" <= ${w.weekAgo} AND t."dueAt" < ${w.weekAgo}
        AND (t."closedAt" IS NULL OR t."closedAt" > ${w.weekAgo}))::int AS "overdueWeekAgo"
    FROM "OrgUnitChannel" uc
    JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL
    WHERE uc."unitId" = ANY(${[...unitIds]}::uuid[])
    GROUP BY uc."unitId"`;
  return rows.map(({ a1, a7, a30, aMore, ...row }) => ({ ...row, ageing: [a1, a7, a30, aMore] }));
}

export interface PersonFigures {
  memberId: string;
  name: string;
  open: number;
  overdue: number;
  doneLastWeek: number;
  measuredLastWeek: number;
  onTimeLastWeek: number;
}

/**
 * Each assignee's figures over the units' channels: their own open and overdue parts, and the parts they finished
 * last week (their own mark, or the task's closing as done for everyone), as the channel summary counts them.
 */
export async function personFigures(db: Db, unitIds: readonly string[], w: RollupWeeks): Promise<PersonFigures[]> {
  if (unitIds.length === 0) return [];
  return db.$queryRaw<PersonFigures[]>`
    WITH parts AS (
      SELECT a."memberId", t.status, t."dueAt",
        COALESCE(a."doneAt", CASE WHEN t.status = 'done' THEN t."closedAt" END) AS finished
      FROM "OrgUnitChannel" uc
      JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL AND t.status <> 'cancelled'
      JOIN "TaskAssignee" a ON a."taskId" = t.id
      WHERE uc."unitId" = ANY(${[...unitIds]}::uuid[])
    )
    SELECT p."memberId"::text AS "memberId", m."displayName" AS name,
      count(*) FILTER (WHERE p.status = 'open' AND p.finished IS NULL)::int AS open,
      count(*) FILTER (WHERE p.status = 'open' AND p.finished IS NULL AND p."dueAt" < ${w.now})::int AS overdue,
      count(*) FILTER (WHERE p.finished >= ${w.lastWeekStart} AND p.finished < ${w.weekStart})::int AS "doneLastWeek",
      count(*) FILTER (WHERE p.finished >= ${w.lastWeekStart} AND p.finished < ${w.weekStart}
        AND p."dueAt" IS NOT NULL)::int AS "measuredLastWeek",
      count(*) FILTER (WHERE p.finished >= ${w.lastWeekStart} AND p.finished < ${w.weekStart}
        AND p.finished <= p."dueAt")::int AS "onTimeLastWeek"
    FROM parts p JOIN "Member" m ON m.id = p."memberId"
    GROUP BY p."memberId", m."displayName"
    ORDER BY m."displayName", p."memberId"`;
}

export interface OverdueTask {
  taskId: string;
  unitId: string;
  channelId: string;
  channelName: string | null;
  number: number;
  title: string;
  dueAt: Date;
  dueHasTime: boolean;
  /** The assignees who have not finished their part, in the order they were named. */
  waitingOn: string[];
}

/** The open tasks past their deadline, the most overdue first (at most `limit`). */
export async function overdueTasks(db: Db, unitIds: readonly string[], now: Date, limit = 500): Promise<OverdueTask[]> {
  if (unitIds.length === 0) return [];
  return db.$queryRaw<OverdueTask[]>`
    SELECT t.id::text AS "taskId", uc."unitId"::text AS "unitId", c.id::text AS "channelId", c.name AS "channelName",
      t.number, t.title, t."dueAt", t."dueHasTime",
      COALESCE((SELECT array_agg(m."displayName" ORDER BY a.position, a."memberId")
        FROM "TaskAssignee" a JOIN "Member" m ON m.id = a."memberId"
        WHERE a."taskId" = t.id AND a."doneAt" IS NULL), ARRAY[]::text[]) AS "waitingOn"
    FROM "OrgUnitChannel" uc
    JOIN "Channel" c ON c.id = uc."channelId"
    JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL
    WHERE uc."unitId" = ANY(${[...unitIds]}::uuid[]) AND t.status = 'open' AND t."dueAt" < ${now}
    ORDER BY t."dueAt", c.name, t.number
    LIMIT ${limit}`;
}

export interface WeekPoint {
  weekStart: Date;
  done: number;
  measured: number;
  onTime: number;
  /** Overdue as it stood at the end of the week. */
  overdueAtEnd: number;
}

/** One point per week [starts[i], ends[i]): done, on time and overdue at its end, over all the units given. */
export async function weeklyTrend(
  db: Db,
  unitIds: readonly string[],
  starts: readonly Date[],
  ends: readonly Date[],
): Promise<WeekPoint[]> {
  const rows = await db.$queryRaw<(Omit<WeekPoint, "weekStart"> & { week: number })[]>`
    WITH w AS (
      SELECT s::timestamptz AS s, e::timestamptz AS e, i
      FROM unnest(${starts.map((d) => d.toISOString())}::text[], ${ends.map((d) => d.toISOString())}::text[])
        WITH ORDINALITY AS w(s, e, i)
    ), t AS (
      SELECT t.status, t."dueAt", t."createdAt", t."closedAt"
      FROM "OrgUnitChannel" uc JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL
      WHERE uc."unitId" = ANY(${[...unitIds]}::uuid[])
    )
    SELECT w.i::int AS week,
      count(t.status) FILTER (WHERE t.status = 'done' AND t."closedAt" >= w.s AND t."closedAt" < w.e)::int AS done,
      count(t.status) FILTER (WHERE t.status = 'done' AND t."closedAt" >= w.s AND t."closedAt" < w.e
        AND t."dueAt" IS NOT NULL)::int AS measured,
      count(t.status) FILTER (WHERE t.status = 'done' AND t."closedAt" >= w.s AND t."closedAt" < w.e
        AND t."closedAt" <= t."dueAt")::int AS "onTime",
      count(t.status) FILTER (WHERE t."createdAt" <= w.e AND t."dueAt" < w.e
        AND (t."closedAt" IS NULL OR t."closedAt" > w.e))::int AS "overdueAtEnd"
    FROM w LEFT JOIN t ON true
    GROUP BY w.i ORDER BY w.i`;
  return rows.map(({ week, ...row }) => ({ ...row, weekStart: starts[week - 1] as Date }));
}
