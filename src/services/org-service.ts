/**
 * The organisation's service: its tree (org-units.ts), the roll-up of what a person may see (org-rollup.ts) and
 * dashboard access (dashboard-access.ts), bound to one database. Every read of figures starts from the units the
 * viewer may see, so no caller can ask for more.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import * as access from "./dashboard-access.js";
import { TREND_WEEKS } from "./figure-columns.js";
import { overdueTasks, personFigures, unitFiguresAndTrend, type WeekPoint, weeklyTrend } from "./org-rollup.js";
import { type OrgSnapshot, subtreeRollup, takeOrgSnapshot } from "./org-snapshot.js";
import { type TaskRowFilter, taskDetail, taskRowsOf } from "./org-tasks.js";
import { type UnitRow, unitRows } from "./org-tree.js";
import * as changes from "./org-unit-changes.js";
import * as units from "./org-units.js";
import { type PickedWeek, pastRollupWeeks, pastWeekStarts, type RollupWeeks, rollupWeeks } from "./org-weeks.js";

/** Who is looking: a member of a workspace, and whether they are its admin. */
export interface OrgViewer {
  id: string;
  workspaceId: string;
  isWorkspaceAdmin: boolean;
}

export interface OrgRollup {
  weeks: RollupWeeks;
  rows: UnitRow[];
  /** The last 8 whole weeks over the same units, when asked for. */
  trend?: WeekPoint[];
}

/** The units the viewer may see, restricted to `within` (a unit's subtree) when given. */
async function visible(db: PrismaClient, viewer: OrgViewer, within?: string): Promise<string[]> {
  const ids = await units.visibleUnitIds(db, viewer);
  if (within === undefined) return ids;
  if (!ids.includes(within)) return [];
  const below = new Set(await units.subtreeIds(db, [within]));
  return ids.filter((id) => below.has(id));
}

/** The last `count` whole weeks (8 by default): done, on-time and overdue at each week's end. */
function trendOf(
  db: PrismaClient,
  unitIds: readonly string[],
  weeks: RollupWeeks,
  count = TREND_WEEKS,
): Promise<WeekPoint[]> {
  const starts = pastWeekStarts(weeks, count);
  const ends = [...starts.slice(1), weeks.weekStart];
  return weeklyTrend(db, { unitIds }, starts, ends);
}

export interface RollupOptions {
  /** Also the last 8 whole weeks (ending with `week` when it is given). */
  trend?: boolean;
  /** Look back at this past week as it stood at its end (pastRollupWeeks); this week or a later one is ignored. */
  week?: PickedWeek | null;
}

/**
 * The viewer's units as a tree with their figures at `now` in `timezone` (optionally one unit's subtree, optionally
 * as of a past week's end), and with `trend` the 8 weeks before. The outline and the figures are read at the same
 * time, on two connections.
 */
async function rollupOf(
  db: PrismaClient,
  viewer: OrgViewer,
  now: Date,
  timezone: string,
  within?: string,
  options: RollupOptions = {},
): Promise<OrgRollup> {
  const weeks = (options.week && pastRollupWeeks(options.week, now, timezone)) || rollupWeeks(now, timezone);
  const outlines = units.unitOutlines(db, viewer.workspaceId);
  // A workspace admin sees every unit: the figures are read by workspace, at the same time as the outline.
  const everything = viewer.isWorkspaceAdmin && within === undefined;
  const ids = everything ? null : await visible(db, viewer, within);
  if (ids?.length === 0) return { weeks, rows: [] };
  const scope = ids ? { unitIds: ids } : { workspaceId: viewer.workspaceId };
  const [all, counted] = await Promise.all([outlines, unitFiguresAndTrend(db, scope, weeks, options.trend === true)]);
  const seen = ids && new Set(ids);
  const rows = unitRows(seen ? all.filter((u) => seen.has(u.id)) : all, counted.figures);
  return options.trend ? { weeks, rows, trend: counted.trend } : { weeks, rows };
}

export type OrgService = ReturnType<typeof createOrgService>;

export function createOrgService(options: { prisma: PrismaClient }) {
  const db = options.prisma;

  return {
    listUnits: (workspaceId: string) => units.listUnits(db, workspaceId),
    findUnitByName: (workspaceId: string, name: string) => units.findUnitByName(db, workspaceId, name),
    ensureUnit: (workspaceId: string, name: string) => units.ensureUnit(db, workspaceId, name),
    attachChannel: (unitId: string, channelId: string) => units.attachChannel(db, unitId, channelId),
    detachChannel: (channelId: string) => units.detachChannel(db, channelId),
    unitOfChannel: (channelId: string) => units.unitOfChannel(db, channelId),
    setParent: (unitId: string, parentId: string | null) => units.setParent(db, unitId, parentId),
    setRollupChannel: (unitId: string, channelId: string | null) => units.setRollupChannel(db, unitId, channelId),
    addLeaders: (unitId: string, memberIds: readonly string[]) => units.addLeaders(db, unitId, memberIds),
    removeLeaders: (unitId: string, memberIds: readonly string[]) => units.removeLeaders(db, unitId, memberIds),
    renameUnit: (workspaceId: string, unitId: string, name: string) =>
      changes.renameUnit(db, workspaceId, unitId, name),
    unitFootprint: (unitId: string) => changes.unitFootprint(db, unitId),
    deleteUnit: (unitId: string) => changes.deleteUnit(db, unitId),
    visibleUnitIds: (viewer: OrgViewer, within?: string) => visible(db, viewer, within),
    privateChatOf: (memberId: string) => units.privateChatOf(db, memberId),
    canSeeChannel: (viewer: OrgViewer, channelId: string) => units.canSeeChannel(db, viewer, channelId),

    rollup: (viewer: OrgViewer, now: Date, timezone: string, within?: string, options?: RollupOptions) =>
      rollupOf(db, viewer, now, timezone, within, options),

    /** Every unit's figures of a workspace at `now`, read once, for many subtrees' roll-ups of that instant. */
    snapshot: (workspaceId: string, now: Date, timezone: string) => takeOrgSnapshot(db, workspaceId, now, timezone),
    /** A unit's subtree from a snapshot, as `rollup` gives it to a workspace admin for that unit. */
    rollupFromSnapshot: (snapshot: OrgSnapshot, unitId: string): OrgRollup => subtreeRollup(snapshot, unitId),

    /** Per person over the given units (already limited to what the viewer sees). */
    people: (unitIds: readonly string[], weeks: RollupWeeks) => personFigures(db, unitIds, weeks),
    overdue: (unitIds: readonly string[], now: Date, limit?: number) => overdueTasks(db, unitIds, now, limit),

    trend: (unitIds: readonly string[], weeks: RollupWeeks, count?: number) => trendOf(db, unitIds, weeks, count),

    taskRows: (filter: TaskRowFilter) => taskRowsOf(db, filter),
    taskDetail: (taskId: string) => taskDetail(db, taskId),

    createLink: (memberId: string, path: string, now: Date) => access.createLink(db, memberId, path, now),
    redeemLink: (secret: string, now: Date) => access.redeemLink(db, secret, now),
    sessionViewer: (sessionToken: string, now: Date) => access.sessionViewer(db, sessionToken, now),
    revokeAll: (memberId: string, now: Date) => access.revokeAll(db, memberId, now),
    revokeSession: (sessionToken: string, now: Date) => access.revokeSession(db, sessionToken, now),
  };
}
