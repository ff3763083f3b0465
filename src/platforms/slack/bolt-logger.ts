import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/**
 * Bolt and @slack/web-api log through this, so their lines land in our pino stream. Bolt passes free-form
 * arguments, so each line goes out as one joined message string; its debug lines (which carry whole request
 * bodies) are dropped, since a payload must never reach a log.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const join = (parts: unknown[]) =>
    parts
      .map((part) => (part instanceof Error ? part.message : typeof part === "string" ? part : String(part)))
      .join(" ");
  return {
    // Bolt logs whole request bodies at debug level: those never reach our logs.
    debug: () => undefined,
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
