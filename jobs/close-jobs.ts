/**
 * Closing the jobs when Redis may be gone. A graceful close lets in-flight jobs finish and quits every connection,
 * but each of those waits for Redis: with Redis down, or reconnecting after a restart, it would wait for ever (the
 * worker connections retry without end, as BullMQ's production guide asks). So the graceful close gets a bounded
 * time, none at all when our own connection is already down, and then every connection is cut. Nothing is lost by
 * cutting: a job that was running is found stalled and re-run by the next worker, and the database, not Redis, holds
 * every planned ping and outbox message (the reconciler restores their jobs).
 */

/** How long a graceful close may take while Redis answers, in ms (an outbox send in flight times out in 10 s). */
export const GRACEFUL_CLOSE_MS = 5_000;

export async function closeWithin(options: {
  graceful: () => Promise<void>;
  /** Cuts every connection at once; makes a pending graceful close settle. */
  cut: () => void;
  redisReady: boolean;
  graceMs?: number;
}): Promise<"graceful" | "cut"> {
  const graceful = options.graceful().catch(() => undefined);
  if (options.redisReady) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), options.graceMs ?? GRACEFUL_CLOSE_MS);
    });
    const outcome = await Promise.race([graceful.then(() => "done" as const), late]);
    clearTimeout(timer);
    if (outcome === "done") return "graceful";
  }
  options.cut();
  return "cut";
}
