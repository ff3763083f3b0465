/**
 * Claiming due pings into outbox messages, inside the caller's transaction: the one way a ping leaves the planned
 * state. Channel pings (one request or hundreds, from many channels) are merged per channel and minute into one
 * message each; a personal ping with the same person's other personal pings of that minute (whatever their
 * channels), to their private chat. Each claim holds the advisory lock of its channel or person (advisory-locks.ts)
 * so two workers cannot split a minute; what goes together and what is stale is decided in ping-claim-rules.ts;
 * the messages and the pings' new states are written together by writeClaims.
 */
import type { Prisma } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { mergeWindow } from "../scheduling/index.js";
import { channelPingsLock, lockForTransaction, memberPingsLock } from "./advisory-locks.js";
import { insertOutboxMessages } from "./outbox-rows.js";
import {
  assignRows,
  type ClaimOut,
  type ClaimRow,
  claimRowSelect,
  groupChannelRequests,
  type JudgedRows,
  judgeRows,
  mergeUpTo,
  pingReply,
  sendAfterOf,
} from "./ping-claim-rules.js";
import { channelContext, loadChannelContexts } from "./ping-contexts.js";
import {
  privateTarget,
  recipientLocale,
  recipientSchedule,
  recipientSelect,
  wantsPersonalPings,
} from "./ping-recipients.js";
import type { ChannelContexts, ChannelPingRequest, ClaimResult, PersonalPingRequest } from "./ping-types.js";

type Tx = Prisma.TransactionClient;

export interface ClaimOptions {
  /** A ping sent this long after its time is marked late, in ms. */
  lateAfterMs: number;
  logger?: Logger;
}

/** One message a claim decided: its rows as judged and where it goes. */
interface ClaimedMessage {
  rows: readonly ClaimRow[];
  judged: JudgedRows;
  out: ClaimOut;
}

/**
 * Writes claimed messages: one outbox row per message with items (in the given order, so each chat's messages keep
 * their order), then in one statement the pings sent (with their message and whether late), the stale ones
 * cancelled, and their tasks marked for re-planning (see ping-planning.ts: the next overdue ping is planned after
 * this commit, so until then the tasks count as stale and a crash in between is repaired by the reconciler). Raw
 * SQL so that the task's `updatedAt` does not move, as in ping-planning.ts. One result per message, in order.
 */
async function writeClaims(tx: Tx, messages: readonly ClaimedMessage[], now: Date): Promise<ClaimResult[]> {
  const withItems = messages.filter((m) => m.judged.items.length > 0);
  const { ids } = await insertOutboxMessages(
    tx,
    withItems.map(({ judged, out }) => ({
      channelId: out.channelId,
      platform: out.platform,
      target: out.target,
      reply: pingReply(judged.items, out, judged.sendAt),
      sendAfter: sendAfterOf(judged.sendAt, now),
    })),
    now,
  );
  const outboxIds = new Map(withItems.map((m, i) => [m, ids[i] as string]));
  const sent = messages.flatMap((m) =>
    m.judged.items.map((item) => ({ id: item.id, outboxId: outboxIds.get(m) as string, late: item.late })),
  );
  const results = messages.map((m) => ({
    outboxId: outboxIds.get(m) ?? null,
    platform: m.out.platform,
    pingIds: m.judged.items.map((i) => i.id),
    staleIds: m.judged.stale,
    taskIds: [...new Set(m.rows.map((r) => r.task.id))],
    sendAfter: m.judged.items.length > 0 ? sendAfterOf(m.judged.sendAt, now) : null,
  }));
  const stale = messages.flatMap((m) => m.judged.stale);
  const taskIds = [...new Set(results.flatMap((r) => r.taskIds))];
  if (sent.length > 0 || stale.length > 0) await markClaimed(tx, sent, stale, taskIds, now);
  return results;
}

async function markClaimed(
  tx: Tx,
  sent: readonly { id: string; outboxId: string; late: boolean }[],
  stale: readonly string[],
  taskIds: readonly string[],
  now: Date,
): Promise<void> {
  const ids = sent.map((s) => s.id);
  const outboxIds = sent.map((s) => s.outboxId);
  const lates = sent.map((s) => s.late);
  await tx.$executeRaw`WITH
    cancelled AS (UPDATE "Ping" SET status = 'cancelled', "updatedAt" = ${now}
      WHERE id = ANY(${[...stale]}::uuid[]) RETURNING 1),
    sent AS (UPDATE "Ping" p SET status = 'sent', "sentAt" = ${now}, "outboxId" = v.outbox, late = v.late,
        "updatedAt" = ${now}
      FROM unnest(${ids}::uuid[], ${outboxIds}::uuid[], ${lates}::boolean[]) AS v(id, outbox, late)
      WHERE p.id = v.id RETURNING 1)
    UPDATE "Task" SET "pingsPlannedVersion" = NULL WHERE id = ANY(${[...taskIds]}::uuid[])`;
}

/**
 * Claims channel pings: each requested ping with its channel's other planned channel pings of its message
 * (groupChannelRequests), under the locks of every channel taken in one statement. Only the statements are shared
 * between channels: one read of the contexts, one of the rows, one insert of every outbox row and one update of
 * every ping, whatever the number of channels. Returns, per requested ping id, the result of the message it went
 * out in (for the first requested ping of each message; the others of that message map to null, like a ping
 * merged by another job), or null when it was no longer planned.
 */
export async function claimChannelPings(
  tx: Tx,
  requests: readonly ChannelPingRequest[],
  now: Date,
  options: ClaimOptions,
): Promise<Map<string, ClaimResult | null>> {
  const results = new Map<string, ClaimResult | null>(requests.map((r) => [r.pingId, null]));
  const groups = groupChannelRequests(requests, now);
  if (groups.length === 0) return results;
  const channelIds = [...new Set(groups.map((g) => g.channelId))];
  await lockForTransaction(tx, channelIds.map(channelPingsLock));
  const contexts = await loadChannelContexts(tx, channelIds, new Map(), options.logger);
  // One range over every group (filtered per group by assignRows), so the statement has the same shape whatever
  // the number of groups and Prisma compiles it once: rows of a channel sent already are not planned, so the range
  // holds little more than the pings due now and in the next MERGE_AHEAD_MS.
  const rows = await tx.ping.findMany({
    where: {
      status: "planned",
      memberId: null,
      fireAt: {
        gte: new Date(Math.min(...groups.map((g) => g.start.getTime()))),
        lte: new Date(Math.max(...groups.map((g) => g.upTo.getTime()))),
      },
      // A suspended workspace's pings stay planned, unclaimed, until it is installed again (see plannedPingPage).
      task: { channelId: { in: channelIds }, channel: { workspace: { suspended: false } } },
    },
    select: claimRowSelect,
    orderBy: { fireAt: "asc" },
  });
  const messages: (ClaimedMessage & { owner: string })[] = [];
  for (const { group, owner, rows: mine } of assignRows(groups, rows)) {
    const context = contexts.get(group.channelId);
    if (!context) continue; // the channel is gone
    const judged = judgeRows(mine, () => context.schedule, now, options.lateAfterMs);
    messages.push({ owner, rows: mine, judged, out: { ...context, channelId: group.channelId } });
  }
  const written = await writeClaims(tx, messages, now);
  for (const [i, m] of messages.entries()) results.set(m.owner, written[i] ?? null);
  return results;
}

/** Where a person's personal pings go and how each row is judged; null out when they cannot be reached privately. */
async function personalRecipient(tx: Tx, request: PersonalPingRequest, contexts: ChannelContexts) {
  const home = contexts.get(request.channelId);
  if (!home) return null;
  const member = await tx.member.findUnique({ where: { id: request.memberId }, select: recipientSelect });
  const target = member ? privateTarget(member) : null;
  if (!member || !target) return { home, out: null };
  const out: ClaimOut = {
    channelId: request.channelId,
    platform: home.platform,
    target,
    locale: recipientLocale(member, home.locale),
    schedule: recipientSchedule(home, member),
  };
  return { home, out };
}

/**
 * Claims the personal ping of `request` with the same person's other personal pings of that minute, to their
 * private chat, in their zone and language. A ping whose person finished their part, left the task or can no
 * longer be reached privately is cancelled. Null when the ping is no longer planned (another worker took it).
 */
export async function claimPersonalPing(
  tx: Tx,
  request: PersonalPingRequest,
  now: Date,
  options: ClaimOptions,
): Promise<ClaimResult | null> {
  const { memberId } = request;
  await lockForTransaction(tx, [memberPingsLock(memberId)]);
  const rows = await tx.ping.findMany({
    where: {
      status: "planned",
      memberId,
      fireAt: { gte: mergeWindow(request.fireAt).start, lte: mergeUpTo(request.fireAt, now) },
      task: { channel: { workspace: { suspended: false } } },
    },
    select: claimRowSelect,
    orderBy: { fireAt: "asc" },
  });
  if (!rows.some((r) => r.id === request.pingId)) return null;
  const contexts: ChannelContexts = new Map();
  for (const channelId of new Set(rows.map((r) => r.task.channelId)))
    contexts.set(channelId, await channelContext(tx, channelId, options.logger));
  const recipient = await personalRecipient(tx, request, contexts);
  if (!recipient) return null;
  const { home, out } = recipient;
  if (!out) {
    const nothing: JudgedRows = { items: [], stale: rows.map((r) => r.id), sendAt: now };
    const [result] = await writeClaims(tx, [{ rows, judged: nothing, out: { ...home, target: "" } }], now);
    return result ?? null;
  }
  const scheduleOf = (row: ClaimRow) => {
    const context = contexts.get(row.task.channelId);
    if (!context || context.platform !== home.platform) return null;
    const assignee = wantsPersonalPings(context, row.task.assignees, memberId);
    return assignee ? recipientSchedule(context, assignee) : null;
  };
  const judged = judgeRows(rows, scheduleOf, now, options.lateAfterMs);
  const [result] = await writeClaims(tx, [{ rows, judged, out }], now);
  return result ?? null;
}
