/**
 * One-off reminders ("nhắc #12 lúc 15h"): a planned ping of kind "reminder" for the channel, at the asked time moved
 * out of quiet hours and out of a running snooze, like every ping.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { moveOutOfQuietHours } from "../scheduling/index.js";
import { lockForTransaction, taskPingsLock } from "./advisory-locks.js";
import { channelContext } from "./ping-contexts.js";
import { createPings } from "./ping-sync.js";
import { activeSnoozeEnd } from "./ping-task-plan.js";
import type { PlannedPingRef } from "./ping-types.js";

/**
 * A reminder for a task at `when`. Returns the planned ping, null when the task does not exist, or "too_many" when
 * `maxWaiting` reminders of the task already wait (counted under the task's ping lock, so two at once cannot both
 * pass).
 */
export async function addReminder(
  deps: { prisma: PrismaClient; logger?: Logger },
  taskId: string,
  when: Date,
  now: Date,
  maxWaiting = Number.POSITIVE_INFINITY,
): Promise<PlannedPingRef | null | "too_many"> {
  const { prisma } = deps;
  const task = await prisma.task.findUnique({ where: { id: taskId }, select: { channelId: true, snoozedUntil: true } });
  if (!task) return null;
  const context = await channelContext(prisma, task.channelId, deps.logger);
  if (!context) return null;
  const asked = moveOutOfQuietHours(when, context.schedule);
  // A reminder asked for inside a snooze comes when the snooze ends, as the snoozed pings do.
  const quietUntil = activeSnoozeEnd(task.snoozedUntil, context.schedule, now);
  const fireAt = quietUntil && asked < quietUntil ? quietUntil : asked;
  return prisma.$transaction(async (tx) => {
    await lockForTransaction(tx, [taskPingsLock(taskId)]);
    const waiting = await tx.ping.count({
      where: { taskId, kind: "reminder", memberId: null, status: "planned", fireAt: { not: fireAt } },
    });
    if (waiting >= maxWaiting) return "too_many" as const;
    await createPings(tx, [{ taskId, pings: [{ kind: "reminder", fireAt, memberId: null }] }], now);
    const ping = await tx.ping.findFirstOrThrow({
      where: { taskId, kind: "reminder", fireAt, memberId: null },
      select: { id: true },
    });
    // Asked again for a time already used: the reminder is planned again.
    return tx.ping.update({ where: { id: ping.id }, data: { status: "planned" }, select: { id: true, fireAt: true } });
  });
}
