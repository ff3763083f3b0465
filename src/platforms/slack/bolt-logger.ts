import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/**
 * Bolt and @slack/web-api log through this, so their lines land in our pino stream. Bolt passes free-form
 * arguments (sometimes whole payloads at debug level), so everything goes out as one joined message string and
 * debug lines stay at trace to keep payloads out of normal logs.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const join = (parts: unknown[]) =>
    parts.map((part) => (part instanceof Error ? part.message : typeof part === "string" ? part : String(part))).join(" ");
  return {
    debug: (...parts: unknown[]) => logger.trace(join(parts)),
    info: (...parts: unknown[]) => logger.info(join(parts)),
    warn: (...parts: unknown[]) => logger.warn(join(parts)),
    error: (...parts: unknown[]) => logger.error(join(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
