/**
 * Processed deliveries (ProcessedEvent rows) as the bot's dedupe reads and marks them outside a command's own write;
 * a command that writes claims its event in the same statement instead (event-claim.ts).
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { claimEvent, DuplicateEventError, type EventClaim } from "./event-claim.js";

/** Whether this delivery was already handled (a cheap read before doing any work). */
export async function isEventProcessed(
  prisma: PrismaClient,
  claim: Pick<EventClaim, "platform" | "key">,
): Promise<boolean> {
  const row = await prisma.processedEvent.findUnique({
    where: { platform_key: { platform: claim.platform, key: claim.key } },
    select: { key: true },
  });
  return row !== null;
}

/** Marks a delivery handled; false when another delivery of the same event got there first. */
export async function markEventProcessed(prisma: PrismaClient, claim: EventClaim): Promise<boolean> {
  try {
    await claimEvent(prisma, claim);
    return true;
  } catch (error) {
    if (error instanceof DuplicateEventError) return false;
    throw error;
  }
}
