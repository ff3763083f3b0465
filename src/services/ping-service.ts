/**
 * Pings in the database (the source of truth; queue jobs only mirror them). Plans a task's pings from the channel's
 * policy, cancels stale ones, and claims the pings of one channel-minute into a single outbox message.
 */

import { createWorkingCalendar } from "../calendar/index.js";
import type { Platform } from "../core/incoming.js";
import type { TaskView } from "../core/task-view.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import {
  applySnooze,
  type ChannelSchedule,
  type Deadline,
  isStillRelevant,
  mergeWindow,
  moveOutOfQuietHours,
  type PingItem,
  type PingKind,
  planPings,
  renderPingMessage,
  resolvePingPolicy,
  snoozeEnd,
} from "../scheduling/index.js";
import type { OutboxService } from "./outbox-service.js";
import { taskSelect, toTaskView } from "./task-mapper.js";

export interface ChannelPingContext {
  channelId: string;
  platform: Platform;
  /** The platform chat id. */
  target: string;
  locale: "vi" | "en";
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

/** Pings in the same minute merge, but never one more than this ahead of its time (tests use sub-minute dues). */
const MERGE_AHEAD_MS = 2_000;

const key = (kind: string, fireAt: Date) => `${kind}|${fireAt.getTime()}`;

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
      schedule: { timezone: channel.timezone, endOfDayMinutes: channel.endOfDayMinutes, calendar, policy },
    };
  }

  /** Makes the task's planned pings match its deadline, status and channel policy. */
  async function syncTask(
    taskId: string,
    now: Date,
    contexts = new Map<string, ChannelPingContext | null>(),
  ): Promise<SyncResult> {
    const task = await prisma.task.findUnique({
      where: { id: taskId },
      select: {
        channelId: true,
        status: true,
        dueAt: true,
        dueHasTime: true,
        snoozedUntil: true,
        pings: { where: { status: "planned" }, select: { id: true, kind: true, fireAt: true } },
      },
    });
    if (!task) return { planned: [], cancelled: [] };
    if (!contexts.has(task.channelId)) contexts.set(task.channelId, await channelContext(prisma, task.channelId));
    const context = contexts.get(task.channelId);
    if (!context) return { planned: [], cancelled: [] };
    const open = task.status === "open";
    const deadline: Deadline | null = task.dueAt ? { dueAt: task.dueAt, dueHasTime: task.dueHasTime } : null;
    const planned = deadline ? planPings(deadline, context.schedule, now) : [];
    const desired = open ? applySnooze(planned, task.snoozedUntil, context.schedule, now) : [];
    const desiredKeys = new Set(desired.map((p) => key(p.kind, p.fireAt)));
    const existingKeys = new Set(task.pings.map((p) => key(p.kind, p.fireAt)));
    // While snoozed, one-off reminders due before the snooze ends wait with the rest (the snooze's own stays).
    const quietUntil = activeSnoozeEnd(task.snoozedUntil, context.schedule, now);
    const cancelled = task.pings
      .filter((p) => {
        if (p.kind === "reminder") return !open || (quietUntil !== null && p.fireAt > now && p.fireAt < quietUntil);
        if (desiredKeys.has(key(p.kind, p.fireAt))) return false;
        // A due ping not sent yet (its job is running or the bot was down) stays while it still makes sense.
        const ping = { kind: p.kind as PingKind, fireAt: p.fireAt };
        return !(p.fireAt <= now && isStillRelevant(ping, { open, deadline }, context.schedule, now));
      })
      .map((p) => p.id);
    const toCreate = desired.filter((p) => !existingKeys.has(key(p.kind, p.fireAt)));
    await prisma.$transaction(async (tx) => {
      if (cancelled.length > 0) {
        await tx.ping.updateMany({
          where: { id: { in: cancelled }, status: "planned" },
          data: { status: "cancelled" },
        });
      }
      if (toCreate.length === 0) return;
      await tx.ping.createMany({
        data: toCreate.map((p) => ({ taskId, kind: p.kind, fireAt: p.fireAt })),
        skipDuplicates: true,
      });
      // A deadline moved back to an earlier value revives the ping cancelled then (the row is unique per time).
      for (const p of toCreate) {
        await tx.ping.updateMany({
          where: { taskId, kind: p.kind, fireAt: p.fireAt, status: "cancelled" },
          data: { status: "planned" },
        });
      }
    });
    const nowPlanned = await prisma.ping.findMany({
      where: { taskId, status: "planned" },
      select: { id: true, fireAt: true },
      orderBy: { fireAt: "asc" },
    });
    return { planned: nowPlanned, cancelled };
  }

  async function loadItems(
    tx: Prisma.TransactionClient,
    window: { start: Date; end: Date },
    channelId: string,
    upTo: Date,
  ) {
    return tx.ping.findMany({
      where: { status: "planned", fireAt: { gte: window.start, lt: window.end, lte: upTo }, task: { channelId } },
      select: { id: true, kind: true, fireAt: true, task: { select: taskSelect } },
      orderBy: { fireAt: "asc" },
    });
  }

  return {
    channelContext: (channelId: string) => channelContext(prisma, channelId),
    syncTask,

    /** Re-plans every open task with a deadline and every task still holding planned pings (the reconciler). */
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

    /** Every planned ping (the reconciler gives each a job). */
    listPlanned(): Promise<PlannedPingRef[]> {
      return prisma.ping.findMany({
        where: { status: "planned" },
        select: { id: true, fireAt: true },
        orderBy: { fireAt: "asc" },
      });
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
      await prisma.ping.createMany({ data: [{ taskId, kind: "reminder", fireAt }], skipDuplicates: true });
      const ping = await prisma.ping.update({
        where: { taskId_kind_fireAt: { taskId, kind: "reminder", fireAt } },
        data: { status: "planned" },
        select: { id: true, fireAt: true },
      });
      return ping;
    },

    /**
     * Claims ping `pingId` with every other planned ping of its channel due in the same minute, renders them as one
     * message and puts it in the outbox, all in one transaction (a channel-level advisory lock keeps two workers
     * from splitting a minute). Stale pings found on the way are cancelled, not sent. Null when the ping is gone.
     */
    async claim(pingId: string, now: Date): Promise<ClaimResult | null> {
      return prisma.$transaction(async (tx) => {
        const ping = await tx.ping.findUnique({
          where: { id: pingId },
          select: { status: true, fireAt: true, task: { select: { channelId: true } } },
        });
        if (ping?.status !== "planned") return null;
        const channelId = ping.task.channelId;
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${channelId}))::text AS locked`;
        const context = await channelContext(tx, channelId);
        if (!context) return null;
        const upTo = new Date(Math.max(now.getTime() + MERGE_AHEAD_MS, ping.fireAt.getTime()));
        const rows = await loadItems(tx, mergeWindow(ping.fireAt), channelId, upTo);
        if (!rows.some((r) => r.id === pingId)) return null; // claimed by another worker meanwhile
        const items: (PingItem & { id: string })[] = [];
        const stale: string[] = [];
        for (const row of rows) {
          const task: TaskView = toTaskView(row.task);
          const deadline = task.dueAt ? { dueAt: task.dueAt, dueHasTime: task.dueHasTime } : null;
          const relevant = isStillRelevant(
            { kind: row.kind as PingKind, fireAt: row.fireAt },
            { open: task.status === "open", deadline },
            context.schedule,
            now,
          );
          if (relevant)
            items.push({
              id: row.id,
              kind: row.kind as PingKind,
              late: now.getTime() - row.fireAt.getTime() > lateAfterMs,
              task,
            });
          else stale.push(row.id);
        }
        if (stale.length > 0) await tx.ping.updateMany({ where: { id: { in: stale } }, data: { status: "cancelled" } });
        const base = { platform: context.platform, taskIds: [...new Set(rows.map((r) => r.task.id))] };
        if (items.length === 0) return { ...base, outboxId: null, pingIds: [] };
        const { timezone, endOfDayMinutes } = context.schedule;
        const reply = {
          ...renderPingMessage(items, timezone, context.locale, now),
          presentation: { locale: context.locale, timezone, endOfDayMinutes },
        };
        const { id: outboxId } = await outbox.insert(tx, {
          channelId,
          platform: context.platform,
          target: context.target,
          reply,
        });
        for (const late of [true, false]) {
          const ids = items.filter((i) => i.late === late).map((i) => i.id);
          if (ids.length > 0)
            await tx.ping.updateMany({
              where: { id: { in: ids } },
              data: { status: "sent", sentAt: now, outboxId, late },
            });
        }
        return { ...base, outboxId, pingIds: items.map((i) => i.id) };
      });
    },
  };
}
