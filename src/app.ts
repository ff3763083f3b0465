import type { Reminders } from "../handlers/services.js";
import {
  createJobProducers,
  type JobProducers,
  type Jobs,
  type PingScheduler,
  startJobs,
  type TaskChangeNotice,
} from "../jobs/index.js";
import { defaultJobTuning } from "../jobs/job-context.js";
import type { RateGate } from "../jobs/rate-gate.js";
import { rescheduleAfterSettings } from "../jobs/settings-middleware.js";
import { createAppBot } from "./app-bot.js";
import { slackDistributionOf } from "./app-slack-distribution.js";
import { hasPlatformToken } from "./config/deployment-rules.js";
import type { Config } from "./config.js";
import type { Clock } from "./core/clock.js";
import { AppError } from "./core/errors.js";
import type { Bot } from "./core/handler.js";
import { createSharedSendGate, type SendGate } from "./core/send-gate.js";
import type { MessageSender } from "./core/sender.js";
import { createDatabase, type Database } from "./db/client.js";
import { createDashboardRoute } from "./http/dashboard/dashboard-route.js";
import type { RouteHandler } from "./http/server.js";
import type { Logger } from "./logger.js";
import { createSlackAdapter, type SlackAdapter } from "./platforms/slack/index.js";
import { createZaloAdapter, type ZaloAdapter } from "./platforms/zalo/index.js";
import { createOperations } from "./runtime/operations.js";
import { receives } from "./runtime/roles.js";
import { claimDropDir } from "./services/admin-claims.js";
import { createCreatedTasksQuery } from "./services/created-tasks.js";
import { createDirectoryService } from "./services/directory-service.js";
import { createHomeService } from "./services/home-service.js";
import { createInboundJournal } from "./services/inbound-journal.js";
import { createOrgService } from "./services/org-service.js";
import { createQuestionService } from "./services/question-service.js";
import { createRecurringServices } from "./services/recurring-services.js";
import { createReportService, type ReportService } from "./services/report-service.js";
import { createTaskService } from "./services/task-service.js";

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
  /** Redis key prefix of the queues (tests and benchmarks use their own). Default REDIS_PREFIX, else "roviec". */
  queuePrefix?: string;
  /**
   * Whether to serve HTTP (platform routes, /healthz, /readyz, /metrics). Default true; the terminal chat serves
   * it only when HEALTH_PORT asks for it.
   */
  http?: boolean;
}

/** Everything the bot is made of, wired once. `start` opens the doors; `stop` closes them in reverse order. */
export interface App {
  bot: Bot;
  database: Database;
  slack?: SlackAdapter;
  zalo?: ZaloAdapter;
  jobs?: Jobs;
  /** The bound port of the platform routes, once started, when this process receives over HTTP. */
  port?: number;
  /** The bound port of /healthz, /readyz and /metrics, once started. */
  healthPort?: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root, each part built once, in order: database → report service → job producers (queues,
 * scheduler) → operations (health, readiness, metrics) → task, directory and question services → bot → platform
 * adapters; `start` then starts the workers and the reconciler, the HTTP server, and opens the doors. Adapters are created only for the platforms whose tokens are
 * configured; with none, the caller opens the terminal chat.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger, clock } = options;
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const now = () => clock.now();
  const reports = createReportService({ prisma: database.prisma });
  const redisUrl = options.withJobs === false ? undefined : (config.REDIS_URL ?? DEFAULT_REDIS_URL);
  // Readiness reads the running jobs, which exist once `start` has started them.
  const running: { jobs?: Jobs; port?: number } = {};
  const operations = createOperations({
    config,
    database,
    logger,
    redisUrl,
    jobs: () => running.jobs,
    hasReceivers: hasPlatformToken(config),
  });
  const producers = redisUrl ? await createProducers(options, database, reports, operations) : undefined;
  const scheduler = producers?.scheduler ?? schedulerWithoutRedis;
  const services = {
    tasks: createTaskService({
      prisma: database.prisma,
      logger: logger.child({ module: "tasks" }),
      now,
      onTaskChanged: planInBackground(scheduler, logger),
    }),
    directory: createDirectoryService({
      prisma: database.prisma,
      defaults: { locale: config.DEFAULT_LOCALE, timezone: config.DEFAULT_TIMEZONE },
      // The embedded database is this process's alone: `npm run zalo:claim` leaves its codes in the data directory.
      claimDropDir: config.DATABASE_URL ? undefined : claimDropDir(config.DATA_DIR),
    }),
    questions: createQuestionService({ prisma: database.prisma }),
    reminders: scheduler,
    reports,
    org: createOrgService({ prisma: database.prisma }),
    dashboard: { publicUrl: () => publicUrl(config, running.port) },
    // A new series makes the occurrences whose period has begun at once, their pings planned.
    ...createRecurringServices({
      prisma: database.prisma,
      now,
      logger: logger.child({ module: "recurring" }),
      onTasksCreated: scheduler.onTasksCreated,
    }),
  };
  const bot = createAppBot({
    services,
    middleware: [operations.metrics.middleware, rescheduleAfterSettings(scheduler)],
    logger: logger.child({ module: "bot" }),
    now,
  });
  const adapters = createAdapters(options, { bot, database, now, rateGate: producers?.rateGate });
  const dashboard = createDashboardRoute({
    org: services.org,
    reports,
    logger: logger.child({ module: "dashboard" }),
    now,
    publicUrl: services.dashboard.publicUrl,
    defaultTimezone: config.DEFAULT_TIMEZONE,
  });
  return assembleApp(options, { bot, database, producers, operations, running, dashboard, ...adapters });
}

type Operations = ReturnType<typeof createOperations>;

function createProducers(
  options: AppOptions,
  database: Database,
  reports: ReportService,
  operations: Operations,
): Promise<JobProducers> {
  const { config, logger } = options;
  return createJobProducers({
    prisma: database.prisma,
    redisUrl: config.REDIS_URL ?? DEFAULT_REDIS_URL,
    logger,
    prefix: options.queuePrefix ?? config.REDIS_PREFIX,
    now: () => options.clock.now(),
    reports,
    observer: operations.metrics.observer,
    tuning: {
      workspacePerSecond: {
        slack: config.SLACK_MESSAGES_PER_SECOND,
        zalo: config.ZALO_MESSAGES_PER_SECOND,
        console: defaultJobTuning.workspacePerSecond.console,
      },
    },
  });
}

interface Adapters {
  slack?: SlackAdapter;
  zalo?: ZaloAdapter;
}

function createAdapters(
  options: AppOptions,
  parts: { bot: Bot; database: Database; now: () => Date; rateGate?: RateGate },
): Adapters {
  const { config, logger } = options;
  const { bot, database } = parts;
  // Many workspaces ("Add to Slack") when SLACK_CLIENT_ID is set; otherwise one, with SLACK_BOT_TOKEN.
  const distribution = slackDistributionOf(config, database, logger);
  const slack =
    config.SLACK_BOT_TOKEN || distribution
      ? createSlackAdapter({
          config,
          bot,
          logger,
          homeService: createHomeService({ prisma: database.prisma }),
          createdTasks: createCreatedTasksQuery({ prisma: database.prisma }),
          journal: createInboundJournal(database.priorityLane),
          clock: parts.now,
          distribution,
        })
      : undefined;
  const zalo = config.ZALO_BOT_TOKEN
    ? createZaloAdapter({
        config,
        bot,
        logger,
        journal: createInboundJournal(database.priorityLane),
        sender: { gate: zaloSendGate(config.ZALO_BOT_TOKEN, config.ZALO_MESSAGES_PER_SECOND, parts.rateGate) },
      })
    : undefined;
  return { slack, zalo };
}

/** `start` opens the doors in order; `stop` closes them in reverse. */
function assembleApp(
  options: AppOptions,
  parts: Adapters & {
    bot: Bot;
    database: Database;
    producers?: JobProducers;
    operations: Operations;
    running: { jobs?: Jobs; port?: number };
    dashboard: RouteHandler;
  },
): App {
  const { config } = options;
  const { slack, zalo, database, producers, operations, running, dashboard } = parts;
  const senders = [slack?.sender, zalo?.sender, ...(options.extraSenders ?? [])].filter(
    (sender): sender is MessageSender => sender !== undefined,
  );
  // A worker receives nothing: its adapters only send (the outbox), so no route, no Socket Mode, no polling.
  const receiving = receives(config.ROLE);
  const routes: Record<string, RouteHandler> = receiving ? { ...slack?.routes, ...zalo?.routes } : {};
  const app: App = {
    bot: parts.bot,
    database,
    slack,
    zalo,
    async start() {
      if (producers) {
        app.jobs = await startJobs({ producers, senders, role: config.ROLE });
        running.jobs = app.jobs;
      }
      // The dashboard is served where people reach the bot over HTTP (not by a worker, which receives nothing).
      const pages: Record<string, RouteHandler> = receiving ? { "/dashboard": dashboard } : {};
      if (options.http !== false) Object.assign(app, await operations.listen(routes, pages));
      running.port = app.port ?? app.healthPort;
      if (receiving) {
        await slack?.start();
        await zalo?.start();
        operations.setReceiving(true);
      }
    },
    async stop() {
      operations.setReceiving(false);
      await zalo?.stop();
      await slack?.stop();
      await operations.close();
      await (app.jobs ?? producers)?.close();
      await database.close();
    },
  };
  return app;
}

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** Where dashboard links point: PUBLIC_URL, or this process's own port when it is unset (a trial on one machine). */
function publicUrl(config: Config, port: number | undefined): string {
  return (config.PUBLIC_URL ?? `http://127.0.0.1:${port ?? config.PORT}`).replace(/\/+$/, "");
}

/**
 * The Zalo bot's send rate, shared through Redis by every process (this process's own while Redis is down, or when
 * the app runs without it). Keyed by the bot id, the token's public part before ":".
 */
function zaloSendGate(token: string, perSecond: number, rateGate: RateGate | undefined): SendGate {
  const botId = token.split(":")[0] ?? "bot";
  return createSharedSendGate({
    key: `bot:${botId}`,
    perSecond,
    slot: () => (rateGate ? (key, intervalMs) => rateGate.acquire("zalo", key, intervalMs) : undefined),
  });
}

/**
 * A command's reply does not wait for its task's pings to be planned. Planning runs one batch at a time, so under
 * load every command would wait for the batches queued before its own; the change is saved by then, and a plan that
 * fails or is cut short by a crash is made by the reconciler (the task stays marked unplanned). A graceful stop waits
 * for the plans queued (jobs/producers.ts).
 */
function planInBackground(scheduler: Pick<PingScheduler, "onTaskChanged">, logger: Logger) {
  return (change: TaskChangeNotice): void => {
    scheduler.onTaskChanged(change).catch((error) => {
      logger.warn({ err: error, taskId: change.taskId }, "could not plan a changed task's pings; the reconciler will");
    });
  };
}

/**
 * Without Redis (the terminal chat on a machine without it) nothing is planned: task changes plan no pings, and a
 * reminder is refused as the queue being unavailable.
 */
const schedulerWithoutRedis: Pick<PingScheduler, "onTaskChanged" | "onTasksCreated" | "onChannelSettingsChanged"> &
  Reminders = {
  onTaskChanged: async () => undefined,
  onTasksCreated: async () => undefined,
  onChannelSettingsChanged: async () => undefined,
  addReminder: async () => {
    throw new AppError("queue_unavailable", "reminders need Redis, which is not running");
  },
};
