/**
 * Which pings a task should have, and whether a ping that was missed is still worth sending. Pure: the caller
 * passes `now`, the channel's calendar and policy; nothing here reads a clock or a database.
 */
import type { WorkingCalendar } from "../calendar/index.js";
import { atLocal, localDay, localMinutes } from "./local-time.js";
import type { PingPolicy } from "./policy.js";

export const pingKinds = ["heads_up", "hour_before", "at_deadline", "overdue", "escalation", "reminder"] as const;
export type PingKind = (typeof pingKinds)[number];

export interface ChannelSchedule {
  /** IANA zone of the channel. */
  timezone: string;
  /** End of the working day, minutes after local midnight (Channel.endOfDayMinutes). */
  endOfDayMinutes: number;
  /** Working days and holidays of the channel's workspace. */
  calendar: WorkingCalendar;
  policy: PingPolicy;
}

export interface Deadline {
  dueAt: Date;
  /** False when only a day was named (the deadline is then the end of the working day). */
  dueHasTime: boolean;
}

export interface PlannedPing {
  kind: PingKind;
  fireAt: Date;
}

/** Whether `instant` lies in working hours: a working day, between the workday start and the end of day. */
export function isWorkingTime(instant: Date, schedule: ChannelSchedule): boolean {
  const day = localDay(instant, schedule.timezone);
  if (!schedule.calendar.isWorkingDay(day)) return false;
  const minutes = localMinutes(instant, schedule.timezone);
  return minutes >= schedule.policy.workdayStartMinutes && minutes <= schedule.endOfDayMinutes;
}

/**
 * Quiet hours: an instant outside working hours moves to the next working morning (the policy's morning time);
 * before the workday starts on a working day that is the same day's morning.
 */
export function moveOutOfQuietHours(instant: Date, schedule: ChannelSchedule): Date {
  if (isWorkingTime(instant, schedule)) return instant;
  const { timezone, calendar, policy } = schedule;
  const day = localDay(instant, timezone);
  const earlyOnWorkingDay = calendar.isWorkingDay(day) && localMinutes(instant, timezone) < policy.workdayStartMinutes;
  return atLocal(earlyOnWorkingDay ? day : calendar.nextWorkingDay(day), policy.morningMinutes, timezone);
}

/** The overdue ping of working day n after the deadline's local day (n ≥ 1), at the policy's morning time. */
export function overdueSlot(deadline: Deadline, n: number, schedule: ChannelSchedule): Date {
  const dueDay = localDay(deadline.dueAt, schedule.timezone);
  return atLocal(schedule.calendar.addWorkingDays(dueDay, n), schedule.policy.morningMinutes, schedule.timezone);
}

/** The kind of the n-th overdue ping: escalation (names the creator) once n passes the policy's threshold. */
export function overdueKind(n: number, policy: PingPolicy): "overdue" | "escalation" {
  return policy.escalateAfterDays > 0 && n > policy.escalateAfterDays ? "escalation" : "overdue";
}

/** Safety bound for the overdue scan (about four years of working days). */
const MAX_OVERDUE_DAYS = 1000;

/**
 * The pings an open task with a deadline should have from `now` on (fireAt > now), ordered by time. Overdue pings
 * roll: only the next one is planned; sending it plans the one after.
 */
export function planPings(deadline: Deadline, schedule: ChannelSchedule, now: Date): PlannedPing[] {
  const { policy, timezone, calendar } = schedule;
  const due = deadline.dueAt;
  const pings: PlannedPing[] = [];
  if (!policy.enabled) return pings;
  if (policy.headsUp) {
    const day = calendar.addWorkingDays(localDay(due, timezone), -1);
    const fireAt = atLocal(day, policy.morningMinutes, timezone);
    if (fireAt < due) pings.push({ kind: "heads_up", fireAt });
  }
  if (deadline.dueHasTime && policy.minutesBefore > 0) {
    const fireAt = moveOutOfQuietHours(new Date(due.getTime() - policy.minutesBefore * 60_000), schedule);
    if (fireAt < due) pings.push({ kind: "hour_before", fireAt });
  }
  // The at-deadline ping keeps its instant even in quiet hours: the person chose that very time.
  if (policy.atDeadline) pings.push({ kind: "at_deadline", fireAt: due });
  if (policy.overdue) {
    for (let n = 1; n <= MAX_OVERDUE_DAYS; n++) {
      const fireAt = overdueSlot(deadline, n, schedule);
      if (fireAt > now && fireAt > due) {
        pings.push({ kind: overdueKind(n, policy), fireAt });
        break;
      }
    }
  }
  return pings.filter((p) => p.fireAt > now).sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

/** When a snooze really ends: its instant moved out of quiet hours, like every ping. */
export function snoozeEnd(snoozedUntil: Date, schedule: ChannelSchedule): Date {
  return moveOutOfQuietHours(snoozedUntil, schedule);
}

/**
 * A snoozed task's pings ("💤 Nhắc lại sau"): none before the snooze ends, and one reminder when it ends, so the
 * snoozed ping is moved, not dropped. The at-deadline ping is kept even inside the snooze: a snooze quiets the
 * chasing (heads-up, hour before, overdue), never the deadline itself. A snooze that has ended changes nothing.
 */
export function applySnooze(
  pings: PlannedPing[],
  snoozedUntil: Date | null,
  schedule: ChannelSchedule,
  now: Date,
): PlannedPing[] {
  if (!snoozedUntil) return pings;
  const end = snoozeEnd(snoozedUntil, schedule);
  if (end <= now) return pings;
  const kept = pings.filter((p) => p.fireAt >= end || p.kind === "at_deadline");
  if (!kept.some((p) => p.fireAt.getTime() === end.getTime())) kept.push({ kind: "reminder", fireAt: end });
  return kept.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}

/** The n of an overdue ping at `fireAt` (which working day after the deadline's day), or null if none matches. */
export function overdueDayNumber(deadline: Deadline, fireAt: Date, schedule: ChannelSchedule): number | null {
  for (let n = 1; n <= MAX_OVERDUE_DAYS; n++) {
    const slot = overdueSlot(deadline, n, schedule);
    if (slot.getTime() === fireAt.getTime()) return n;
    if (slot > fireAt) return null;
  }
  return null;
}

/**
 * Whether a ping whose time has passed (the bot was down, Redis lost it) should still be sent, late. It must still
 * fit the task's current deadline and not be superseded: a heads-up is pointless after the deadline, an at-deadline
 * ping once the first overdue ping is due, an overdue ping once the next working morning came. One-off reminders
 * stay relevant while the task is open.
 */
export function isStillRelevant(
  ping: PlannedPing,
  task: { open: boolean; deadline: Deadline | null },
  schedule: ChannelSchedule,
  now: Date,
): boolean {
  if (!task.open) return false;
  if (ping.kind === "reminder") return true;
  const deadline = task.deadline;
  if (!deadline) return false;
  const due = deadline.dueAt.getTime();
  const fireAt = ping.fireAt.getTime();
  switch (ping.kind) {
    case "heads_up":
    case "hour_before":
      return fireAt < due && now.getTime() < due;
    case "at_deadline":
      return fireAt === due && now < overdueSlot(deadline, 1, schedule);
    case "overdue":
    case "escalation": {
      if (fireAt <= due) return false;
      const { calendar, policy, timezone } = schedule;
      const next = atLocal(calendar.nextWorkingDay(localDay(ping.fireAt, timezone)), policy.morningMinutes, timezone);
      return now < next;
    }
  }
}
