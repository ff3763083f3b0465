/**
 * The decisions of a ping claim, as data: which planned pings go out together in one message (the merge window),
 * which of them are stale and cancelled instead, which are late, when the message may go out and how it reads.
 * Pure; ping-claim.ts reads the rows, takes the locks and writes.
 */

import type { Platform } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Locale } from "../locale.js";
import {
  type ChannelSchedule,
  isStillRelevant,
  mergeWindow,
  type PingItem,
  type PingKind,
  renderPingMessage,
} from "../scheduling/index.js";
import { recipientSelect } from "./ping-recipients.js";
import type { ChannelPingRequest } from "./ping-types.js";
import { personSelect, taskSelect, toTaskView } from "./task-mapper.js";

/** Pings in the same minute merge, but never one more than this ahead of its time (tests use sub-minute dues). */
export const MERGE_AHEAD_MS = 2_000;

/** A ping with its task, the assignees carrying what the recipient check needs (private chat, zone, language). */
export const claimRowSelect = {
  id: true,
  kind: true,
  fireAt: true,
  task: {
    select: {
      ...taskSelect,
      assignees: {
        ...taskSelect.assignees,
        select: { ...taskSelect.assignees.select, member: { select: { ...personSelect, ...recipientSelect } } },
      },
    },
  },
} as const satisfies Prisma.PingSelect;

export type ClaimRow = Prisma.PingGetPayload<{ select: typeof claimRowSelect }>;

/** Where a claimed message goes, and how it is worded. */
export interface ClaimOut {
  channelId: string;
  platform: Platform;
  target: string;
  locale: Locale;
  schedule: ChannelSchedule;
}

/** The rows of one message, judged: the items to send, the stale ids, and when the message is due. */
export interface JudgedRows {
  items: (PingItem & { id: string })[];
  stale: string[];
  sendAt: Date;
}

/**
 * Splits rows into items to send and stale ids; `scheduleOf` is null when the row may no longer be sent at all.
 * Each row is judged as at its own time when that is still ahead (a message prepared ahead, see `sendAfter`).
 * A ping claimed more than `lateAfterMs` after its time is marked late. `sendAt` is when the message is due: its
 * earliest item's time, or now when that has passed.
 */
export function judgeRows(
  rows: readonly ClaimRow[],
  scheduleOf: (row: ClaimRow) => ChannelSchedule | null,
  now: Date,
  lateAfterMs: number,
): JudgedRows {
  const items: (PingItem & { id: string })[] = [];
  const stale: string[] = [];
  let sendAt = new Date(8.64e15); // the latest Date: lowered to the earliest item's time
  for (const row of rows) {
    const task = toTaskView(row.task);
    const deadline = task.dueAt ? { dueAt: task.dueAt, dueHasTime: task.dueHasTime } : null;
    const schedule = scheduleOf(row);
    const ping = { kind: row.kind as PingKind, fireAt: row.fireAt };
    const at = row.fireAt > now ? row.fireAt : now;
    if (schedule && isStillRelevant(ping, { open: task.status === "open", deadline }, schedule, at)) {
      items.push({ id: row.id, kind: ping.kind, late: now.getTime() - row.fireAt.getTime() > lateAfterMs, task });
      if (at < sendAt) sendAt = at;
    } else stale.push(row.id);
  }
  return { items, stale, sendAt: items.length > 0 ? sendAt : now };
}

/** When a message due at `sendAt` may go out: null for at once (its time has come), else that instant. */
export const sendAfterOf = (sendAt: Date, now: Date): Date | null => (sendAt > now ? sendAt : null);

/** The one message for `items` (at least one), in the recipient's zone and language. */
export function pingReply(items: PingItem[], out: ClaimOut, now: Date): Reply {
  const { timezone, endOfDayMinutes } = out.schedule;
  return {
    ...renderPingMessage(items, timezone, out.locale, now),
    presentation: { locale: out.locale, timezone, endOfDayMinutes },
  };
}

/**
 * A message takes its channel's planned pings from the start of the requested ping's minute (ones left behind, late)
 * up to MERGE_AHEAD_MS after the message's time (the requested ping's, or now when that has passed; for a message
 * late beyond its minute, after the minute's end, so a late claim does not sweep up later minutes). Across a minute
 * boundary too: a channel that got a message at 16:59:59.5 may not get another before 17:00:00.6 (about one a second
 * per channel), so its 17:00 pings go with that one, half a second early, rather than a second late.
 */
export function mergeUpTo(fireAt: Date, now: Date): Date {
  const sendAt = Math.max(now.getTime(), fireAt.getTime());
  return new Date(Math.min(sendAt, mergeWindow(fireAt).end.getTime()) + MERGE_AHEAD_MS);
}

/** The requested pings of one channel and minute: the message they go out in (from `start` up to `upTo`). */
export interface ChannelMessageGroup {
  channelId: string;
  start: Date;
  upTo: Date;
  requested: string[];
}

/**
 * Requested channel pings grouped by channel and minute, earliest minute first: each group is one message. A group
 * reaches as far as its latest request's mergeUpTo.
 */
export function groupChannelRequests(requests: readonly ChannelPingRequest[], now: Date): ChannelMessageGroup[] {
  const groups = new Map<string, ChannelMessageGroup>();
  for (const request of requests) {
    const window = mergeWindow(request.fireAt);
    const key = `${request.channelId}|${window.start.getTime()}`;
    const upTo = mergeUpTo(request.fireAt, now);
    const group = groups.get(key);
    if (!group)
      groups.set(key, { channelId: request.channelId, start: window.start, upTo, requested: [request.pingId] });
    else {
      group.requested.push(request.pingId);
      if (upTo > group.upTo) group.upTo = upTo;
    }
  }
  return [...groups.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * The rows each group's message takes, in group order: a channel's rows within the group's range, not taken by an
 * earlier group (a message reaches into the next minute, so two groups of a channel can overlap: the earlier takes).
 * A group none of whose requested pings is among its rows (claimed by another worker meanwhile) takes nothing.
 */
export function assignRows(
  groups: readonly ChannelMessageGroup[],
  rows: readonly ClaimRow[],
): { group: ChannelMessageGroup; owner: string; rows: ClaimRow[] }[] {
  const taken = new Set<string>();
  const messages: { group: ChannelMessageGroup; owner: string; rows: ClaimRow[] }[] = [];
  for (const group of groups) {
    const mine = rows.filter(
      (r) =>
        r.task.channelId === group.channelId && r.fireAt >= group.start && r.fireAt <= group.upTo && !taken.has(r.id),
    );
    const owner = group.requested.find((id) => mine.some((r) => r.id === id));
    if (!owner) continue;
    for (const row of mine) taken.add(row.id);
    messages.push({ group, owner, rows: mine });
  }
  return messages;
}
