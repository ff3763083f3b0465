/** Exponential backoff with full jitter, shared by the client's retries, the poller and the sender. */
export interface BackoffOptions {
  /** First delay, in milliseconds. Default 500. */
  baseDelayMs?: number;
  /** Upper bound for one delay, in milliseconds. Default 30 000. */
  maxDelayMs?: number;
  /** Returns a number in [0, 1); injectable for tests. Default Math.random. */
  random?: () => number;
}

/**
 * The delay before retry number `attempt` (0 for the first retry): a random value between half and all of
 * `base * 2^attempt`, capped. Half-jitter keeps a floor so a burst of 429s still spreads out.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseDelayMs = 500, maxDelayMs = 30_000, random = Math.random } = options;
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds. */
// real time: an HTTP date in Retry-After is the server's wall clock, so it is compared with ours.
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
