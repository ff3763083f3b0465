/**
 * A message claimed ahead of its time whose tasks changed before it went out (the outbox finds this when it is
 * due): its row is withdrawn and its pings claimed again as they stand now, in one transaction, under the lock
 * their claim took. A task done meanwhile drops out, a renamed one is sent under its new name, a moved deadline
 * cancels the ping, a snooze or a channel that turned its pings off likewise; what is left goes out at once in
 * a new row.
 */
import type { Prisma } from "../generated/prisma/client.js";
import { channelPingsLock, lockForTransaction, memberPingsLock } from "./advisory-locks.js";
import { type ClaimOptions, claimChannelPings, claimPersonalPing } from "./ping-claim.js";
import { cancelUnwanted } from "./ping-sync.js";
import type { Reclaimed } from "./ping-types.js";

/** What a claim needs to know of a ping before its transaction. */
export const seenPingSelect = {
  id: true,
  status: true,
  fireAt: true,
  memberId: true,
  task: { select: { channelId: true } },
} as const satisfies Prisma.PingSelect;

/** Puts the pending outbox row `outboxId` back into its pings and claims them afresh, inside `tx`. */
export async function reclaimMessage(
  tx: Prisma.TransactionClient,
  outboxId: string,
  now: Date,
  options: ClaimOptions,
): Promise<Reclaimed> {
  const nothing: Reclaimed = { withdrawn: false, result: null, taskIds: [] };
  const carried = await tx.ping.findMany({
    where: { outboxId, status: "sent" },
    select: { ...seenPingSelect, taskId: true },
    orderBy: { fireAt: "asc" },
  });
  const first = carried[0];
  if (!first) return nothing;
  const { memberId } = first;
  const channelId = first.task.channelId;
  await lockForTransaction(tx, [memberId === null ? channelPingsLock(channelId) : memberPingsLock(memberId)]);
  const { count } = await tx.outboxMessage.deleteMany({ where: { id: outboxId, status: "pending" } });
  if (count === 0) return nothing;
  await tx.ping.updateMany({
    where: { outboxId },
    data: { status: "planned", outboxId: null, sentAt: null, late: false },
  });
  const taskIds = [...new Set(carried.map((p) => p.taskId))];
  const carriedIds = new Set(carried.map((p) => p.id));
  const unwanted = await cancelUnwanted(tx, carriedIds, taskIds, new Date(first.fireAt.getTime() - 1), options.logger);
  // The claim starts from a ping still wanted and takes its planned companions of the minute with it.
  const requested = carried.find((p) => !unwanted.has(p.id));
  if (!requested) return { withdrawn: true, result: null, taskIds };
  const request = { pingId: requested.id, channelId, fireAt: requested.fireAt };
  const result =
    memberId === null
      ? ((await claimChannelPings(tx, [request], now, options)).get(requested.id) ?? null)
      : await claimPersonalPing(tx, { ...request, memberId }, now, options);
  return { withdrawn: true, result, taskIds };
}
