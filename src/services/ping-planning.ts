/**
 * The marker that lets the reconciler skip tasks whose pings are already planned: `Task.pingsPlannedVersion` is set
 * to the task's version in the transaction that writes its ping rows, and reset wherever a change outside the task
 * (channel settings, days off, a member's private chat or zone, a ping sent whose follow-up is not planned yet)
 * makes the plan stale. Raw SQL on purpose: a Prisma update would also move `Task.updatedAt`, which reports read as
 * "the task last changed".
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

type Db = PrismaClient | Prisma.TransactionClient;

/** Below every UUID: the keyset cursor of a first page. */
export const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/** Which tasks lost their plan. */
export type PlanningScope =
  | { channelId: string }
  | { workspaceId: string }
  | { memberId: string }
  | { taskIds: readonly string[] };

/** Records that the task's pings are planned for `version`; a change committed meanwhile keeps it stale. */
export async function markPlanned(db: Db, taskId: string, version: number): Promise<void> {
  await db.$executeRaw`UPDATE "Task" SET "pingsPlannedVersion" = ${version}
    WHERE id = ${taskId}::uuid AND version = ${version}`;
}

/** markPlanned for many tasks in one statement. */
export async function markPlannedMany(db: Db, tasks: readonly { id: string; version: number }[]): Promise<void> {
  if (tasks.length === 0) return;
  const ids = tasks.map((t) => t.id);
  const versions = tasks.map((t) => t.version);
  await db.$executeRaw`UPDATE "Task" t SET "pingsPlannedVersion" = v.version
    FROM unnest(${ids}::uuid[], ${versions}::int[]) AS v(id, version)
    WHERE t.id = v.id AND t.version = v.version`;
}

/** Marks the open tasks in `scope` for re-planning by the next reconcile (or the caller's own sync). */
export async function resetPlanning(db: Db, scope: PlanningScope): Promise<number> {
  if ("channelId" in scope)
    return db.$executeRaw`UPDATE "Task" SET "pingsPlannedVersion" = NULL
      WHERE "channelId" = ${scope.channelId}::uuid AND status = 'open'`;
  if ("workspaceId" in scope)
    return db.$executeRaw`UPDATE "Task" SET "pingsPlannedVersion" = NULL
      WHERE status = 'open' AND "channelId" IN (SELECT id FROM "Channel" WHERE "workspaceId" = ${scope.workspaceId}::uuid)`;
  if ("memberId" in scope)
    return db.$executeRaw`UPDATE "Task" SET "pingsPlannedVersion" = NULL
      WHERE status = 'open' AND id IN (SELECT "taskId" FROM "TaskAssignee" WHERE "memberId" = ${scope.memberId}::uuid)`;
  if (scope.taskIds.length === 0) return 0;
  return db.$executeRaw`UPDATE "Task" SET "pingsPlannedVersion" = NULL WHERE id = ANY(${[...scope.taskIds]}::uuid[])`;
}

/**
 * One page (by id, after `afterId`) of the tasks whose plan is stale: open with a deadline, or still holding a
 * planned ping (a task closed by a change whose planning never ran), with a marker that is not their version.
 */
export async function staleTaskPage(db: Db, afterId: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id::text AS id FROM "Task" t
    WHERE t.id > ${afterId}::uuid
      AND t."pingsPlannedVersion" IS DISTINCT FROM t.version
      AND ((t.status = 'open' AND t."dueAt" IS NOT NULL)
        OR EXISTS (SELECT 1 FROM "Ping" p WHERE p."taskId" = t.id AND p.status = 'planned'))
    ORDER BY t.id
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** One page (by id, after `afterId`) of planned pings: what Redis must hold a job for. */
export function plannedPingPage(db: Db, afterId: string, limit: number): Promise<{ id: string; fireAt: Date }[]> {
  return db.ping.findMany({
    // Not a suspended workspace's: no job is kept for them while nothing may be sent there; once it is installed
    // again, the reconciler finds them here and they fire (late, or cancelled when no longer relevant).
    where: { status: "planned", id: { gt: afterId }, task: { channel: { workspace: { suspended: false } } } },
    select: { id: true, fireAt: true },
    orderBy: { id: "asc" },
    take: limit,
  });
}
