import type { App } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Config } from "../../config.js";
import type { Bot } from "../../core/handler.js";
import type { InboundJournal } from "../../core/inbound.js";
import { InboundProcessor } from "../../core/inbound-processor.js";
import type { MessageSender } from "../../core/sender.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import { createCreatedTasksQuery } from "../../services/created-tasks.js";
import { createHomeService } from "../../services/home-service.js";
import { createBoltLogger } from "./bolt-logger.js";
import { ChannelDirectory } from "./channel-directory.js";
import { CommandRunner } from "./command-runner.js";
import type { SlackDistribution } from "./distribution.js";
import { createDueDescriber } from "./due-text.js";
import { HomeTab } from "./home-tab.js";
import { SlackHttpReceiver } from "./http-receiver.js";
import { listenForAddTask } from "./listen-add-task.js";
import { listenForCardActions } from "./listen-card-actions.js";
import { listenForMessages } from "./listen-messages.js";
import { listenForQuestionAnswers } from "./listen-question-answers.js";
import { SlackMessageSender } from "./message-sender.js";
import { ReplyDelivery } from "./reply-delivery.js";
import { createBoltApp } from "./slack-app.js";
import type { SlackRuntime } from "./slack-runtime.js";
import { UserDirectory } from "./user-directory.js";

/** Where Slack's Request URL points (events, commands, interactivity and shortcuts share it). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** How long an outbox send waits for Slack's answer before it counts as failed (and in doubt), in ms. */
export const OUTBOX_REQUEST_TIMEOUT_MS = 10_000;

export interface SlackAdapterOptions {
  config: Pick<
    Config,
    | "SLACK_BOT_TOKEN"
    | "SLACK_SIGNING_SECRET"
    | "SLACK_APP_TOKEN"
    | "SLACK_API_URL"
    | "DEFAULT_TIMEZONE"
    | "DEFAULT_LOCALE"
  >;
  bot: Bot;
  logger: Logger;
  /** Enables the App Home tab "Việc của tôi / My tasks" (read-only queries). */
  prisma?: PrismaClient;
  /**
   * Where slash commands and events wait, durably, between their ack and their handling (HTTP mode). Without one
   * they are handled in memory after the ack, and lost if the process stops in between.
   */
  journal?: InboundJournal;
  /** Lease and sweep timing of the journal (tests). */
  journalTiming?: { leaseMs?: number; sweepEveryMs?: number };
  /** POSTs to response_url; tests may inject one. Default: global fetch. */
  fetchFn?: typeof fetch;
  /** Our clock for the signature replay window, in ms. Default Date.now: Slack signs with real time. */
  now?: () => number;
  /** The app's clock, for dates picked on cards and what the Home tab calls overdue. Default: real time. */
  clock?: () => Date;
  /** Many workspaces installed through "Add to Slack" (SLACK_CLIENT_ID), instead of one SLACK_BOT_TOKEN. */
  distribution?: SlackDistribution;
}

export interface SlackAdapter {
  /** Routes to mount on the shared HTTP server: `{ "/slack/events": … }`; empty in Socket Mode. */
  routes: Record<string, RouteHandler>;
  /** The outbox's sender for Slack (chat.postMessage with outbox metadata, no client-side retries). */
  sender: MessageSender;
  /** Connects the Socket Mode socket; a no-op in HTTP mode (the shared server is started by the caller). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The bolt app, for tests and diagnostics. */
  app: App;
}

/**
 * The Slack adapter: one bolt App whose listeners turn slash commands, mentions, DMs, card buttons, the shortcut
 * and the modal into IncomingMessages for `bot.handle`, and render its replies as Block Kit.
 * Needs SLACK_BOT_TOKEN and either SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, bot, prisma } = options;
  const logger = options.logger.child({ module: "slack" });
  const { distribution } = options;
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken && !distribution) throw new Error("createSlackAdapter needs SLACK_BOT_TOKEN or a distribution");
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new Error("createSlackAdapter needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
  }
  const slackApiUrl = config.SLACK_API_URL ? withTrailingSlash(config.SLACK_API_URL) : undefined;
  const base: WebClientOptions = { ...(slackApiUrl ? { slackApiUrl } : {}), logger: createBoltLogger(logger) };
  // Interactive answers may retry a little; the outbox client does not retry at all (the outbox owns retries).
  const interactiveOptions: WebClientOptions = {
    ...base,
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
  };
  const client = distribution?.interactiveClient(interactiveOptions) ?? new WebClient(botToken, interactiveOptions);
  // A request timeout: the Web API client has none by default, so one hung connection to Slack would hold an outbox
  // send (and its BullMQ slot) forever instead of failing and being retried by the outbox.
  const outboxOptions: WebClientOptions = {
    ...base,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: OUTBOX_REQUEST_TIMEOUT_MS,
  };

  const clock = options.clock ?? (() => new Date()); // real time only when no clock is given (tests, tools)
  const describeDue = createDueDescriber(config.DEFAULT_TIMEZONE, config.DEFAULT_LOCALE, clock);
  const directory = new UserDirectory({ client, logger });
  const channels = new ChannelDirectory({ client, logger });
  const delivery = new ReplyDelivery({ client, describeDue, logger, fetchFn: options.fetchFn });
  const home = prisma
    ? new HomeTab({
        client,
        homeService: createHomeService({ prisma }),
        createdTasks: createCreatedTasksQuery({ prisma }),
        directory,
        describeDue,
        logger,
        defaultTimezone: config.DEFAULT_TIMEZONE,
        clock,
      })
    : undefined;
  const runner = new CommandRunner({
    bot,
    delivery,
    logger,
    onTasksChanged: home ? (team, users) => home.refresh(team, users) : undefined,
  });
  const runtime: SlackRuntime = {
    client,
    runner,
    delivery,
    directory,
    channels,
    describeDue,
    logger,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    now: clock,
    home,
  };

  // Replays a journaled request through bolt, already acked: listeners' ack() is then a no-op.
  let replay: (payload: unknown) => Promise<void> = async () => {};
  const inbound =
    options.journal && !config.SLACK_APP_TOKEN
      ? new InboundProcessor({
          journal: options.journal,
          platform: "slack",
          handle: (payload) => replay(payload),
          logger,
          ...options.journalTiming,
        })
      : undefined;
  const receiver = config.SLACK_APP_TOKEN
    ? undefined
    : new SlackHttpReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET as string,
        logger,
        now: options.now,
        inbound,
        admit: distribution?.admit,
      });
  const app = createBoltApp({
    botToken,
    authorize: distribution?.authorize,
    receiver,
    appToken: config.SLACK_APP_TOKEN,
    clientOptions: interactiveOptions,
    logger,
  });
  distribution?.listen(app);
  listenForMessages(app, runtime);
  listenForCardActions(app, runtime);
  listenForQuestionAnswers(app, runtime);
  listenForAddTask(app, runtime);
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab === "home" && home) await home.opened(body.team_id, event.user);
  });

  replay = (payload) => app.processEvent({ body: payload as Record<string, unknown>, ack: async () => {} });

  let socketStarted = false;
  return {
    routes: { ...(receiver ? { [SLACK_EVENTS_PATH]: receiver.handle } : {}), ...distribution?.routes },
    sender:
      distribution?.outboxSender({ clientOptions: outboxOptions, describeDue }) ??
      new SlackMessageSender({ client: new WebClient(botToken, outboxOptions), describeDue, logger }),
    app,
    start: async () => {
      inbound?.start();
      if (!config.SLACK_APP_TOKEN || socketStarted) return;
      await app.start();
      socketStarted = true;
    },
    stop: async () => {
      await inbound?.stop();
      if (!socketStarted) return;
      socketStarted = false;
      await app.stop();
    },
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
