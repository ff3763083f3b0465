/**
 * Tasks as the dashboard and the roll-up export list them: the rows of a report (src/scheduling/weekly-report.ts)
 * with the unit and channel each belongs to, and one task with its history. Withdrawn tasks never appear; cancelled
 * ones only when asked. Callers pass only units or channels the viewer may see.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { ReportTaskRow } from "../scheduling/weekly-report.js";
import { reportTaskSelect, toReportTaskRow } from "./report-task-rows.js";

type Db = Pick<PrismaClient, "task">;

export interface UnitTaskRow extends ReportTaskRow {
  id: string;
  unitId: string;
  channelId: string;
  channelName: string | null;
}

const taskSelect = {
  ...reportTaskSelect,
  id: true,
  channel: { select: { id: true, name: true, orgUnit: { select: { unitId: true } } } },
} as const;

type SelectedTask = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

/** A selected task with its unit and channel; who closed it is not shown in these lists. */
function toUnitTaskRow({ id, channel, ...task }: SelectedTask): UnitTaskRow {
  return {
    ...toReportTaskRow(task),
    id,
    unitId: channel.orgUnit?.unitId ?? "",
    channelId: channel.id,
    channelName: channel.name,
  };
}

export interface TaskRowFilter {
  /** Only the channels of these units. */
  unitIds?: readonly string[];
  /** Only this channel. */
  channelId?: string;
  /** Only tasks this member is an assignee of. */
  memberId?: string;
  includeCancelled?: boolean;
  /** Only tasks due in [from, to) or finished (done or cancelled) in it: what that week was about. */
  week?: { from: Date; to: Date };
  /** At most this many rows (newest numbers last within each channel). Default 5,000. */
  limit?: number;
}

export async function taskRowsOf(db: Db, filter: TaskRowFilter): Promise<UnitTaskRow[]> {
  const rows = await db.task.findMany({
    where: {
      withdrawnAt: null,
      ...(filter.includeCancelled ? {} : { status: { not: "cancelled" } }),
      ...(filter.channelId ? { channelId: filter.channelId } : {}),
      ...(filter.unitIds ? { channel: { orgUnit: { unitId: { in: [...filter.unitIds] } } } } : {}),
      ...(filter.memberId ? { assignees: { some: { memberId: filter.memberId } } } : {}),
      ...(filter.week
        ? {
            OR: [
              { dueAt: { gte: filter.week.from, lt: filter.week.to } },
              { closedAt: { gte: filter.week.from, lt: filter.week.to } },
            ],
          }
        : {}),
    },
    select: taskSelect,
    orderBy: [{ channelId: "asc" }, { number: "asc" }],
    take: filter.limit ?? 5_000,
  });
  return rows.map(toUnitTaskRow);
}

export interface TaskHistoryEntry {
  action: string;
  actorId: string | null;
  actorName: string | null;
  oldValue: unknown;
  newValue: unknown;
  at: Date;
}

export interface TaskDetail {
  row: UnitTaskRow;
  creatorName: string;
  history: TaskHistoryEntry[];
}

/** One task (not withdrawn) with its history, oldest first. */
export async function taskDetail(db: Db, taskId: string): Promise<TaskDetail | null> {
  const task = await db.task.findFirst({
    where: { id: taskId, withdrawnAt: null },
    select: {
      ...taskSelect,
      creator: { select: { displayName: true } },
      events: {
        select: {
          action: true,
          oldValue: true,
          newValue: true,
          createdAt: true,
          actor: { select: { id: true, displayName: true } },
        },
        orderBy: { id: "asc" },
        take: 200,
      },
    },
  });
  if (!task) return null;
  const { creator, events, ...row } = task;
  return {
    row: toUnitTaskRow(row),
    creatorName: creator.displayName,
    history: events.map((e) => ({
      action: e.action,
      actorId: e.actor?.id ?? null,
      actorName: e.actor?.displayName ?? null,
      oldValue: e.oldValue,
      newValue: e.newValue,
      at: e.createdAt,
    })),
  };
}
