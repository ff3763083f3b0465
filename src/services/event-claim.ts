import { AsyncLocalStorage } from "node:async_hooks";
import type { Platform } from "../core/incoming.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { transactionOptions } from "./transaction-options.js";

/** One inbound delivery, identified by the platform's event id. `claimed` turns true once its row is written. */
export interface EventClaim {
  platform: Platform;
  key: string;
  claimed: boolean;
}

/** Thrown inside a transaction when the event was already processed: the transaction rolls back, nothing is written. */
export class DuplicateEventError extends Error {
  constructor(readonly claim: EventClaim) {
    super(`event ${claim.platform}:${claim.key} was already processed`);
    this.name = "DuplicateEventError";
  }
}

/*
 * Why AsyncLocalStorage: the ProcessedEvent row must commit in the same transaction as the command's write (so a
 * crash can't leave a command done but not marked, or marked but not done), yet handlers should not thread an
 * event id through every service call. The bot runs each message inside `runWithEventClaim`; services that write
 * call `claimCurrentEvent(tx)` inside their transaction.
 */
const storage = new AsyncLocalStorage<EventClaim | undefined>();

export function runWithEventClaim<T>(claim: EventClaim | undefined, work: () => Promise<T>): Promise<T> {
  return storage.run(claim, work);
}

/**
 * The current message's claim while its row is still to be written, for a single statement that inserts the row
 * itself (see createTask); that statement marks it claimed once committed.
 */
export function unwrittenClaim(): EventClaim | undefined {
  const claim = storage.getStore();
  return claim && !claim.claimed ? claim : undefined;
}

/** Inserts the current message's ProcessedEvent row in `tx`; throws {@link DuplicateEventError} when it exists. */
export async function claimCurrentEvent(tx: Prisma.TransactionClient): Promise<void> {
  const claim = storage.getStore();
  if (!claim || claim.claimed) return;
  await claimEvent(tx, claim);
}

/** Inserts the ProcessedEvent row (insert on conflict do nothing); throws when another delivery got there first. */
export async function claimEvent(db: Prisma.TransactionClient, claim: EventClaim): Promise<void> {
  const { count } = await db.processedEvent.createMany({
    data: [{ platform: claim.platform, key: claim.key }],
    skipDuplicates: true,
  });
  if (count === 0) throw new DuplicateEventError(claim);
  claim.claimed = true;
}

/**
 * Runs `work` in one transaction that also claims the current message's event. If the transaction fails, the claim
 * is forgotten again (its row rolled back with everything else).
 */
export async function transactionWithClaim<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const claim = storage.getStore();
  const claimedBefore = claim?.claimed ?? false;
  try {
    return await prisma.$transaction(async (tx) => {
      await claimCurrentEvent(tx);
      return work(tx);
    }, transactionOptions);
  } catch (error) {
    if (claim) claim.claimed = claimedBefore;
    throw error;
  }
}
