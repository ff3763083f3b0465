/**
 * Claiming the due channel pings of many channels in one transaction: what the ping worker does in a rush, when
 * hundreds of channels have pings due in the same second. The rules are the single claim's (ping-claim.ts): each
 * requested ping is merged with its channel's other planned pings from the start of its minute up to MERGE_AHEAD_MS
 * after the message's time (mergeUpTo) into one message, under the channel's advisory lock; stale pings are cancelled; the tasks are marked stale until
 * re-planned. Only the statements are shared: the locks of every channel (taken in one statement, in hash order,
 * so two batches cannot deadlock), one read of the contexts, one of the rows, one insert of every outbox row and
 * one update of every ping, whatever the number of channels.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client.js";
import { mergeWindow } from "../scheduling/index.js";
import { serializeReply } from "./outbox-service.js";
import { type ClaimRow, judgeRows, mergeUpTo, pingReply, rowSelect, sendAfterOf } from "./ping-claim.js";
import type { ChannelPingContext, ClaimResult } from "./ping-service.js";

type Tx = Prisma.TransactionClient;

/** A requested channel ping, as read before the transaction. */
export interface ChannelPingRequest {
  pingId: string;
  channelId: string;
  fireAt: Date;
}

export interface BatchClaimOptions {
  lateAfterMs: number;
  loadContexts(tx: Tx, channelIds: string[]): Promise<Map<string, ChannelPingContext | null>>;
}

/** The requested pings of one channel and minute: the message they go out in (from `start` up to `upTo`). */
interface Group {
  channelId: string;
  start: Date;
  upTo: Date;
  requested: string[];
}

function groupRequests(requests: readonly ChannelPingRequest[], now: Date): Group[] {
  const groups = new Map<string, Group>();
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
  return [...groups.values()];
}

/**
 * Claims `requests` inside `tx`. Returns, per requested ping id, the result of the message it went out in (for the
 * first requested ping of each message; the others of that message map to null, like a ping merged by another
 * job), or null when it was no longer planned.
 */
export async function claimChannelBatch(
  tx: Tx,
  requests: readonly ChannelPingRequest[],
  now: Date,
  options: BatchClaimOptions,
): Promise<Map<string, ClaimResult | null>> {
  const results = new Map<string, ClaimResult | null>(requests.map((r) => [r.pingId, null]));
  const groups = groupRequests(requests, now);
  const channelIds = [...new Set(groups.map((g) => g.channelId))];
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(h))::text AS locked
    FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(${channelIds}::text[]) AS k ORDER BY 1) AS l`;
  const contexts = await options.loadContexts(tx, channelIds);
  // One range over every group (filtered per group below), so the statement has the same shape whatever the
  // number of groups and Prisma compiles it once: rows of a channel sent already are not planned, so the range
  // holds little more than the pings due now and in the next MERGE_AHEAD_MS.
  const from = new Date(Math.min(...groups.map((g) => g.start.getTime())));
  const upTo = new Date(Math.max(...groups.map((g) => g.upTo.getTime())));
  const rows = await tx.ping.findMany({
    where: {
      status: "planned",
      memberId: null,
      fireAt: { gte: from, lte: upTo },
      task: { channelId: { in: channelIds } },
    },
    select: rowSelect,
    orderBy: { fireAt: "asc" },
  });
  const outbox: Prisma.OutboxMessageCreateManyInput[] = [];
  const sent: { id: string; outboxId: string; late: boolean }[] = [];
  const stale: string[] = [];
  const taskIds = new Set<string>();
  // A message reaches into the next minute (mergeUpTo), so two groups of a channel can overlap: the earlier takes.
  const taken = new Set<string>();
  for (const group of groups.sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const context = contexts.get(group.channelId);
    const mine = rows.filter(
      (r: ClaimRow) =>
        r.task.channelId === group.channelId && r.fireAt >= group.start && r.fireAt <= group.upTo && !taken.has(r.id),
    );
    const owner = group.requested.find((id) => mine.some((r) => r.id === id));
    if (!context || !owner) continue; // channel gone, or claimed by another worker meanwhile
    for (const row of mine) taken.add(row.id);
    const judged = judgeRows(mine, () => context.schedule, now, options.lateAfterMs);
    const result: ClaimResult = {
      outboxId: null,
      platform: context.platform,
      pingIds: judged.items.map((i) => i.id),
      staleIds: judged.stale,
      taskIds: [...new Set(mine.map((r) => r.task.id))],
      sendAfter: null,
    };
    if (judged.items.length > 0) {
      const outboxId = randomUUID();
      const reply = pingReply(judged.items, { ...context, channelId: group.channelId }, judged.sendAt);
      result.sendAfter = sendAfterOf(judged.sendAt, now);
      outbox.push({
        id: outboxId,
        channelId: group.channelId,
        platform: context.platform,
        target: context.target,
        payload: serializeReply(reply),
        sendAfter: result.sendAfter,
      });
      for (const item of judged.items) sent.push({ id: item.id, outboxId, late: item.late });
      result.outboxId = outboxId;
    }
    stale.push(...judged.stale);
    for (const id of result.taskIds) taskIds.add(id);
    results.set(owner, result);
  }
  // One statement each; the rows go in the groups' order, so each chat's messages keep their order (seq).
  if (outbox.length > 0) await tx.outboxMessage.createMany({ data: outbox });
  if (sent.length > 0 || stale.length > 0) await markClaimedMany(tx, sent, stale, [...taskIds], now);
  return results;
}

/** markClaimed (ping-claim.ts) for many messages: each sent ping with its own message. */
async function markClaimedMany(
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
