/**
 * Running claims in this process: each claim in its own transaction, claims of one channel (or person) one after
 * another (LocalClaims), and what this process claimed remembered so a job whose ping was merged into another's
 * message learns it without a query.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { LocalClaims } from "./local-claims.js";
import { type ClaimOptions, claimChannelPings, claimPersonalPing } from "./ping-claim.js";
import { reclaimMessage, seenPingSelect } from "./ping-reclaim.js";
import type { ClaimResult, Reclaimed } from "./ping-types.js";
import { transactionOptions } from "./transaction-options.js";

export function createClaimRunner(prisma: PrismaClient, options: ClaimOptions) {
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
          ? claimChannelPings(tx, [request], now, options).then((r) => r.get(pingId) ?? null)
          : claimPersonalPing(tx, { ...request, memberId }, now, options),
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
        (tx) => claimChannelPings(tx, requests, now, options),
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

  /** Withdraws a prepared message whose tasks changed and claims its pings afresh (see ping-reclaim.ts). */
  async function reclaim(outboxId: string, now: Date): Promise<Reclaimed> {
    const outcome = await prisma.$transaction((tx) => reclaimMessage(tx, outboxId, now, options), transactionOptions);
    remember(outcome.result);
    return outcome;
  }

  return { claim, claimMany, reclaim };
}
