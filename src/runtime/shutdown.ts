import type { Logger } from "../logger.js";

/** How long a stop may take before the process leaves anyway, in ms: inside the 10 s most service managers allow. */
export const STOP_DEADLINE_MS = 8_000;

/**
 * Runs a graceful stop that always ends: a stop that fails (Redis or PostgreSQL down) or hangs (a connection
 * waiting for a server that is gone) is logged and given up after `deadlineMs`. Nothing acknowledged is lost by
 * leaving: acked requests wait in the inbound journal and planned pings in the database, and the next process
 * (or another instance) takes them over.
 */
export async function stopWithin(stop: () => Promise<void>, logger: Logger, deadlineMs = STOP_DEADLINE_MS) {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  try {
    const outcome = await Promise.race([stop().then(() => "stopped" as const), deadline]);
    if (outcome === "late")
      logger.warn({ deadlineMs }, "stop took too long; leaving (the journal keeps what was acked)");
  } catch (error) {
    logger.warn({ err: error }, "stop failed; leaving (the journal keeps what was acked)");
  } finally {
    clearTimeout(timer);
  }
}
