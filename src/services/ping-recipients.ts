/**
 * Who gets a task's personal pings: each assignee who has not finished their part and whom the bot can write to
 * privately on the task's platform. Plain functions over rows already loaded; no Prisma here.
 */

import type { Platform } from "../core/incoming.js";
import type { Locale } from "../locale.js";
import {
  applySnooze,
  type ChannelSchedule,
  type Deadline,
  type PlannedPing,
  personalSchedule,
  planPersonalPings,
} from "../scheduling/index.js";

/** The member columns personal pings need. */
export const recipientSelect = {
  id: true,
  privateChatId: true,
  timezone: true,
  locale: true,
} as const;

export interface RecipientRow {
  id: string;
  privateChatId: string | null;
  timezone: string | null;
  locale: string | null;
}

export interface AssigneeRow {
  doneAt: Date | null;
  member: RecipientRow;
}

/**
 * The chat id of a member's private chat with the bot, or null. Adapters record it when the person writes to the
 * bot: Zalo from a private message; Slack from any message, command or button (a user id: `chat.postMessage` to it
 * lands in the bot's DM with that user). Someone only ever mentioned gets no unsolicited private messages.
 */
export function privateTarget(member: RecipientRow): string | null {
  return member.privateChatId || null;
}

export interface RecipientChannel {
  platform: Platform;
  /** A task in a private chat already pings that person there: no second, personal copy. */
  isPrivateChat: boolean;
  schedule: ChannelSchedule;
}

/** Whether `member` should get this task's pings privately now (has not finished; reachable; policy allows). */
export function wantsPersonalPings(
  channel: RecipientChannel,
  assignees: readonly AssigneeRow[],
  memberId: string,
): RecipientRow | null {
  if (!channel.schedule.policy.personal || channel.isPrivateChat) return null;
  const assignee = assignees.find((a) => a.member.id === memberId);
  if (!assignee || assignee.doneAt !== null) return null;
  return privateTarget(assignee.member) ? assignee.member : null;
}

export interface PersonalPlan extends PlannedPing {
  memberId: string;
}

/** Every personal ping an open task with a deadline should have from `now` on, snoozes applied. */
export function planTaskPersonalPings(
  channel: RecipientChannel,
  assignees: readonly AssigneeRow[],
  task: { deadline: Deadline | null; snoozedUntil: Date | null },
  now: Date,
): PersonalPlan[] {
  if (!task.deadline) return [];
  const plans: PersonalPlan[] = [];
  for (const { member } of assignees) {
    if (!wantsPersonalPings(channel, assignees, member.id)) continue;
    const planned = planPersonalPings(task.deadline, channel.schedule, member.timezone, now);
    for (const ping of applySnooze(planned, task.snoozedUntil, channel.schedule, now))
      plans.push({ ...ping, memberId: member.id });
  }
  return plans;
}

/** The schedule a member's personal pings are judged by (relevance of a missed ping): theirs, on the channel's calendar. */
export function recipientSchedule(channel: RecipientChannel, member: RecipientRow): ChannelSchedule {
  return personalSchedule(channel.schedule, member.timezone);
}

/** The language of a personal ping: the member's own when known, else the channel's. */
export function recipientLocale(member: RecipientRow, fallback: Locale): Locale {
  if (member.locale?.toLowerCase().startsWith("en")) return "en";
  if (member.locale?.toLowerCase().startsWith("vi")) return "vi";
  return fallback;
}
