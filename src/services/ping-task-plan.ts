/**
 * What one task's pings should be, decided as data: from the task's deadline, status, snooze and assignees and its
 * channel's schedule, which planned pings to cancel and which to create. Pure; ping-sync.ts reads and writes.
 */
import type { Prisma } from "../generated/prisma/client.js";
import {
  applySnooze,
  type ChannelSchedule,
  type Deadline,
  isStillRelevant,
  type PingKind,
  planPings,
  snoozeEnd,
} from "../scheduling/index.js";
import { planTaskPersonalPings, recipientSchedule, recipientSelect, wantsPersonalPings } from "./ping-recipients.js";
import type { ChannelPingContext, DesiredPing } from "./ping-types.js";

/** The task columns planning reads, with its planned pings. */
export const planTaskSelect = {
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

export type PlanTaskRow = Prisma.TaskGetPayload<{ select: typeof planTaskSelect }>;

/** What makes two pings of a task the same ping: recipient, kind and instant. */
export const pingKey = (p: { kind: string; fireAt: Date; memberId: string | null }) =>
  `${p.memberId ?? "channel"}|${p.kind}|${p.fireAt.getTime()}`;

/** The end of a snooze still running at `now`, or null. */
export function activeSnoozeEnd(snoozedUntil: Date | null, schedule: ChannelSchedule, now: Date): Date | null {
  if (!snoozedUntil) return null;
  const end = snoozeEnd(snoozedUntil, schedule);
  return end > now ? end : null;
}

/** The pings the task should have from `now` on: channel pings and personal ones, snoozes applied. */
function desiredPings(task: PlanTaskRow, context: ChannelPingContext, now: Date): DesiredPing[] {
  if (task.status !== "open") return [];
  const deadline: Deadline | null = task.dueAt ? { dueAt: task.dueAt, dueHasTime: task.dueHasTime } : null;
  const planned = deadline ? planPings(deadline, context.schedule, now) : [];
  return [
    ...applySnooze(planned, task.snoozedUntil, context.schedule, now).map((p) => ({ ...p, memberId: null })),
    ...planTaskPersonalPings(context, task.assignees, { deadline, snoozedUntil: task.snoozedUntil }, now),
  ];
}

/** Whether a planned ping the plan no longer wants is cancelled (a due one not sent yet may still go out). */
function isUnwanted(
  ping: PlanTaskRow["pings"][number],
  task: PlanTaskRow,
  context: ChannelPingContext,
  now: Date,
  quietUntil: Date | null,
): boolean {
  const open = task.status === "open";
  if (ping.kind === "reminder" && ping.memberId === null)
    return !open || (quietUntil !== null && ping.fireAt > now && ping.fireAt < quietUntil);
  // A due ping not sent yet (its job is running or the bot was down) stays while it still makes sense.
  let schedule = context.schedule;
  if (ping.memberId !== null) {
    const member = wantsPersonalPings(context, task.assignees, ping.memberId);
    if (!member) return true;
    schedule = recipientSchedule(context, member);
  }
  const deadline: Deadline | null = task.dueAt ? { dueAt: task.dueAt, dueHasTime: task.dueHasTime } : null;
  const judged = { kind: ping.kind as PingKind, fireAt: ping.fireAt };
  return !(ping.fireAt <= now && isStillRelevant(judged, { open, deadline }, schedule, now));
}

/** What one task needs: its planned pings to cancel and the pings to create (or revive). */
export function planTask(
  task: PlanTaskRow,
  context: ChannelPingContext,
  now: Date,
): { cancelled: string[]; toCreate: DesiredPing[] } {
  const desired = desiredPings(task, context, now);
  const desiredKeys = new Set(desired.map(pingKey));
  const existingKeys = new Set(task.pings.map(pingKey));
  // While snoozed, one-off reminders due before the snooze ends wait with the rest (the snooze's own stays).
  const quietUntil = activeSnoozeEnd(task.snoozedUntil, context.schedule, now);
  const cancelled = task.pings
    .filter((p) => (p.kind === "reminder" && p.memberId === null) || !desiredKeys.has(pingKey(p)))
    .filter((p) => isUnwanted(p, task, context, now, quietUntil))
    .map((p) => p.id);
  const toCreate = desired.filter((p) => !existingKeys.has(pingKey(p)));
  return { cancelled, toCreate };
}
