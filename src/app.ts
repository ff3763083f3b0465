import type { Server } from "node:http";
import { exportTasks } from "../handlers/export.js";
import { remind } from "../handlers/remind.js";
import { snooze } from "../handlers/snooze.js";
import { summary } from "../handlers/summary.js";
import { type Jobs, startJobs } from "../jobs/index.js";
import { defaultJobTuning } from "../jobs/job-context.js";
import { rescheduleAfterSettings } from "../jobs/settings-middleware.js";
import { isSlackDistributed } from "./config/slack-distribution.js";
import type { Config } from "./config.js";
import { createBot } from "./core/bot.js";
import type { Clock } from "./core/clock.js";
import { AppError } from "./core/errors.js";
import type { Bot } from "./core/handler.js";
import { createSharedSendGate, type SendGate } from "./core/send-gate.js";
import type { MessageSender } from "./core/sender.js";
import { createDatabase, type Database } from "./db/client.js";
import { createHttpServer, listen, type RouteHandler } from "./http/server.js";
import type { Logger } from "./logger.js";
import { createSlackDistribution } from "./platforms/slack/distribution.js";
import { createSlackAdapter, type SlackAdapter } from "./platforms/slack/index.js";
import { createZaloAdapter, type ZaloAdapter } from "./platforms/zalo/index.js";
import { claimDropDir } from "./services/admin-claims.js";
import { createDirectoryService } from "./services/directory-service.js";
import { createInboundJournal } from "./services/inbound-journal.js";
import { createOutboxWorkspaceQuery } from "./services/outbox-workspace.js";
import { createQuestionService } from "./services/question-service.js";
import { createReportService } from "./services/report-service.js";
import { createSlackInstallationStore } from "./services/slack-installation-store.js";
import { createTaskService } from "./services/task-service.js";
import { TokenCipher } from "./services/token-cipher.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Senders that exist outside the platform adapters (the terminal chat's). */
  extraSenders?: MessageSender[];
  /**
   * Whether to run the BullMQ side (pings, outbox, summaries). Default true. The terminal chat turns it off when no
   * Redis is reachable, so trying the bot needs nothing but Node.js.
   */
  withJobs?: boolean;
  /** Redis key prefix of the queues (tests and benchmarks use their own). Default "roviec". */
  queuePrefix?: string;
}

/** Everything the bot is made of, wired once. `start` opens the doors; `stop` closes them in reverse order. */
export interface App {
  bot: Bot;
  database: Database;
  slack?: SlackAdapter;
  zalo?: ZaloAdapter;
  jobs?: Jobs;
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
  // The bot is built before the adapters that call it and the adapters before the jobs that send through them;
  // the task service reaches the scheduler late, through this indirection.
  let jobs: Jobs | undefined;
  const tasks = createTaskService({
    prisma: database.prisma,
    logger: logger.child({ module: "tasks" }),
    now,
    onTaskChanged: (change) => jobs?.scheduler.onTaskChanged(change),
  });
  const directory = createDirectoryService({
    prisma: database.prisma,
    defaults: { locale: config.DEFAULT_LOCALE, timezone: config.DEFAULT_TIMEZONE },
    // The embedded database is this process's alone: `npm run zalo:claim` leaves its codes in the data directory.
    claimDropDir: config.DATABASE_URL ? undefined : claimDropDir(config.DATA_DIR),
  });
  const scheduler = {
    addReminder: (taskId: string, when: Date) => requireJobs(jobs).scheduler.addReminder(taskId, when),
    onChannelSettingsChanged: async (channelId: string) => jobs?.scheduler.onChannelSettingsChanged(channelId),
  };
  const reports = createReportService({ prisma: database.prisma });
  const questions = createQuestionService({ prisma: database.prisma });
  const bot = createBot({
    services: { tasks, directory, questions, reminders: scheduler, reports },
    handlers: { remind, summary, export: exportTasks, snooze },
    middleware: [rescheduleAfterSettings(scheduler)],
    logger: logger.child({ module: "bot" }),
    now,
  });
  // Many workspaces ("Add to Slack") when SLACK_CLIENT_ID is set; otherwise one, with SLACK_BOT_TOKEN.
  const distribution = isSlackDistributed(config) ? slackDistribution(config, database, logger) : undefined;
  const slackConfigured = config.SLACK_BOT_TOKEN !== undefined || distribution !== undefined;
  const slack = slackConfigured
    ? createSlackAdapter({
        config,
        bot,
        logger,
        prisma: database.prisma,
        journal: createInboundJournal(database.priorityLane),
        clock: now,
        distribution,
      })
    : undefined;
  const zalo = config.ZALO_BOT_TOKEN
    ? createZaloAdapter({
        config,
        bot,
        logger,
        journal: createInboundJournal(database.priorityLane),
        sender: { gate: zaloSendGate(config.ZALO_BOT_TOKEN, config.ZALO_MESSAGES_PER_SECOND, () => jobs) },
      })
    : undefined;
  const senders = [slack?.sender, zalo?.sender, ...(options.extraSenders ?? [])].filter(
    (sender): sender is MessageSender => sender !== undefined,
  );
  const routes: Record<string, RouteHandler> = { ...slack?.routes, ...zalo?.routes };
  let server: Server | undefined;

  const app: App = {
    bot,
    database,
    slack,
    zalo,
    async start() {
      if (options.withJobs !== false) {
        jobs = await startJobs({
          prisma: database.prisma,
          redisUrl: config.REDIS_URL ?? DEFAULT_REDIS_URL,
          senders,
          logger,
          role: config.ROLE,
          prefix: options.queuePrefix,
          now,
          tuning: {
            workspacePerSecond: {
              slack: config.SLACK_MESSAGES_PER_SECOND,
              zalo: config.ZALO_MESSAGES_PER_SECOND,
              console: defaultJobTuning.workspacePerSecond.console,
            },
          },
        });
        app.jobs = jobs;
      }
      if (Object.keys(routes).length > 0 || config.ROLE === "web") {
        server = createHttpServer({ routes, logger: logger.child({ module: "http" }) });
        app.port = await listen(server, config.PORT, config.HOST);
        logger.info({ host: config.HOST, port: app.port, routes: Object.keys(routes) }, "http server listening");
      }
      await slack?.start();
      await zalo?.start();
    },
    async stop() {
      await zalo?.stop();
      await slack?.stop();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      await jobs?.close();
      await database.close();
    },
  };
  return app;
}

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/**
 * The Zalo bot's send rate, shared through Redis by every process once the jobs run (this process's own until then,
 * or while Redis is down). Keyed by the bot id, the token's public part before ":".
 */
function zaloSendGate(token: string, perSecond: number, jobs: () => Jobs | undefined): SendGate {
  const botId = token.split(":")[0] ?? "bot";
  return createSharedSendGate({
    key: `bot:${botId}`,
    perSecond,
    slot: () => {
      const gate = jobs()?.rateGate;
      return gate ? (key, intervalMs) => gate.acquire("zalo", key, intervalMs) : undefined;
    },
  });
}

/** The installations (tokens sealed with SLACK_TOKEN_KEY) and the outbox's workspaces, for many Slack workspaces. */
function slackDistribution(config: Config, database: Database, logger: Logger) {
  const cipher = new TokenCipher(config.SLACK_TOKEN_KEY ?? "", config.SLACK_TOKEN_KEY_PREVIOUS);
  return createSlackDistribution({
    config,
    installations: createSlackInstallationStore({ prisma: database.prisma, cipher }),
    outboxWorkspaces: createOutboxWorkspaceQuery({ prisma: database.prisma }),
    logger,
    slackApiUrl: config.SLACK_API_URL,
  });
}

function requireJobs(jobs: Jobs | undefined): Jobs {
  // Only reachable when the app runs without Redis (the terminal chat on a machine without it).
  if (!jobs) throw new AppError("queue_unavailable", "reminders need Redis, which is not running");
  return jobs;
}
