/**
 * The history reads behind "hoàn tác" / "undo": a person's recent rows in one channel, and what was written on a
 * task after a given row. Plain rows out; undo-plans.ts decides.
 */
import type { PersonView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { personSelect, toPersonView } from "./task-mapper.js";
import type { HistoryRow } from "./undo-plans.js";

const rowSelect = {
  id: true,
  taskId: true,
  action: true,
  actorId: true,
  oldValue: true,
  newValue: true,
  createdAt: true,
} as const;

/** How many of a person's recent rows are looked through: far more than anyone writes in ten minutes. */
const RECENT_ROWS = 200;

/** The person's history rows in the channel since `since`, newest first. */
export function recentRowsOf(
  prisma: PrismaClient,
  channelId: string,
  actorId: string,
  since: Date,
): Promise<HistoryRow[]> {
  return prisma.taskEvent.findMany({
    where: { actorId, createdAt: { gte: since }, task: { channelId } },
    select: rowSelect,
    orderBy: { id: "desc" },
    take: RECENT_ROWS,
  });
}

/** Every row of the task after `afterId`, oldest first, with who wrote it. */
export async function rowsAfter(
  prisma: PrismaClient,
  taskId: string,
  afterId: bigint,
): Promise<(HistoryRow & { actor: PersonView | null })[]> {
  const rows = await prisma.taskEvent.findMany({
    where: { taskId, id: { gt: afterId } },
    select: { ...rowSelect, actor: { select: personSelect } },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ ...row, actor: row.actor ? toPersonView(row.actor) : null }));
}
