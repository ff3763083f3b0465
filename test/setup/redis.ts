// Redis for tests: one shared server, isolation by a unique BullMQ queue name / key prefix per test.
import { randomBytes } from "node:crypto";

export { testRedisUrl } from "./services.js";

/**
 * A name unique to this test run, e.g. `uniquePrefix("pings")` → `pings-12345-9f2c1a7b`, for BullMQ queue names or
 * key prefixes (no `:`, which BullMQ rejects in queue names). Obliterate the queue or delete the keys afterwards.
 */
export function uniquePrefix(name: string): string {
  return `${name}-${process.pid}-${randomBytes(4).toString("hex")}`;
}
