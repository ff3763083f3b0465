/**
 * The terminal chat's side of `npm start` (no platform token): the app on the embedded database, a clock the chat
 * moves (`/now`, `/tua`) with every ping and summary due on the way run by the jobs (jobs/clock-travel.ts), and
 * `/reset`, which wipes the trial data and starts the app afresh on the same data directory.
 *
 * Pings and summaries need Redis: without a reachable one the chat runs, its clock moves alone, and it says so.
 */

import { rm } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createClockTravel } from "../jobs/clock-travel.js";
import { type App, createApp } from "./app.js";
import type { Config } from "./config.js";
import type { AdjustableClock } from "./core/clock.js";
import type { Locale } from "./core/incoming.js";
import { createLogger, type Logger } from "./logger.js";
import { formatClock } from "./platforms/console/console-clock.js";
import { paintFor } from "./platforms/console/console-paint.js";
import type { ConsoleSession } from "./platforms/console/console-steering.js";
import { ConsoleSender, runConsoleChat } from "./platforms/console/index.js";
import { redisPrefixFor } from "./runtime/redis-prefix.js";
import { shortLivedRedis } from "./runtime/short-lived-redis.js";

export interface TerminalChatOptions {
  config: Config;
  clock: AdjustableClock;
  redisUrl: string;
  /** Called with each app started (the first and each after `/reset`), so a signal stops the one running. */
  onApp(app: App): void;
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { config, clock, redisUrl } = options;
  const logger = consoleLogger(config.LOG_LEVEL, config.DATA_DIR);
  const withJobs = await isRedisReachable(redisUrl);
  const paint = paintFor(process.stdout, config.NO_COLOR);
  const timezone = config.DEFAULT_TIMEZONE;
  const stamp = (locale: Locale | undefined) =>
    clock.isFrozen() ? formatClock(clock.now(), locale ?? config.DEFAULT_LOCALE, timezone) : undefined;
  const interactive = process.stdin.isTTY === true;
  const sender = new ConsoleSender(process.stdout, {
    paint,
    stamp,
    now: () => clock.now(),
    startOnNewLine: interactive,
  });
  const queuePrefix = redisPrefixFor({ configured: config.REDIS_PREFIX, terminalChat: true, dataDir: config.DATA_DIR });
  const http = config.HEALTH_PORT !== undefined;

  async function open(): Promise<{ app: App; session: ConsoleSession }> {
    const app = await createApp({ config, logger, clock, withJobs, extraSenders: [sender], queuePrefix, http });
    options.onApp(app);
    await app.start();
    if (!app.jobs) return { app, session: { bot: app.bot } };
    const travel = createClockTravel(app.jobs, clock, logger);
    const moveClock = async (to: Date) => {
      sender.hold();
      try {
        await travel.moveTo(to);
      } finally {
        sender.release();
      }
    };
    return { app, session: { bot: app.bot, moveClock } };
  }

  let current = await open();
  if (!withJobs) {
    console.log("ℹ️  Không thấy Redis nên tắt nhắc việc / No Redis reachable, so pings are off (REDIS_URL).");
  }
  await runConsoleChat({
    session: current.session,
    input: process.stdin,
    output: process.stdout,
    interactive,
    locale: config.DEFAULT_LOCALE,
    timezone,
    clock,
    paint,
    filesDir: join(config.DATA_DIR, "files"),
    logger,
    // Only the embedded database is the chat's own to wipe; a PostgreSQL one may hold real work.
    reset: config.DATABASE_URL
      ? undefined
      : async () => {
          await current.app.stop(); // releases the PGlite folder's lock before its files go
          await rm(join(config.DATA_DIR, "pglite"), { recursive: true, force: true });
          await rm(join(config.DATA_DIR, "files"), { recursive: true, force: true });
          if (withJobs) await deleteKeys(redisUrl, queuePrefix);
          clock.set(undefined);
          current = await open();
          return current.session;
        },
  });
  await current.app.stop();
}

/** In the terminal chat, logs would mix with the conversation: they go to a file in the data directory. */
function consoleLogger(level: string, dataDir: string): Logger {
  return createLogger(level, pino.destination({ dest: join(dataDir, "ro-viec.log"), mkdir: true, sync: false }));
}

async function isRedisReachable(url: string): Promise<boolean> {
  const probe = shortLivedRedis(url, 1_000);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Deletes the chat's own keys (its prefix is derived from its data directory, so no other bot's). */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}
