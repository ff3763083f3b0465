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
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { RollupWeeks } from "./org-weeks.js";
import { addFigures, type UnitFigures } from "./unit-figures.js";

type Db = Pick<PrismaClient, "$queryRaw">;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The conditions a figure counts by at `w.now`. Live, a task is open by its status; looking back at a past week it
 * was open at that week's end if it existed then and was not yet closed (so a task cancelled later was open then),
 * and "due this week" is due in that week, still to do when it began and not cancelled before it ended.
 */
function figureConditions(w: RollupWeeks) {
  if (!w.past) {
    return {
      open: Prisma.sql`t.status = 'open'`,
      due: Prisma.sql`t.status = 'open' AND t."dueAt" >= ${w.now} AND t."dueAt" < ${w.nextWeekStart}`,
    };
  }
  const { from, to } = w.past;
  return {
    open: Prisma.sql`t."createdAt" <= ${w.now} AND (t."closedAt" IS NULL OR t."closedAt" > ${w.now})`,
    due: Prisma.sql`t."dueAt" >= ${from} AND t."dueAt" < ${to} AND t."createdAt" <= ${to}
      AND (t."closedAt" IS NULL OR t."closedAt" >= ${from}) AND NOT (t.status = 'cancelled' AND t."closedAt" < ${to})`,
  };
}

/**
 * The figures of each unit's own channels (units without tasks are absent: read them as zero). The bounds are
 * computed here, not in SQL: an instant minus an interval of days is a time-zone computation the database would
 * repeat for every row, and the longest lateness is read as the earliest deadline (a plain minimum) for the same
 * reason. Ageing buckets are whole 24-hour days. Tasks closed before the week before the one reported cannot count in
 * any figure and are left out before the counts.
 */
export async function unitFigures(db: Db, unitIds: readonly string[], w: RollupWeeks): Promise<UnitFigures[]> {
  if (unitIds.length === 0) return [];
  const links = await unitChannels(db, unitIds);
  if (links.length === 0) return [];
  const unitOf = new Map(links.map((link) => [link.channelId, link.unitId]));
  const perUnit = new Map<string, UnitFigures[]>();
  for (const channel of await channelFigures(db, [...unitOf.keys()], w)) {
    const unitId = unitOf.get(channel.unitId) as string;
    const figures = perUnit.get(unitId);
    if (figures) figures.push(channel);
    else perUnit.set(unitId, [channel]);
  }
  return [...perUnit].map(([unitId, figures]) => addFigures(unitId, figures));
}

/** The channels of the units given, each with its unit. */
function unitChannels(db: Db, unitIds: readonly string[]): Promise<{ channelId: string; unitId: string }[]> {
  return db.$queryRaw`
    SELECT "channelId"::text AS "channelId", "unitId"::text AS "unitId"
    FROM "OrgUnitChannel" WHERE "unitId" = ANY(${[...unitIds]}::uuid[])`;
}

/**
 * The figures of each channel given (keyed by channel id in `unitId`). Grouped by the tasks' own channel, without a
 * join: a thousand units' tasks are counted about a fifth faster than through the unit-channel join.
 */
async function channelFigures(db: Db, channelIds: readonly string[], w: RollupWeeks): Promise<UnitFigures[]> {
  const now = w.now;
  const [day, week, month] = [1, 7, 30].map((days) => new Date(now.getTime() - days * DAY_MS));
  const { open, due } = figureConditions(w);
  const overdue = Prisma.sql`${open} AND t."dueAt" < ${now}`;
  const rows = await db.$queryRaw<
    (Omit<UnitFigures, "ageing" | "maxLateHours"> & {
      firstLate: Date | null;
      a1: number;
      a7: number;
      a30: number;
      aMore: number;
    })[]
  >`
    SELECT t."channelId"::text AS "unitId",
      count(*) FILTER (WHERE ${open})::int AS open,
      count(*) FILTER (WHERE ${overdue})::int AS overdue,
      min(t."dueAt") FILTER (WHERE ${overdue}) AS "firstLate",
      count(*) FILTER (WHERE ${overdue} AND t."dueAt" >= ${day})::int AS a1,
      count(*) FILTER (WHERE ${open} AND t."dueAt" < ${day} AND t."dueAt" >= ${week})::int AS a7,
      count(*) FILTER (WHERE ${open} AND t."dueAt" < ${week} AND t."dueAt" >= ${month})::int AS a30,
      count(*) FILTER (WHERE ${open} AND t."dueAt" < ${month})::int AS "aMore",
      count(*) FILTER (WHERE ${due})::int AS "dueThisWeek",
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
    FROM "Task" t
    WHERE t."channelId" = ANY(${[...channelIds]}::uuid[]) AND t."withdrawnAt" IS NULL
      AND (t.status = 'open' OR t."closedAt" IS NULL OR t."closedAt" >= ${w.weekBefore})
    GROUP BY t."channelId"`;
  // Written out field by field: objects made by spreading the driver's rows were several times slower to read when
  // the tree adds a thousand of them up.
  return rows.map((r) => ({
    unitId: r.unitId,
    open: r.open,
    overdue: r.overdue,
    maxLateHours: r.firstLate === null ? null : Math.round((now.getTime() - r.firstLate.getTime()) / HOUR_MS),
    ageing: [r.a1, r.a7, r.a30, r.aMore],
    dueThisWeek: r.dueThisWeek,
    doneLastWeek: r.doneLastWeek,
    measuredLastWeek: r.measuredLastWeek,
    onTimeLastWeek: r.onTimeLastWeek,
    doneWeekBefore: r.doneWeekBefore,
    overdueWeekAgo: r.overdueWeekAgo,
  }));
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

/**
 * One point per week [starts[i], ends[i]): done, on time and overdue at its end, over all the units given. One scan
 * of the units' tasks with a few counts per week (a join with the weeks made the database evaluate every task once
 * per week). The scan's condition keeps only the tasks that can count (done in the weeks, or past their deadline at
 * the end of one), so the counts run over those alone: most open tasks are due later, most done ones long ago.
 */
export async function weeklyTrend(
  db: Db,
  unitIds: readonly string[],
  starts: readonly Date[],
  ends: readonly Date[],
): Promise<WeekPoint[]> {
  const [first, firstEnd, last] = [starts[0], ends[0], ends.at(-1)];
  if (unitIds.length === 0 || first === undefined || firstEnd === undefined || last === undefined) {
    return starts.map((weekStart) => ({ weekStart, done: 0, measured: 0, onTime: 0, overdueAtEnd: 0 }));
  }
  const columns = starts.map((s, i) => {
    const e = ends[i] as Date;
    const doneIn = Prisma.sql`t.status = 'done' AND t."closedAt" >= ${s} AND t."closedAt" < ${e}`;
    return Prisma.sql`count(*) FILTER (WHERE ${doneIn})::int AS ${Prisma.raw(`"d${i}"`)},
      count(*) FILTER (WHERE ${doneIn} AND t."dueAt" IS NOT NULL)::int AS ${Prisma.raw(`"m${i}"`)},
      count(*) FILTER (WHERE ${doneIn} AND t."closedAt" <= t."dueAt")::int AS ${Prisma.raw(`"t${i}"`)},
      count(*) FILTER (WHERE t."createdAt" <= ${e} AND t."dueAt" < ${e}
        AND (t."closedAt" IS NULL OR t."closedAt" > ${e}))::int AS ${Prisma.raw(`"o${i}"`)}`;
  });
  const [row] = await db.$queryRaw<Record<string, number>[]>`
    SELECT ${Prisma.join(columns, ",\n")}
    FROM "OrgUnitChannel" uc
    JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL
    WHERE uc."unitId" = ANY(${[...unitIds]}::uuid[])
      AND ((t.status = 'done' AND t."closedAt" >= ${first} AND t."closedAt" < ${last})
        OR (t."dueAt" < ${last} AND t."createdAt" <= ${last} AND (t."closedAt" IS NULL OR t."closedAt" > ${firstEnd})))`;
  return starts.map((weekStart, i) => ({
    weekStart,
    done: row?.[`d${i}`] ?? 0,
    measured: row?.[`m${i}`] ?? 0,
    onTime: row?.[`t${i}`] ?? 0,
    overdueAtEnd: row?.[`o${i}`] ?? 0,
  }));
}
