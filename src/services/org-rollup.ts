/**
 * The roll-up of an organisation's units: each unit's figures over its own channels, per person, the overdue list
 * and an 8-week trend. The figures are those of the channels' weekly summaries (figure-columns.ts), so a unit's
 * numbers and its channels' numbers add up. Live figures are read from the channels' stored figures
 * (channel-figures.ts), which count again only the channels whose tasks changed or whose figures time moved on; a
 * past week's, and the rest, are one SQL statement each over the units' tasks however many channels they span.
 *
 * Callers pass only units the person may see (src/services/org-units.ts visibleUnitIds, or a workspace admin's
 * workspace); nothing here checks.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { liveChannelFigures, type UnitScope, unitChannelCondition } from "./channel-figures.js";
import {
  type FigureRow,
  figureColumns,
  figuresOfRow,
  TREND_FIELDS,
  TREND_WEEKS,
  trendColumns,
  trendOfRow,
} from "./figure-columns.js";
import { pastWeekStarts, type RollupWeeks } from "./org-weeks.js";
import { addFigures, type UnitFigures } from "./unit-figures.js";

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

/**
 * The figures of each unit's own channels (units without tasks are absent: read them as zero). Live figures come
 * from the channels' stored figures (channel-figures.ts), counted again only for the channels whose tasks changed
 * or whose figures time has moved on; a past week's are counted from the tasks as they stood then.
 */
export async function unitFigures(db: Db, units: UnitScope, w: RollupWeeks): Promise<UnitFigures[]> {
  return (await unitFiguresAndTrend(db, units, w, false)).figures;
}

/**
 * The units' figures and, with `trend`, the 8 whole weeks before `w.weekStart` over the same units. Live, both come
 * from the channels' stored figures in one read; looking back at a past week, they are counted from the tasks on
 * two connections at once.
 */
export async function unitFiguresAndTrend(
  db: Db,
  units: UnitScope,
  w: RollupWeeks,
  trend: boolean,
): Promise<{ figures: UnitFigures[]; trend: WeekPoint[] }> {
  const starts = pastWeekStarts(w, TREND_WEEKS);
  if ("unitIds" in units && units.unitIds.length === 0) return { figures: [], trend: emptyTrend(starts) };
  if (!w.past) {
    const live = await liveChannelFigures(db, units, w, trend);
    const figures = perUnit(live.map((channel) => figuresOfRow(channel.unitId, channel, w.now)));
    return { figures, trend: trend ? trendPoints(starts, live) : emptyTrend(starts) };
  }
  const ends = [...starts.slice(1), w.weekStart];
  const [channels, points] = await Promise.all([
    pastChannelFigures(db, units, w),
    trend ? weeklyTrend(db, units, starts, ends) : emptyTrend(starts),
  ]);
  return { figures: channels, trend: points };
}

/** The units' figures as they stood at the end of the past week `w` looks back at, counted from the tasks. */
async function pastChannelFigures(db: Db, units: UnitScope, w: RollupWeeks): Promise<UnitFigures[]> {
  const links = await unitChannels(db, units);
  if (links.length === 0) return [];
  const unitOf = new Map(links.map((link) => [link.channelId, link.unitId]));
  return perUnit(await channelFigures(db, unitOf, w));
}

/** Each unit's channels' figures added up (the figures carry their unit's id). */
function perUnit(channels: readonly UnitFigures[]): UnitFigures[] {
  const byUnit = new Map<string, UnitFigures[]>();
  for (const channel of channels) {
    const figures = byUnit.get(channel.unitId);
    if (figures) figures.push(channel);
    else byUnit.set(channel.unitId, [channel]);
  }
  return [...byUnit].map(([unitId, figures]) => addFigures(unitId, figures));
}

/** The channels of the units in scope, each with its unit. */
function unitChannels(db: Db, units: UnitScope): Promise<{ channelId: string; unitId: string }[]> {
  return db.$queryRaw`
    SELECT uc."channelId"::text AS "channelId", uc."unitId"::text AS "unitId"
    FROM "OrgUnitChannel" uc WHERE ${unitChannelCondition(units)}`;
}

/**
 * The figures of each channel in `unitOf` (keyed by its unit), counted from its tasks. Grouped by the tasks'
 * own channel, without a join: a thousand units' tasks are counted about a fifth faster than through the unit-channel
 * join. Tasks closed before the week before the one reported cannot count in any figure and are left out before the
 * counts.
 */
async function channelFigures(db: Db, unitOf: ReadonlyMap<string, string>, w: RollupWeeks): Promise<UnitFigures[]> {
  const rows = await db.$queryRaw<(FigureRow & { channelId: string })[]>`
    SELECT t."channelId"::text AS "channelId", ${figureColumns(w)}
    FROM "Task" t
    WHERE t."channelId" = ANY(${[...unitOf.keys()]}::uuid[]) AND t."withdrawnAt" IS NULL
      AND (t.status = 'open' OR t."closedAt" IS NULL OR t."closedAt" >= ${w.weekBefore})
    GROUP BY t."channelId"`;
  return rows.map((row) => figuresOfRow(unitOf.get(row.channelId) as string, row, w.now));
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
  units: UnitScope,
  starts: readonly Date[],
  ends: readonly Date[],
): Promise<WeekPoint[]> {
  const [first, firstEnd, last] = [starts[0], ends[0], ends.at(-1)];
  const none = "unitIds" in units && units.unitIds.length === 0;
  if (none || first === undefined || firstEnd === undefined || last === undefined) {
    return emptyTrend(starts);
  }
  const [row] = await db.$queryRaw<Record<string, number>[]>`
    SELECT ${trendColumns(starts, ends)}
    FROM "OrgUnitChannel" uc
    JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL
    WHERE ${unitChannelCondition(units)}
      AND ((t.status = 'done' AND t."closedAt" >= ${first} AND t."closedAt" < ${last})
        OR (t."dueAt" < ${last} AND t."createdAt" <= ${last} AND (t."closedAt" IS NULL OR t."closedAt" > ${firstEnd})))`;
  return trendPoints(starts, [{ trend: trendOfRow(row, starts.length) }]);
}

/** The weeks' points summed over channels' flat trends (trendOfRow's order). */
function trendPoints(starts: readonly Date[], channels: readonly { trend: readonly number[] }[]): WeekPoint[] {
  const sums = new Array<number>(starts.length * TREND_FIELDS).fill(0);
  for (const { trend } of channels) {
    for (let i = 0; i < sums.length; i += 1) sums[i] = (sums[i] as number) + (trend[i] ?? 0);
  }
  return starts.map((weekStart, i) => {
    const at = i * TREND_FIELDS;
    return {
      weekStart,
      done: sums[at] as number,
      measured: sums[at + 1] as number,
      onTime: sums[at + 2] as number,
      overdueAtEnd: sums[at + 3] as number,
    };
  });
}

function emptyTrend(starts: readonly Date[]): WeekPoint[] {
  return starts.map((weekStart) => ({ weekStart, done: 0, measured: 0, onTime: 0, overdueAtEnd: 0 }));
}
