/**
 * Claiming due pings into one outbox message, inside the caller's transaction. A channel ping is merged with the
 * channel's other pings of the same minute; a personal ping with the same person's other personal pings of that
 * minute (whatever their channels). Stale pings found on the way are cancelled, not sent.
 */
import type { Platform } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";
import type { Prisma } from "../generated/prisma/client.js";
import {
  type ChannelSchedule,
  isStillRelevant,
  mergeWindow,
  type PingItem,
  type PingKind,
  renderPingMessage,
} from "../scheduling/index.js";
import type { OutboxService } from "./outbox-service.js";
import {
  privateTarget,
  recipientLocale,
  recipientSchedule,
  recipientSelect,
  wantsPersonalPings,
} from "./ping-recipients.js";
import type { ChannelPingContext, ClaimResult } from "./ping-service.js";
import { personSelect, taskSelect, toTaskView } from "./task-mapper.js";

/** Pings in the same minute merge, but never one more than this ahead of its time (tests use sub-minute dues). */
const MERGE_AHEAD_MS = 2_000;

type Tx = Prisma.TransactionClient;

/** How long this process remembers the pings it claimed, in ms (a merged ping's own job comes within seconds). */
const REMEMBER_MS = 120_000;
const REMEMBER_MAX = 50_000;

/**
 * In-process coordination of claims. Jobs of one channel (or person) that fire together take turns here before
 * opening a transaction, instead of each holding a pooled connection while waiting on the channel's advisory lock
 * (which still keeps other processes apart); and a job that waited behind the claim that merged its ping learns it
 * from `claimedSince` without a query.
 */
export class LocalClaims {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly claimed = new Map<string, number>();

  /** Runs `claim` after every earlier claim of `key` in this process has finished. */
  async run<T>(key: string, claim: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous ? previous.then(() => mine) : mine;
    this.tails.set(key, tail);
    try {
      if (previous) await previous;
      return await claim();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Notes pings just claimed (sent or cancelled) by this process. */
  remember(pingIds: readonly string[]): void {
    const at = performance.now();
    if (this.claimed.size + pingIds.length > REMEMBER_MAX) {
      for (const [id, when] of this.claimed) {
        if (this.claimed.size <= REMEMBER_MAX / 2 && at - when < REMEMBER_MS) break;
        this.claimed.delete(id);
      }
    }
    for (const id of pingIds) this.claimed.set(id, at);
  }

  /** Whether this process claimed `pingId` after `since` (a performance.now() reading). */
  claimedSince(pingId: string, since: number): boolean {
    const at = this.claimed.get(pingId);
    return at !== undefined && at >= since && performance.now() - at < REMEMBER_MS;
  }
}

/** A ping with its task, the assignees carrying what the recipient check needs (private chat, zone, language). */
export const rowSelect = {
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

export type ClaimRow = Prisma.PingGetPayload<{ select: typeof rowSelect }>;

/** Where a claimed message goes, and how it is worded. */
export interface ClaimOut {
  channelId: string;
  platform: Platform;
  target: string;
  locale: "vi" | "en";
  schedule: ChannelSchedule;
}

/**
 * Splits rows into items to send and stale ids; `scheduleOf` is null when the row may no longer be sent at all.
 * Each row is judged as at its own time when that is still ahead (a message prepared ahead, see `sendAfter`).
 * A ping claimed more than `lateAfterMs` after its time is marked late. `sendAt` is when the message is due: its
 * earliest item's time, or now when that has passed.
 */
export function judgeRows(
  rows: ClaimRow[],
  scheduleOf: (row: ClaimRow) => ChannelSchedule | null,
  now: Date,
  lateAfterMs: number,
) {
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

/**
 * The claim's writes in one statement: the pings sent (with their message and whether late), the stale ones
 * cancelled, and their tasks marked for re-planning (see ping-planning.ts: the next overdue ping is planned after
 * this commit, so until then the tasks count as stale and a crash in between is repaired by the reconciler). Raw
 * SQL so that the task's `updatedAt` does not move, as in ping-planning.ts.
 */
export async function markClaimed(
  tx: Tx,
  claim: { sent: string[]; late: string[]; stale: string[]; outboxId: string | null; taskIds: string[]; now: Date },
): Promise<void> {
  const { sent, late, stale, outboxId, taskIds, now } = claim;
  await tx.$executeRaw`WITH
    cancelled AS (UPDATE "Ping" SET status = 'cancelled', "updatedAt" = ${now}
      WHERE id = ANY(${stale}::uuid[]) RETURNING 1),
    sent AS (UPDATE "Ping" SET status = 'sent', "sentAt" = ${now}, "outboxId" = ${outboxId}::uuid,
        late = (id = ANY(${late}::uuid[])), "updatedAt" = ${now}
      WHERE id = ANY(${sent}::uuid[]) RETURNING 1)
    UPDATE "Task" SET "pingsPlannedVersion" = NULL WHERE id = ANY(${taskIds}::uuid[])`;
}

export interface PingClaimerOptions {
  outbox: OutboxService;
  lateAfterMs: number;
  channelContext(tx: Tx, channelId: string): Promise<ChannelPingContext | null>;
}

export function createPingClaimer(options: PingClaimerOptions) {
  const { outbox, lateAfterMs, channelContext } = options;

  const judge = (rows: ClaimRow[], scheduleOf: (row: ClaimRow) => ChannelSchedule | null, now: Date) =>
    judgeRows(rows, scheduleOf, now, lateAfterMs);

  /** Cancels the stale rows, puts one message for the items in the outbox and marks them sent. */
  async function emit(
    tx: Tx,
    rows: ClaimRow[],
    judged: ReturnType<typeof judge>,
    out: ClaimOut,
    now: Date,
  ): Promise<ClaimResult> {
    const { items, stale, sendAt } = judged;
    const base = { platform: out.platform, staleIds: stale, taskIds: [...new Set(rows.map((r) => r.task.id))] };
    if (items.length === 0) {
      await markClaimed(tx, { sent: [], late: [], stale, outboxId: null, taskIds: base.taskIds, now });
      return { ...base, outboxId: null, pingIds: [], sendAfter: null };
    }
    const sendAfter = sendAfterOf(sendAt, now);
    const { id: outboxId } = await outbox.insert(tx, {
      channelId: out.channelId,
      platform: out.platform,
      target: out.target,
      reply: pingReply(items, out, sendAt),
      sendAfter,
    });
    const sent = items.map((i) => i.id);
    const late = items.filter((i) => i.late).map((i) => i.id);
    await markClaimed(tx, { sent, late, stale, outboxId, taskIds: base.taskIds, now });
    return { ...base, outboxId, pingIds: sent, sendAfter };
  }

  const upTo = mergeUpTo;

  return {
    /** The channel ping `pingId` with its channel's other channel pings of that minute (a channel lock held). */
    async claimChannel(tx: Tx, pingId: string, ping: { fireAt: Date; channelId: string }, now: Date) {
      const { channelId } = ping;
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${channelId}))::text AS locked`;
      const context = await channelContext(tx, channelId);
      if (!context) return null;
      const window = mergeWindow(ping.fireAt);
      const rows = await tx.ping.findMany({
        where: {
          status: "planned",
          memberId: null,
          fireAt: { gte: window.start, lte: upTo(ping.fireAt, now) },
          task: { channelId },
        },
        select: rowSelect,
        orderBy: { fireAt: "asc" },
      });
      if (!rows.some((r) => r.id === pingId)) return null; // claimed by another worker meanwhile
      return emit(
        tx,
        rows,
        judge(rows, () => context.schedule, now),
        { ...context, channelId },
        now,
      );
    },

    /**
     * The personal ping `pingId` with the same person's other personal pings of that minute, to their private
     * chat, in their zone and language. A ping whose person finished their part, left the task or can no longer
     * be reached privately is cancelled.
     */
    async claimPersonal(
      tx: Tx,
      pingId: string,
      ping: { fireAt: Date; channelId: string; memberId: string },
      now: Date,
    ) {
      const { memberId } = ping;
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`ping-member:${memberId}`}))::text AS locked`;
      const window = mergeWindow(ping.fireAt);
      const rows = await tx.ping.findMany({
        where: {
          status: "planned",
          memberId,
          fireAt: { gte: window.start, lte: upTo(ping.fireAt, now) },
        },
        select: rowSelect,
        orderBy: { fireAt: "asc" },
      });
      if (!rows.some((r) => r.id === pingId)) return null;
      const contexts = new Map<string, ChannelPingContext | null>();
      for (const channelId of new Set(rows.map((r) => r.task.channelId)))
        contexts.set(channelId, await channelContext(tx, channelId));
      const home = contexts.get(ping.channelId);
      if (!home) return null;
      const member = await tx.member.findUnique({ where: { id: memberId }, select: recipientSelect });
      const target = member ? privateTarget(member) : null;
      if (!member || !target) {
        const nothing = { items: [], stale: rows.map((r) => r.id), sendAt: now };
        return emit(tx, rows, nothing, { ...home, channelId: ping.channelId, target: "" }, now);
      }
      const scheduleOf = (row: ClaimRow) => {
        const context = contexts.get(row.task.channelId);
        if (!context || context.platform !== home.platform) return null;
        const recipient = wantsPersonalPings(context, row.task.assignees, memberId);
        return recipient ? recipientSchedule(context, recipient) : null;
      };
      const out = {
        channelId: ping.channelId,
        platform: home.platform,
        target,
        locale: recipientLocale(member, home.locale),
        schedule: recipientSchedule(home, member),
      };
      return emit(tx, rows, judge(rows, scheduleOf, now), out, now);
    },
  };
}
