import { type App, createApp, DEFAULT_REDIS_URL } from "./app.js";
import { runTerminalChat } from "./app-console.js";
import { hasPlatformToken } from "./config/deployment-rules.js";
import { requireTerminalChatInput } from "./config/terminal-chat-input.js";
import { ConfigError, loadConfig } from "./config.js";
import { AdjustableClock } from "./core/clock.js";
import { PgliteLockedError } from "./db/pglite-lock.js";
import { createLogger, type Logger } from "./logger.js";
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
  const clock = new AdjustableClock();
  const redisUrl = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  const consoleMode = !hasPlatformToken(config);
  if (consoleMode) {
    await requireTerminalChatInput(process.stdin);
    let running: App | undefined;
    // Logs of the terminal chat go to its file (app-console.ts), not between the lines of the conversation.
    stopOnSignals(() => running?.stop() ?? Promise.resolve(), createLogger("silent"));
    await runTerminalChat({ config, clock, redisUrl, onApp: (app) => (running = app) });
    return;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const queuePrefix = redisPrefixFor({
    configured: config.REDIS_PREFIX,
    terminalChat: false,
    dataDir: config.DATA_DIR,
  });
  const app = await createApp({ config, logger, clock, queuePrefix });
  stopOnSignals(() => app.stop(), logger);
  await ensurePrefixOwnership({
    redisUrl,
    prefix: queuePrefix,
    identity: await databaseIdentity(app.database, config.DATA_DIR),
    onSkipped: (reason) => logger.warn({ reason }, "Redis not reachable: the prefix's owner is checked next start"),
  }).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  await app.start();
}

/** SIGINT and SIGTERM stop the app once, within the deadline a service manager allows, then leave. */
function stopOnSignals(stopApp: () => Promise<void>, logger: Logger): void {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopApp();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      void stopWithin(stop, logger).then(() => process.exit(0));
    });
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
