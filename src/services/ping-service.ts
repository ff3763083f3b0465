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
import { createPingClaimer } from "./ping-claim.js";
import { FIRST_ID, markPlanned, plannedPingPage, resetPlanning, staleTaskPage } from "./ping-planning.js";
import { planTaskPersonalPings, recipientSchedule, recipientSelect, wantsPersonalPings } from "./ping-recipients.js";

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
  pingIds: string[];
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

  async function channelContext(db: Prisma.TransactionClient, channelId: string): Promise<ChannelPingContext | null> {
    const channel = await db.channel.findUnique({
      where: { id: channelId },
      select: {
        externalId: true,
        isPrivateChat: true,
        locale: true,
        timezone: true,
        endOfDayMinutes: true,
        workingDays: true,
        pingPolicy: true,
        workspace: { select: { platform: true, daysOff: { select: { day: true, isWorkingDay: true } } } },
      },
    });
    if (!channel) return null;
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

  /** Makes the task's planned pings (channel and personal) match its deadline, status, assignees and channel policy. */
  async function syncTask(
    taskId: string,
    now: Date,
    contexts = new Map<string, ChannelPingContext | null>(),
  ): Promise<SyncResult> {
    const task = await prisma.task.findUnique({
      where: { id: taskId },
      select: {
        channelId: true,
        version: true,
        status: true,
        dueAt: true,
        dueHasTime: true,
        snoozedUntil: true,
        assignees: { select: { doneAt: true, member: { select: recipientSelect } } },
        pings: { where: { status: "planned" }, select: { id: true, kind: true, fireAt: true, memberId: true } },
      },
    });
    if (!task) return { planned: [], cancelled: [] };
    if (!contexts.has(task.channelId)) contexts.set(task.channelId, await channelContext(prisma, task.channelId));
    const context = contexts.get(task.channelId);
    if (!context) return { planned: [], cancelled: [] };
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
    await prisma.$transaction(async (tx) => {
      if (cancelled.length > 0) {
        await tx.ping.updateMany({
          where: { id: { in: cancelled }, status: "planned" },
          data: { status: "cancelled" },
        });
      }
      if (toCreate.length > 0) await createPings(tx, taskId, toCreate);
      // With the rows, so a crash before this commit leaves the task stale for the reconciler.
      await markPlanned(tx, taskId, task.version);
    });
    const nowPlanned = await prisma.ping.findMany({
      where: { taskId, status: "planned" },
      select: { id: true, fireAt: true },
      orderBy: { fireAt: "asc" },
    });
    return { planned: nowPlanned, cancelled };
  }

  /**
   * Creates the missing rows under a per-task lock: the unique key treats a null memberId (channel pings) as
   * distinct, so two concurrent syncs could otherwise both insert the same channel ping. A row cancelled earlier
   * (a deadline moved back to an earlier value) is revived instead; a row already sent stays sent.
   */
  async function createPings(tx: Prisma.TransactionClient, taskId: string, pings: DesiredPing[]): Promise<void> {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`ping-task:${taskId}`}))::text AS locked`;
    const existing = await tx.ping.findMany({
      where: { taskId, fireAt: { in: pings.map((p) => p.fireAt) } },
      select: { id: true, kind: true, fireAt: true, memberId: true, status: true },
    });
    const byKey = new Map(existing.map((row) => [key(row), row]));
    const fresh = pings.filter((p) => !byKey.has(key(p)));
    if (fresh.length > 0)
      await tx.ping.createMany({
        data: fresh.map((p) => ({ taskId, kind: p.kind, fireAt: p.fireAt, memberId: p.memberId })),
        skipDuplicates: true,
      });
    const revive = pings.flatMap((p) => {
      const row = byKey.get(key(p));
      return row?.status === "cancelled" ? [row.id] : [];
    });
    if (revive.length > 0)
      await tx.ping.updateMany({ where: { id: { in: revive }, status: "cancelled" }, data: { status: "planned" } });
  }

  const claimer = createPingClaimer({ outbox, lateAfterMs, channelContext });

  return {
    channelContext: (channelId: string) => channelContext(prisma, channelId),
    syncTask,

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

    /** Re-plans every open task with a deadline and every task still holding planned pings, stale or not. */
    async syncAll(now: Date): Promise<{ tasks: number; cancelled: string[] }> {
      const tasks = await prisma.task.findMany({
        where: { OR: [{ status: "open", dueAt: { not: null } }, { pings: { some: { status: "planned" } } }] },
        select: { id: true },
      });
      const contexts = new Map<string, ChannelPingContext | null>();
      const cancelled: string[] = [];
      for (const task of tasks) cancelled.push(...(await syncTask(task.id, now, contexts)).cancelled);
      return { tasks: tasks.length, cancelled };
    },

    /**
     * A one-off reminder for a task at `when`, moved out of quiet hours (and out of a snooze) like every ping. Returns the planned ping,
     * or null when the task does not exist.
     */
    async addReminder(taskId: string, when: Date): Promise<PlannedPingRef | null> {
      const task = await prisma.task.findUnique({
        where: { id: taskId },
        select: { channelId: true, snoozedUntil: true },
      });
      if (!task) return null;
      const context = await channelContext(prisma, task.channelId);
      if (!context) return null;
      const asked = moveOutOfQuietHours(when, context.schedule);
      // A reminder asked for inside a snooze comes when the snooze ends, as the snoozed pings do.
      const quietUntil = activeSnoozeEnd(task.snoozedUntil, context.schedule, new Date());
      const fireAt = quietUntil && asked < quietUntil ? quietUntil : asked;
      return prisma.$transaction(async (tx) => {
        await createPings(tx, taskId, [{ kind: "reminder", fireAt, memberId: null }]);
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
    async claim(pingId: string, now: Date): Promise<ClaimResult | null> {
      return prisma.$transaction(async (tx) => {
        const ping = await tx.ping.findUnique({
          where: { id: pingId },
          select: { status: true, fireAt: true, memberId: true, task: { select: { channelId: true } } },
        });
        if (ping?.status !== "planned") return null;
        const { fireAt, memberId } = ping;
        const channelId = ping.task.channelId;
        const result =
          memberId === null
            ? await claimer.claimChannel(tx, pingId, { fireAt, channelId }, now)
            : await claimer.claimPersonal(tx, pingId, { fireAt, channelId, memberId }, now);
        // The next (overdue) ping is planned after this commit: until then the tasks count as stale, so a crash
        // in between is repaired by the reconciler instead of ending the task's pings.
        if (result) await resetPlanning(tx, { taskIds: result.taskIds });
        return result;
      });
    },
  };
}
