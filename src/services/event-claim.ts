import { AsyncLocalStorage } from "node:async_hooks";
import type { EventClaim, QuestionOwner } from "../core/ports/event-dedupe.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { transactionOptions } from "./transaction-options.js";

export type { EventClaim, QuestionOwner };

/**
 * A CTE (to follow others in a WITH) that deletes the open question `claim` ends, when `guard` (a CTE name) has a row.
 * Writes nothing when the claim ends no question.
 */
export function closeQuestionCte(claim: EventClaim | undefined, guard: "go" | "claim"): Prisma.Sql {
  const owner = claim?.closesQuestion;
  return Prisma.sql`closed_question AS (
      DELETE FROM "PendingQuestion"
      WHERE ${owner !== undefined}::boolean AND "channelId" = ${owner?.channelId ?? null}::uuid
        AND "askerId" = ${owner?.memberId ?? null}::uuid AND EXISTS (SELECT 1 FROM ${Prisma.raw(guard)})
    )`;
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

/**
 * Inserts the ProcessedEvent row (insert on conflict do nothing), and deletes the question the message ends (see
 * {@link EventClaim.closesQuestion}) in the same statement; throws when another delivery got there first.
 */
export async function claimEvent(db: Prisma.TransactionClient, claim: EventClaim): Promise<void> {
  const [row] = await db.$queryRaw<{ claimed: boolean }[]>`
    WITH claim AS (
      INSERT INTO "ProcessedEvent" ("platform", "key") VALUES (${claim.platform}::"Platform", ${claim.key}::text)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), ${closeQuestionCte(claim, "claim")}
    SELECT EXISTS (SELECT 1 FROM claim) AS "claimed"`;
  if (!row?.claimed) throw new DuplicateEventError(claim);
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
