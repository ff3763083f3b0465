/**
 * Limits for interactive transactions. Prisma's defaults (wait 2 s for a connection, 5 s to finish) are tuned for a
 * pooled server; the embedded PGlite has a single connection, so a burst of commands queues behind each other, and a
 * loaded two-core machine can stretch one transaction past 5 s. A command that gives up after these limits answers
 * "try again" and writes nothing, so they are generous rather than tight.
 */
export const transactionOptions = { maxWait: 15_000, timeout: 20_000 } as const;
