/**
 * Making a task's ping rows match its plan (ping-task-plan.ts): cancelling the pings it no longer wants and creating
 * (or reviving) the ones it lacks, set-based for many tasks, with the task marked planned in the same transaction
 * (see ping-planning.ts).
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { lockForTransaction, taskPingsLock } from "./advisory-locks.js";
import { loadChannelContexts } from "./ping-contexts.js";
import { FIRST_ID, markPlannedMany, staleTaskPage } from "./ping-planning.js";
import { pingKey, planTask, planTaskSelect } from "./ping-task-plan.js";
import type { ChannelContexts, DesiredPing, SyncResult } from "./ping-types.js";

export interface PingSyncDeps {
  prisma: PrismaClient;
  logger?: Logger;
}

/** New pings of one task. */
export interface PingsToCreate {
  taskId: string;
  pings: DesiredPing[];
}

/**
 * Creates the missing rows under per-task locks (taken in id order, so two batches cannot deadlock): the unique
 * key treats a null memberId (channel pings) as distinct, so two concurrent syncs could otherwise both insert the
 * same channel ping. A row cancelled earlier (a deadline moved back to an earlier value) is revived instead, in one
 * statement, and only when there is one; a row already sent stays sent.
 */
export async function createPings(
  tx: Prisma.TransactionClient,
  creates: readonly PingsToCreate[],
  now: Date,
): Promise<void> {
  await lockForTransaction(
    tx,
    creates.map((c) => taskPingsLock(c.taskId)),
  );
  // A superset (every task × every instant), matched per task below: one statement shape whatever the batch.
  const instants = new Set(creates.flatMap((c) => c.pings.map((p) => p.fireAt.getTime())));
  const existing = await tx.ping.findMany({
    where: { taskId: { in: creates.map((c) => c.taskId) }, fireAt: { in: [...instants].map((t) => new Date(t)) } },
    select: { id: true, taskId: true, kind: true, fireAt: true, memberId: true, status: true },
  });
  const taskKey = (taskId: string, p: Parameters<typeof pingKey>[0]) => `${taskId}|${pingKey(p)}`;
  const byKey = new Map(existing.map((row) => [taskKey(row.taskId, row), row]));
  const fresh: NewPing[] = [];
  const revive: string[] = [];
  for (const { taskId, pings } of creates) {
    for (const p of pings) {
      const row = byKey.get(taskKey(taskId, p));
      if (!row) fresh.push({ taskId, kind: p.kind, fireAt: p.fireAt, memberId: p.memberId });
      else if (row.status === "cancelled") revive.push(row.id);
    }
  }
  if (fresh.length > 0) await insertPings(tx, fresh, now);
  if (revive.length > 0)
    await tx.ping.updateMany({ where: { id: { in: revive }, status: "cancelled" }, data: { status: "planned" } });
}

interface NewPing {
  taskId: string;
  kind: string;
  fireAt: Date;
  memberId: string | null;
}

/**
 * The rows in one statement whatever their number. Not `createMany`: Prisma compiles a plan per call for it (its plan
 * cache leaves createMany out, and the plan grows with the rows), which cost every new task more CPU than the rest of
 * its planning. `createdAt`/`updatedAt` are the caller's `now`.
 */
async function insertPings(tx: Prisma.TransactionClient, rows: readonly NewPing[], at: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Ping" ("id", "taskId", "kind", "fireAt", "memberId", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), p."taskId", p."kind", p."fireAt", p."memberId", ${at}::timestamptz, ${at}::timestamptz
    FROM unnest(
      ${rows.map((r) => r.taskId)}::uuid[],
      ${rows.map((r) => r.kind)}::text[],
      ${rows.map((r) => r.fireAt.toISOString())}::timestamptz[],
      ${rows.map((r) => r.memberId)}::uuid[]
    ) AS p("taskId", "kind", "fireAt", "memberId")
    ON CONFLICT DO NOTHING`;
}

/**
 * Makes the planned pings (channel and personal) of the tasks match their deadline, status, assignees and channel
 * policy, set-based: one read of the tasks, one context per channel, one transaction with a few statements
 * whatever the number of tasks (what a merged ping message re-plans after it is sent).
 */
export async function syncTasks(
  deps: PingSyncDeps,
  taskIds: readonly string[],
  now: Date,
  contexts: ChannelContexts = new Map(),
): Promise<SyncResult> {
  const { prisma, logger } = deps;
  const ids = [...new Set(taskIds)];
  if (ids.length === 0) return { planned: [], cancelled: [] };
  const tasks = await prisma.task.findMany({ where: { id: { in: ids } }, select: planTaskSelect });
  await loadChannelContexts(
    prisma,
    tasks.map((t) => t.channelId),
    contexts,
    logger,
  );
  const cancelled: string[] = [];
  const creates: PingsToCreate[] = [];
  const versions: { id: string; version: number }[] = [];
  for (const task of tasks) {
    const context = contexts.get(task.channelId);
    if (!context) continue;
    const plan = planTask(task, context, now);
    cancelled.push(...plan.cancelled);
    if (plan.toCreate.length > 0) creates.push({ taskId: task.id, pings: plan.toCreate });
    versions.push({ id: task.id, version: task.version });
  }
  if (versions.length === 0) return { planned: [], cancelled: [] };
  await prisma.$transaction(async (tx) => {
    if (cancelled.length > 0) {
      await tx.ping.updateMany({ where: { id: { in: cancelled }, status: "planned" }, data: { status: "cancelled" } });
    }
    if (creates.length > 0) await createPings(tx, creates, now);
    // With the rows, so a crash before this commit leaves the tasks stale for the reconciler.
    await markPlannedMany(tx, versions);
  });
  const nowPlanned = await prisma.ping.findMany({
    where: { taskId: { in: versions.map((v) => v.id) }, status: "planned" },
    select: { id: true, fireAt: true },
    orderBy: { fireAt: "asc" },
  });
  return { planned: nowPlanned, cancelled };
}

/**
 * Cancels those of `pingIds` (pings of `taskIds`) that a re-plan at `at` would have cancelled: for a withdrawn
 * message, what the change that withdrew it would have done had its pings still been planned (a snooze, the
 * channel's pings turned off, an assignee gone). The claim that follows judges the rest as at their time.
 */
export async function cancelUnwanted(
  tx: Prisma.TransactionClient,
  pingIds: ReadonlySet<string>,
  taskIds: readonly string[],
  at: Date,
  logger?: Logger,
): Promise<Set<string>> {
  const tasks = await tx.task.findMany({ where: { id: { in: [...taskIds] } }, select: planTaskSelect });
  const contexts = await loadChannelContexts(
    tx,
    tasks.map((t) => t.channelId),
    new Map(),
    logger,
  );
  const unwanted = tasks.flatMap((task) => {
    const context = contexts.get(task.channelId);
    return context ? planTask(task, context, at).cancelled.filter((id) => pingIds.has(id)) : [];
  });
  if (unwanted.length > 0) await tx.ping.updateMany({ where: { id: { in: unwanted } }, data: { status: "cancelled" } });
  return new Set(unwanted);
}

/**
 * Re-plans the tasks whose plan is stale (see ping-planning.ts), a page at a time: what the reconciler runs.
 * A task that fails is logged and left stale for the next run.
 */
export async function syncStale(
  deps: PingSyncDeps,
  now: Date,
  pageSize = 500,
): Promise<{ tasks: number; cancelled: string[] }> {
  const contexts: ChannelContexts = new Map();
  const cancelled: string[] = [];
  let tasks = 0;
  for (let after = FIRST_ID; ; ) {
    const ids = await staleTaskPage(deps.prisma, after, pageSize);
    for (const id of ids) {
      try {
        cancelled.push(...(await syncTasks(deps, [id], now, contexts)).cancelled);
        tasks++;
      } catch (error) {
        deps.logger?.warn({ err: error, taskId: id }, "task not re-planned; the next reconcile retries");
      }
    }
    if (ids.length < pageSize) return { tasks, cancelled };
    after = ids[ids.length - 1] as string;
  }
}
