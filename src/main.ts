import { join } from "node:path";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createApp, DEFAULT_REDIS_URL } from "./app.js";
import { hasPlatformToken } from "./config/deployment-rules.js";
import { requireTerminalChatInput } from "./config/terminal-chat-input.js";
import { ConfigError, loadConfig } from "./config.js";
import { AdjustableClock } from "./core/clock.js";
import { PgliteLockedError } from "./db/pglite-lock.js";
import { createLogger, type Logger } from "./logger.js";
import { ConsoleSender, runConsoleChat } from "./platforms/console/index.js";
import { databaseIdentity, ensurePrefixOwnership, PrefixTakenError, redisPrefixFor } from "./runtime/redis-prefix.js";
import { stopWithin } from "./runtime/shutdown.js";
import { isWebClusterPrimary, runWebCluster } from "./runtime/web-cluster.js";

/**
 * `npm start`. With a Slack or Zalo token it serves those platforms; with none it opens the terminal chat on the
 * same bot (reading a piped conversation line by line when standard input is not a terminal).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (isWebClusterPrimary(config.WEB_PROCESSES)) {
    runWebCluster(config.WEB_PROCESSES, createLogger(config.LOG_LEVEL));
    return;
  }
  const consoleMode = !hasPlatformToken(config);
  if (consoleMode) await requireTerminalChatInput(process.stdin);
  const logger = consoleMode ? consoleLogger(config.LOG_LEVEL, config.DATA_DIR) : createLogger(config.LOG_LEVEL);
  const clock = new AdjustableClock();
  // Trying the bot in a terminal needs only Node.js: without a reachable Redis the chat runs, pings are off.
  const redisUrl = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  const withJobs = !consoleMode || (await isRedisReachable(redisUrl));
  const extraSenders = consoleMode ? [new ConsoleSender(process.stdout)] : [];
  const queuePrefix = redisPrefixFor({
    configured: config.REDIS_PREFIX,
    terminalChat: consoleMode,
    dataDir: config.DATA_DIR,
  });
  const http = !consoleMode || config.HEALTH_PORT !== undefined;
  const app = await createApp({ config, logger, clock, withJobs, extraSenders, queuePrefix, http });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= app.stop();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      void stopWithin(stop, logger).then(() => process.exit(0));
    });
  }
  if (!consoleMode) {
    await ensurePrefixOwnership({
      redisUrl,
      prefix: queuePrefix,
      identity: await databaseIdentity(app.database, config.DATA_DIR),
      onSkipped: (reason) => logger.warn({ reason }, "Redis not reachable: the prefix's owner is checked next start"),
    }).catch(async (error: unknown) => {
      await app.stop();
      throw error;
    });
  }
  await app.start();
  if (!consoleMode) return;
  if (!withJobs) {
    console.log("ℹ️  Không thấy Redis nên tắt nhắc việc / No Redis reachable, so pings are off (REDIS_URL).");
  }
  await runConsoleChat({
    bot: app.bot,
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
    locale: config.DEFAULT_LOCALE,
    clock,
    filesDir: join(config.DATA_DIR, "files"),
    logger,
  });
  await stop();
}

/** In the terminal chat, logs would mix with the conversation: they go to a file in the data directory. */
function consoleLogger(level: string, dataDir: string): Logger {
  return createLogger(level, pino.destination({ dest: join(dataDir, "ro-viec.log"), mkdir: true, sync: false }));
}

async function isRedisReachable(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PrefixTakenError || error instanceof PgliteLockedError) {
    console.error(error.message);
  } else {
    console.error(
      "Rõ Việc không khởi động được / Rõ Việc could not start:",
      error instanceof Error ? error.message : error,
    );
  }
  process.exit(1);
});
