/**
 * PostgreSQL advisory locks held until the end of the caller's transaction, by name. The one way ping code keeps two
 * processes apart: a channel's minute is claimed by one worker, a task's pings are planned by one sync at a time.
 * Names are hashed with hashtext, so every process (whatever its version) agrees on a name's lock.
 */
import type { Prisma } from "../generated/prisma/client.js";

/** The lock of a channel's channel pings (the name is the channel id itself). */
export const channelPingsLock = (channelId: string) => channelId;
/** The lock of a person's personal pings, across channels. */
export const memberPingsLock = (memberId: string) => `ping-member:${memberId}`;
/** The lock of one task's ping rows (planning, reminders). */
export const taskPingsLock = (taskId: string) => `ping-task:${taskId}`;

/**
 * Takes the locks of `names` in one statement, in hash order (so two callers that lock overlapping sets cannot
 * deadlock), waiting for each; they are released when `tx` ends.
 */
export async function lockForTransaction(tx: Prisma.TransactionClient, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(h))::text AS locked
    FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(${[...names]}::text[]) AS k ORDER BY 1) AS l`;
}
