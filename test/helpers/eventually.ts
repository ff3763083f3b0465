import { vi } from "vitest";

/**
 * How long a test may wait for an event before it is called broken. The wait ends as soon as the event comes, so a
 * generous ceiling costs nothing on a quiet machine; a busy CI machine (two suites on two cores) can be many times
 * slower than the one a test was written on, and a short ceiling there turns a slow pass into a failure.
 */
export const WAIT_CEILING_MS = 60_000;

/** Waits until `check` stops throwing (or returns), polling; a smaller `timeout` asked for is raised to the ceiling. */
export function eventually<T>(
  check: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(check, {
    interval: options.interval ?? 20,
    timeout: Math.max(options.timeout ?? 0, WAIT_CEILING_MS),
  });
}
