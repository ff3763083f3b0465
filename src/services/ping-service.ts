/**
 * Pings in the database (the source of truth; queue jobs only mirror them): the service the scheduler and the ping
 * workers use. Each idea lives in its own module; this file binds them to the database and the process:
 * planning a task's pings (ping-task-plan.ts, ping-sync.ts), one-off reminders (ping-reminders.ts), claiming due
 * pings into outbox messages (ping-claim.ts, its rules in ping-claim-rules.ts), and claiming a prepared message
 * afresh (ping-reclaim.ts). Shared shapes are in ping-types.ts.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { LocalClaims } from "./local-claims.js";
import type { OutboxService } from "./outbox-service.js";
import { type ClaimOptions, claimChannelPings, claimPersonalPing } from "./ping-claim.js";
import { channelContext } from "./ping-contexts.js";
import { plannedPingPage, resetPlanning } from "./ping-planning.js";
import { reclaimMessage, seenPingSelect } from "./ping-reclaim.js";
import { addReminder } from "./ping-reminders.js";
import { syncAll, syncStale, syncTasks } from "./ping-sync.js";
import type { ChannelContexts, ClaimResult, PlannedPingRef, Reclaimed, SyncResult } from "./ping-types.js";
import { transactionOptions } from "./transaction-options.js";

export type { ChannelPingContext, ClaimResult, PlannedPingRef, Reclaimed, SyncResult } from "./ping-types.js";

export interface PingServiceOptions {
  prisma: PrismaClient;
  /** Kept for the composition root's shape: claims write their outbox rows through insertOutboxMessages. */
  outbox?: OutboxService;
  logger?: Logger;
  /** A ping sent this long after its time is marked late. Default 120 000 ms. */
  lateAfterMs?: number;
}

export type PingService = ReturnType<typeof createPingService>;

export function createPingService(options: PingServiceOptions) {
  const { prisma, logger } = options;
  const deps = { prisma, logger };
  const claimOptions: ClaimOptions = { lateAfterMs: options.lateAfterMs ?? 120_000, logger };
  const claims = new LocalClaims();
  const remember = (result: ClaimResult | null) => {
    if (result) claims.remember([...result.pingIds, ...result.staleIds]);
  };

  /**
   * Claims ping `pingId` with the other planned pings due in the same minute to the same place (its channel, or
   * for a personal ping the same person's private chat), renders them as one message and puts it in the outbox,
   * all in one transaction (an advisory lock keeps two workers from splitting a minute). Stale pings found on the
   * way are cancelled, not sent. Null when the ping is gone or already claimed.
   */
  async function claim(pingId: string, now: Date): Promise<ClaimResult | null> {
    // Most jobs of a busy minute find their ping already merged into another's message: a plain read spares
    // them a transaction (Prisma batches these reads of concurrent jobs into one query).
    const seen = await prisma.ping.findUnique({ where: { id: pingId }, select: seenPingSelect });
    if (seen?.status !== "planned") return null;
    const { fireAt, memberId } = seen;
    const request = { pingId, channelId: seen.task.channelId, fireAt };
    const readAt = performance.now();
    return claims.run(memberId === null ? `channel:${request.channelId}` : `member:${memberId}`, async () => {
      // Claimed by the claim this one waited behind: no transaction needed to learn that.
      if (claims.claimedSince(pingId, readAt)) return null;
      // The claim also marks its tasks stale until their next ping is planned (see ping-claim.ts).
      const result = await prisma.$transaction((tx) =>
        memberId === null
          ? claimChannelPings(tx, [request], now, claimOptions).then((r) => r.get(pingId) ?? null)
          : claimPersonalPing(tx, { ...request, memberId }, now, claimOptions),
      );
      remember(result);
      return result;
    });
  }

  /**
   * claim() for many pings at once (the ping worker's batch): the channel pings of every channel in one
   * transaction, personal pings one by one. One result per id, in order: the message's result for the first
   * requested ping it carries, null for the others and for pings no longer planned.
   */
  async function claimMany(pingIds: readonly string[], now: Date): Promise<(ClaimResult | null)[]> {
    const seen = await prisma.ping.findMany({
      where: { id: { in: [...new Set(pingIds)] }, status: "planned" },
      select: seenPingSelect,
    });
    const results = new Map<string, ClaimResult | null>();
    const requests = seen
      .filter((p) => p.memberId === null)
      .map((p) => ({ pingId: p.id, channelId: p.task.channelId, fireAt: p.fireAt }));
    if (requests.length > 0) {
      const claimed = await prisma.$transaction(
        (tx) => claimChannelPings(tx, requests, now, claimOptions),
        transactionOptions,
      );
      for (const [id, result] of claimed) {
        results.set(id, result);
        remember(result);
      }
    }
    for (const ping of seen) if (ping.memberId !== null) results.set(ping.id, await claim(ping.id, now));
    return pingIds.map((id) => results.get(id) ?? null);
  }

  return {
    channelContext: (channelId: string) => channelContext(prisma, channelId, logger),
    /** Makes the task's planned pings (channel and personal) match its deadline, status, assignees and policy. */
    syncTask: (taskId: string, now: Date, contexts?: ChannelContexts): Promise<SyncResult> =>
      syncTasks(deps, [taskId], now, contexts),
    syncTasks: (taskIds: readonly string[], now: Date, contexts?: ChannelContexts): Promise<SyncResult> =>
      syncTasks(deps, taskIds, now, contexts),
    syncStale: (now: Date, pageSize?: number) => syncStale(deps, now, pageSize),
    /** Marks the channel's open tasks for re-planning (its settings changed). */
    async markChannelStale(channelId: string): Promise<void> {
      await resetPlanning(prisma, { channelId });
    },
    /** One page of planned pings by id (the reconciler gives each a job). */
    plannedPage: (afterId: string, limit: number) => plannedPingPage(prisma, afterId, limit),
    syncAll: (now: Date) => syncAll(deps, now),
    addReminder: (
      taskId: string,
      when: Date,
      now: Date,
      maxWaiting?: number,
    ): Promise<PlannedPingRef | null | "too_many"> => addReminder(deps, taskId, when, now, maxWaiting),
    claim,
    claimMany,
    /** Withdraws a prepared message whose tasks changed and claims its pings afresh (see ping-reclaim.ts). */
    async reclaim(outboxId: string, now: Date): Promise<Reclaimed> {
      const outcome = await prisma.$transaction(
        (tx) => reclaimMessage(tx, outboxId, now, claimOptions),
        transactionOptions,
      );
      remember(outcome.result);
      return outcome;
    },
  };
}
