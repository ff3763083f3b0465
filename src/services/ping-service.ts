/**
 * Pings in the database (the source of truth; queue jobs only mirror them). Plans a task's pings from the channel's
 * policy, cancels stale ones, and claims the pings of one channel-minute into a single outbox message.
 */

import { createWorkingCalendar } from "../calendar/index.js";
import type { Platform } from "../core/incoming.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import {
  applySnooze,
  type ChannelSchedule,
  type Deadline,
  isStillRelevant,
  moveOutOfQuietHours,
  type PingKind,
  planPings,
  resolvePingPolicy,
  snoozeEnd,
} from "../scheduling/index.js";
import type { OutboxService } from "./outbox-service.js";
import { createPingClaimer, LocalClaims } from "./ping-claim.js";
import { type BatchClaimOptions, claimChannelBatch } from "./ping-claim-batch.js";
import { FIRST_ID, markPlannedMany, plannedPingPage, resetPlanning, staleTaskPage } from "./ping-planning.js";
import { planTaskPersonalPings, recipientSchedule, recipientSelect, wantsPersonalPings } from "./ping-recipients.js";
import { transactionOptions } from "./transaction-options.js";

export interface ChannelPingContext {
  channelId: string;
  platform: Platform;
  /** The platform chat id. */
  target: string;
  locale: "vi" | "en";
  /** A private chat with the bot: its pings already reach the person, so there are no personal copies. */
  isPrivateChat: boolean;
  schedule: ChannelSchedule;
}

export interface PlannedPingRef {
  id: string;
  fireAt: Date;
}

export interface SyncResult {
  /** Every ping of the task now planned (each needs a job). */
  planned: PlannedPingRef[];
  /** Pings just cancelled (their jobs can go). */
  cancelled: string[];
}

export interface ClaimResult {
  /** The outbox row holding the merged message; null when every claimed ping turned out stale. */
  outboxId: string | null;
  platform: Platform;
  /** The pings the message carries (marked sent). */
  pingIds: string[];
  /** Pings found stale on the way and cancelled instead. */
  staleIds: string[];
  taskIds: string[];
  /** The message was claimed ahead of its time: send it at this instant (null: at once). */
  sendAfter: Date | null;
}

/** What became of a prepared message claimed afresh (PingService.reclaim). */
export interface Reclaimed {
  /** False when the row was no longer pending (being sent, or sent): nothing was changed. */
  withdrawn: boolean;
  /** The claim of its pings as they stand; null when none is still wanted. */
  result: ClaimResult | null;
  /** The tasks the withdrawn message carried: to be re-planned, like after any claim. */
  taskIds: string[];
}

export interface PingServiceOptions {
  prisma: PrismaClient;
  outbox: OutboxService;
  logger?: Logger;
  /** A ping sent this long after its time is marked late. Default 120 000 ms. */
  lateAfterMs?: number;
}

/** A ping to plan: memberId is the recipient of a personal ping, null for the channel's. */
interface DesiredPing {
  kind: PingKind;
  fireAt: Date;
  memberId: string | null;
}

const key = (p: { kind: string; fireAt: Date; memberId: string | null }) =>
  `${p.memberId ?? "channel"}|${p.kind}|${p.fireAt.getTime()}`;

export type PingService = ReturnType<typeof createPingService>;

/** The end of a snooze still running at `now`, or null. */
function activeSnoozeEnd(snoozedUntil: Date | null, schedule: ChannelSchedule, now: Date): Date | null {
  if (!snoozedUntil) return null;
  const end = snoozeEnd(snoozedUntil, schedule);
  return end > now ? end : null;
}

export function createPingService(options: PingServiceOptions) {
  const { prisma, outbox, logger } = options;
  const lateAfterMs = options.lateAfterMs ?? 120_000;

  const channelSelect = {
    id: true,
    externalId: true,
    isPrivateChat: true,
    locale: true,
    timezone: true,
    endOfDayMinutes: true,
    workingDays: true,
    pingPolicy: true,
    workspace: { select: { platform: true, daysOff: { select: { day: true, isWorkingDay: true } } } },
  } as const satisfies Prisma.ChannelSelect;

  async function channelContext(db: Prisma.TransactionClient, channelId: string): Promise<ChannelPingContext | null> {
    const channel = await db.channel.findUnique({ where: { id: channelId }, select: channelSelect });
    return channel ? toChannelContext(channel) : null;
  }

  /** The contexts of several channels in one query, into `into` (a missing channel maps to null). */
  async function loadChannelContexts(
    channelIds: Iterable<string>,
    into: Map<string, ChannelPingContext | null>,
    db: Prisma.TransactionClient = prisma,
  ): Promise<void> {
    const missing = [...new Set(channelIds)].filter((id) => !into.has(id));
    if (missing.length === 0) return;
    const channels = await db.channel.findMany({ where: { id: { in: missing } }, select: channelSelect });
    for (const id of missing) into.set(id, null);
    for (const channel of channels) into.set(channel.id, toChannelContext(channel));
  }

  function toChannelContext(channel: Prisma.ChannelGetPayload<{ select: typeof channelSelect }>): ChannelPingContext {
    const channelId = channel.id;
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const daysOff = channel.workspace.daysOff;
    const calendar = createWorkingCalendar({
      workingDays: channel.workingDays,
      extraDaysOff: daysOff.filter((d) => !d.isWorkingDay).map((d) => iso(d.day)),
      extraWorkingDays: daysOff.filter((d) => d.isWorkingDay).map((d) => iso(d.day)),
    });
    const { policy, invalid } = resolvePingPolicy(channel.pingPolicy);
    if (invalid) logger?.warn({ channelId }, "Channel.pingPolicy does not parse; using the default ping policy");
    return {
      channelId,
      platform: channel.workspace.platform,
      target: channel.externalId,
      locale: channel.locale === "en" ? "en" : "vi",
      isPrivateChat: channel.isPrivateChat,
      schedule: { timezone: channel.timezone, endOfDayMinutes: channel.endOfDayMinutes, calendar, policy },
    };
  }

  const taskSelect = {
    id: true,
    channelId: true,
    version: true,
    status: true,
    dueAt: true,
    dueHasTime: true,
    snoozedUntil: true,
    assignees: { select: { doneAt: true, member: { select: recipientSelect } } },
    pings: { where: { status: "planned" }, select: { id: true, kind: true, fireAt: true, memberId: true } },
  } as const satisfies Prisma.TaskSelect;
  type PlanTask = Prisma.TaskGetPayload<{ select: typeof taskSelect }>;

  /** What one task needs: its planned pings to cancel and the pings to create (or revive). Pure. */
  function planTask(task: PlanTask, context: ChannelPingContext, now: Date) {
    const open = task.status === "open";
    const deadline: Deadline | null = task.dueAt ? { dueAt: task.dueAt, dueHasTime: task.dueHasTime } : null;
    const planned = deadline ? planPings(deadline, context.schedule, now) : [];
    const desired: DesiredPing[] = open
      ? [
          ...applySnooze(planned, task.snoozedUntil, context.schedule, now).map((p) => ({ ...p, memberId: null })),
          ...planTaskPersonalPings(context, task.assignees, { deadline, snoozedUntil: task.snoozedUntil }, now),
        ]
      : [];
    const desiredKeys = new Set(desired.map(key));
    const existingKeys = new Set(task.pings.map(key));
    // While snoozed, one-off reminders due before the snooze ends wait with the rest (the snooze's own stays).
    const quietUntil = activeSnoozeEnd(task.snoozedUntil, context.schedule, now);
    const cancelled = task.pings
      .filter((p) => {
        if (p.kind === "reminder" && p.memberId === null)
          return !open || (quietUntil !== null && p.fireAt > now && p.fireAt < quietUntil);
        if (desiredKeys.has(key(p))) return false;
        // A due ping not sent yet (its job is running or the bot was down) stays while it still makes sense.
        let schedule = context.schedule;
        if (p.memberId !== null) {
          const member = wantsPersonalPings(context, task.assignees, p.memberId);
          if (!member) return true;
          schedule = recipientSchedule(context, member);
        }
        const ping = { kind: p.kind as PingKind, fireAt: p.fireAt };
        return !(p.fireAt <= now && isStillRelevant(ping, { open, deadline }, schedule, now));
      })
      .map((p) => p.id);
    const toCreate = desired.filter((p) => !existingKeys.has(key(p)));
    return { cancelled, toCreate };
  }

  /**
   * Makes the planned pings (channel and personal) of the tasks match their deadline, status, assignees and channel
   * policy, set-based: one read of the tasks, one context per channel, one transaction with a few statements
   * whatever the number of tasks (what a merged ping message re-plans after it is sent).
   */
  async function syncTasks(
    taskIds: readonly string[],
    now: Date,
    contexts = new Map<string, ChannelPingContext | null>(),
  ): Promise<SyncResult> {
    const ids = [...new Set(taskIds)];
    if (ids.length === 0) return { planned: [], cancelled: [] };
    const tasks = await prisma.task.findMany({ where: { id: { in: ids } }, select: taskSelect });
    await loadChannelContexts(
      tasks.map((t) => t.channelId),
      contexts,
    );
    const cancelled: string[] = [];
    const creates: { taskId: string; pings: DesiredPing[] }[] = [];
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
        await tx.ping.updateMany({
          where: { id: { in: cancelled }, status: "planned" },
          data: { status: "cancelled" },
        });
      }
      if (creates.length > 0) await createPings(tx, creates);
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

  /** Makes the task's planned pings (channel and personal) match its deadline, status, assignees and channel policy. */
  function syncTask(
    taskId: string,
    now: Date,
    contexts = new Map<string, ChannelPingContext | null>(),
  ): Promise<SyncResult> {
    return syncTasks([taskId], now, contexts);
  }

  /**
   * Creates the missing rows under per-task locks (taken in id order, so two batches cannot deadlock): the unique
   * key treats a null memberId (channel pings) as distinct, so two concurrent syncs could otherwise both insert the
   * same channel ping. A row cancelled earlier (a deadline moved back to an earlier value) is revived instead, in one
   * statement, and only when there is one; a row already sent stays sent.
   */
  async function createPings(
    tx: Prisma.TransactionClient,
    creates: readonly { taskId: string; pings: DesiredPing[] }[],
  ): Promise<void> {
    const lockKeys = creates.map((c) => `ping-task:${c.taskId}`);
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(h))::text AS locked
      FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(${lockKeys}::text[]) AS k ORDER BY 1) AS l`;
    // A superset (every task × every instant), matched per task below: one statement shape whatever the batch.
    const existing = await tx.ping.findMany({
      where: {
        taskId: { in: creates.map((c) => c.taskId) },
        fireAt: {
          in: [...new Set(creates.flatMap((c) => c.pings.map((p) => p.fireAt.getTime())))].map((t) => new Date(t)),
        },
      },
      select: { id: true, taskId: true, kind: true, fireAt: true, memberId: true, status: true },
    });
    const taskKey = (taskId: string, p: { kind: string; fireAt: Date; memberId: string | null }) =>
      `${taskId}|${key(p)}`;
    const byKey = new Map(existing.map((row) => [taskKey(row.taskId, row), row]));
    const fresh: Prisma.PingCreateManyInput[] = [];
    const revive: string[] = [];
    for (const { taskId, pings } of creates) {
      for (const p of pings) {
        const row = byKey.get(taskKey(taskId, p));
        if (!row) fresh.push({ taskId, kind: p.kind, fireAt: p.fireAt, memberId: p.memberId });
        else if (row.status === "cancelled") revive.push(row.id);
      }
    }
    if (fresh.length > 0) await tx.ping.createMany({ data: fresh, skipDuplicates: true });
    if (revive.length > 0)
      await tx.ping.updateMany({ where: { id: { in: revive }, status: "cancelled" }, data: { status: "planned" } });
  }

  /**
   * Cancels those of `pingIds` (pings of `taskIds`) that a re-plan at `at` would have cancelled: for a withdrawn
   * message, what the change that withdrew it would have done had its pings still been planned (a snooze, the
   * channel's pings turned off, an assignee gone). The claim that follows judges the rest as at their time.
   */
  async function cancelUnwanted(
    tx: Prisma.TransactionClient,
    pingIds: ReadonlySet<string>,
    taskIds: readonly string[],
    at: Date,
  ): Promise<Set<string>> {
    const tasks = await tx.task.findMany({ where: { id: { in: [...taskIds] } }, select: taskSelect });
    const contexts = new Map<string, ChannelPingContext | null>();
    await loadChannelContexts(
      tasks.map((t) => t.channelId),
      contexts,
      tx,
    );
    const unwanted = tasks.flatMap((task) => {
      const context = contexts.get(task.channelId);
      return context ? planTask(task, context, at).cancelled.filter((id) => pingIds.has(id)) : [];
    });
    if (unwanted.length > 0)
      await tx.ping.updateMany({ where: { id: { in: unwanted } }, data: { status: "cancelled" } });
    return new Set(unwanted);
  }

  const claimer = createPingClaimer({ outbox, lateAfterMs, channelContext });
  const claims = new LocalClaims();
  const batchOptions: BatchClaimOptions = {
    lateAfterMs,
    async loadContexts(tx, channelIds) {
      const contexts = new Map<string, ChannelPingContext | null>();
      await loadChannelContexts(channelIds, contexts, tx);
      return contexts;
    },
  };

  /** What a claim needs to know of a ping before its transaction. */
  const seenSelect = {
    id: true,
    status: true,
    fireAt: true,
    memberId: true,
    task: { select: { channelId: true } },
  } as const satisfies Prisma.PingSelect;

  return {
    channelContext: (channelId: string) => channelContext(prisma, channelId),
    syncTask,
    syncTasks,

    /**
     * Re-plans the tasks whose plan is stale (see ping-planning.ts), a page at a time: what the reconciler runs.
     * A task that fails is logged and left stale for the next run.
     */
    async syncStale(now: Date, pageSize = 500): Promise<{ tasks: number; cancelled: string[] }> {
      const contexts = new Map<string, ChannelPingContext | null>();
      const cancelled: string[] = [];
      let tasks = 0;
      for (let after = FIRST_ID; ; ) {
        const ids = await staleTaskPage(prisma, after, pageSize);
        for (const id of ids) {
          try {
            cancelled.push(...(await syncTask(id, now, contexts)).cancelled);
            tasks++;
          } catch (error) {
            logger?.warn({ err: error, taskId: id }, "task not re-planned; the next reconcile retries");
          }
        }
        if (ids.length < pageSize) return { tasks, cancelled };
        after = ids[ids.length - 1] as string;
      }
    },

    /** Marks the channel's open tasks for re-planning (its settings changed). */
    async markChannelStale(channelId: string): Promise<void> {
      await resetPlanning(prisma, { channelId });
    },

    /** One page of planned pings by id (the reconciler gives each a job). */
    plannedPage: (afterId: string, limit: number) => plannedPingPage(prisma, afterId, limit),

    /**
     * A one-off reminder for a task at `when`, moved out of quiet hours (and out of a snooze) like every ping. Returns the planned ping,
     * null when the task does not exist, or "too_many" when `maxWaiting` reminders of the task already wait (counted
     * under the task's ping lock, so two at once cannot both pass).
     */
    async addReminder(
      taskId: string,
      when: Date,
      now: Date,
      maxWaiting = Number.POSITIVE_INFINITY,
    ): Promise<PlannedPingRef | null | "too_many"> {
      const task = await prisma.task.findUnique({
        where: { id: taskId },
        select: { channelId: true, snoozedUntil: true },
      });
      if (!task) return null;
      const context = await channelContext(prisma, task.channelId);
      if (!context) return null;
      const asked = moveOutOfQuietHours(when, context.schedule);
      // A reminder asked for inside a snooze comes when the snooze ends, as the snoozed pings do.
      const quietUntil = activeSnoozeEnd(task.snoozedUntil, context.schedule, now);
      const fireAt = quietUntil && asked < quietUntil ? quietUntil : asked;
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`ping-task:${taskId}`}))::text AS locked`;
        const waiting = await tx.ping.count({
          where: { taskId, kind: "reminder", memberId: null, status: "planned", fireAt: { not: fireAt } },
        });
        if (waiting >= maxWaiting) return "too_many" as const;
        await createPings(tx, [{ taskId, pings: [{ kind: "reminder", fireAt, memberId: null }] }]);
        const ping = await tx.ping.findFirstOrThrow({
          where: { taskId, kind: "reminder", fireAt, memberId: null },
          select: { id: true },
        });
        // Asked again for a time already used: the reminder is planned again.
        return tx.ping.update({
          where: { id: ping.id },
          data: { status: "planned" },
          select: { id: true, fireAt: true },
        });
      });
    },

    /**
     * Claims ping `pingId` with the other planned pings due in the same minute to the same place (its channel, or
     * for a personal ping the same person's private chat), renders them as one message and puts it in the outbox,
     * all in one transaction (an advisory lock keeps two workers from splitting a minute). Stale pings found on the
     * way are cancelled, not sent. Null when the ping is gone or already claimed.
     */
    /**
     * claim() for many pings at once (the ping worker's batch): the channel pings of every channel in one
     * transaction (ping-claim-batch.ts), personal pings one by one. One result per id, in order: the message's
     * result for the first requested ping it carries, null for the others and for pings no longer planned.
     */
    async claimMany(pingIds: readonly string[], now: Date): Promise<(ClaimResult | null)[]> {
      const seen = await prisma.ping.findMany({
        where: { id: { in: [...new Set(pingIds)] }, status: "planned" },
        select: seenSelect,
      });
      const results = new Map<string, ClaimResult | null>();
      const requests = seen
        .filter((p) => p.memberId === null)
        .map((p) => ({ pingId: p.id, channelId: p.task.channelId, fireAt: p.fireAt }));
      if (requests.length > 0) {
        const claimed = await prisma.$transaction(
          (tx) => claimChannelBatch(tx, requests, now, batchOptions),
          transactionOptions,
        );
        for (const [id, result] of claimed) {
          results.set(id, result);
          if (result) claims.remember([...result.pingIds, ...result.staleIds]);
        }
      }
      for (const ping of seen) if (ping.memberId !== null) results.set(ping.id, await this.claim(ping.id, now));
      return pingIds.map((id) => results.get(id) ?? null);
    },

    /**
     * A message claimed ahead of its time whose tasks changed before it went out (the outbox finds this when it is
     * due): its row is withdrawn and its pings claimed again as they stand now, in one transaction, under the lock
     * their claim took. A task done meanwhile drops out, a renamed one is sent under its new name, a moved deadline
     * cancels the ping, a snooze or a channel that turned its pings off likewise; what is left goes out at once in
     * a new row.
     */
    async reclaim(outboxId: string, now: Date): Promise<Reclaimed> {
      const nothing: Reclaimed = { withdrawn: false, result: null, taskIds: [] };
      const outcome = await prisma.$transaction(async (tx): Promise<Reclaimed> => {
        const carried = await tx.ping.findMany({
          where: { outboxId, status: "sent" },
          select: { ...seenSelect, taskId: true },
          orderBy: { fireAt: "asc" },
        });
        const first = carried[0];
        if (!first) return nothing;
        const { memberId } = first;
        const channelId = first.task.channelId;
        const lockKey = memberId === null ? channelId : `ping-member:${memberId}`;
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))::text AS locked`;
        const { count } = await tx.outboxMessage.deleteMany({ where: { id: outboxId, status: "pending" } });
        if (count === 0) return nothing;
        await tx.ping.updateMany({
          where: { outboxId },
          data: { status: "planned", outboxId: null, sentAt: null, late: false },
        });
        const taskIds = [...new Set(carried.map((p) => p.taskId))];
        const carriedIds = new Set(carried.map((p) => p.id));
        const unwanted = await cancelUnwanted(tx, carriedIds, taskIds, new Date(first.fireAt.getTime() - 1));
        // The claim starts from a ping still wanted and takes its planned companions of the minute with it.
        const requested = carried.find((p) => !unwanted.has(p.id));
        if (!requested) return { withdrawn: true, result: null, taskIds };
        const { fireAt } = requested;
        const result =
          memberId === null
            ? await claimer.claimChannel(tx, requested.id, { fireAt, channelId }, now)
            : await claimer.claimPersonal(tx, requested.id, { fireAt, channelId, memberId }, now);
        return { withdrawn: true, result, taskIds };
      }, transactionOptions);
      if (outcome.result) claims.remember([...outcome.result.pingIds, ...outcome.result.staleIds]);
      return outcome;
    },

    async claim(pingId: string, now: Date): Promise<ClaimResult | null> {
      // Most jobs of a busy minute find their ping already merged into another's message: a plain read spares
      // them a transaction (Prisma batches these reads of concurrent jobs into one query).
      const seen = await prisma.ping.findUnique({
        where: { id: pingId },
        select: seenSelect,
      });
      if (seen?.status !== "planned") return null;
      const { fireAt, memberId } = seen;
      const channelId = seen.task.channelId;
      const readAt = performance.now();
      return claims.run(memberId === null ? `channel:${channelId}` : `member:${memberId}`, async () => {
        // Claimed by the claim this one waited behind: no transaction needed to learn that.
        if (claims.claimedSince(pingId, readAt)) return null;
        const result = await prisma.$transaction(async (tx) => {
          // The claim also marks its tasks stale until their next ping is planned (see ping-claim.ts).
          return memberId === null
            ? claimer.claimChannel(tx, pingId, { fireAt, channelId }, now)
            : claimer.claimPersonal(tx, pingId, { fireAt, channelId, memberId }, now);
        });
        if (result) claims.remember([...result.pingIds, ...result.staleIds]);
        return result;
      });
    },
  };
}
