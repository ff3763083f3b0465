import type { Server } from "node:http";
import type { Config } from "./config.js";
import { createBot } from "./core/bot.js";
import type { Clock } from "./core/clock.js";
import type { Bot } from "./core/handler.js";
import type { MessageSender } from "./core/sender.js";
import { createDatabase, type Database } from "./db/client.js";
import { createHttpServer, listen, type RouteHandler } from "./http/server.js";
import type { Logger } from "./logger.js";
import { createSlackAdapter, type SlackAdapter } from "./platforms/slack/index.js";
import { createZaloAdapter, type ZaloAdapter } from "./platforms/zalo/index.js";
import { createDirectoryService } from "./services/directory-service.js";
import { createTaskService } from "./services/task-service.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Senders that exist outside the platform adapters (the terminal chat's). */
  extraSenders?: MessageSender[];
}

/** Everything the bot is made of, wired once. `start` opens the doors; `stop` closes them in reverse order. */
export interface App {
  bot: Bot;
  database: Database;
  slack?: SlackAdapter;
  zalo?: ZaloAdapter;
  /** The bound HTTP port, once started with at least one route. */
  port?: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root: database → services → bot → platform adapters → HTTP server. Adapters are created only for
 * the platforms whose tokens are configured; with none, the caller opens the terminal chat.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger, clock } = options;
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const now = () => clock.now();
  const tasks = createTaskService({ prisma: database.prisma, logger: logger.child({ module: "tasks" }), now });
  const directory = createDirectoryService({
    prisma: database.prisma,
    defaults: { locale: config.DEFAULT_LOCALE, timezone: config.DEFAULT_TIMEZONE },
  });
  const bot = createBot({ services: { tasks, directory }, logger: logger.child({ module: "bot" }), now });
  const slack = config.SLACK_BOT_TOKEN
    ? createSlackAdapter({ config, bot, logger, prisma: database.prisma })
    : undefined;
  const zalo = config.ZALO_BOT_TOKEN ? createZaloAdapter({ config, bot, logger }) : undefined;
  const routes: Record<string, RouteHandler> = { ...slack?.routes, ...zalo?.routes };
  let server: Server | undefined;

  const app: App = {
    bot,
    database,
    slack,
    zalo,
    async start() {
      if (Object.keys(routes).length > 0 || config.ROLE === "web") {
        server = createHttpServer({ routes, logger: logger.child({ module: "http" }) });
        app.port = await listen(server, config.PORT);
        logger.info({ port: app.port, routes: Object.keys(routes) }, "http server listening");
      }
      await slack?.start();
      await zalo?.start();
    },
    async stop() {
      await zalo?.stop();
      await slack?.stop();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      await database.close();
    },
  };
  return app;
}
