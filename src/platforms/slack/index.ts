import type { App, Receiver } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { Config } from "../../config.js";
import type { Bot } from "../../core/handler.js";
import type { InboundJournal } from "../../core/inbound.js";
import { InboundProcessor, type InboundProcessorOptions } from "../../core/inbound-processor.js";
import type { MessageSender } from "../../core/sender.js";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import type { CreatedTasksQuery } from "../../services/created-tasks.js";
import type { HomeService } from "../../services/home-service.js";
import type { SlackDistribution } from "./distribution.js";
import { SlackHttpReceiver } from "./http-receiver.js";
import { listenForAddTask } from "./listen-add-task.js";
import { listenForCardActions } from "./listen-card-actions.js";
import { listenForMessages } from "./listen-messages.js";
import { listenForQuestionAnswers } from "./listen-question-answers.js";
import { createRequestHandler, type SlackRequestHandler } from "./request-handler.js";
import { createBoltApp } from "./slack-app.js";
import { createSlackClients } from "./slack-clients.js";
import { createSlackIdentity, type SlackIdentity } from "./slack-identity.js";
import { createSlackRuntime, type SlackRuntime } from "./slack-runtime.js";
import { SlackSocketReceiver } from "./socket-receiver.js";
import { createWorkspaceRequestHandler } from "./workspace-request-handler.js";

/** Where Slack's Request URL points (events, commands, interactivity and shortcuts share it). */
export const SLACK_EVENTS_PATH = "/slack/events";

export { OUTBOX_REQUEST_TIMEOUT_MS } from "./slack-clients.js";

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
  /** Enables the App Home tab "Việc của tôi / My tasks": the person's tasks (read-only queries). */
  homeService?: HomeService;
  /** The Home tab's "Việc tôi giao / Tasks I assigned"; the section is left out without it. */
  createdTasks?: CreatedTasksQuery;
  /**
   * Where slash commands and events wait, durably, between their ack and their handling (HTTP and Socket Mode). Without one
   * they are handled in memory after the ack, and lost if the process stops in between.
   */
  journal?: InboundJournal;
  /** Lease, sweep and ack-wait timing of the journal (tests). */
  journalTiming?: Pick<InboundProcessorOptions, "leaseMs" | "sweepEveryMs" | "acceptTimeoutMs">;
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
 * The Slack adapter: turns slash commands, mentions, DMs, card buttons, the shortcut and the modal into
 * IncomingMessages for `bot.handle`, and renders its replies as Block Kit. Our receiver (HTTP or Socket Mode) journals
 * slash commands and events before their ack, and the journal hands them to the request handler (read-request.ts); bolt
 * gets interactions, and whatever the journal could not take. All work after an ack waits in one queue.
 * Needs SLACK_BOT_TOKEN (one workspace) or a distribution (many), and either SLACK_SIGNING_SECRET (HTTP mode) or
 * SLACK_APP_TOKEN (Socket Mode).
 */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config } = options;
  const logger = options.logger.child({ module: "slack" });
  const { distribution } = options;
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken && !distribution) throw new Error("createSlackAdapter needs SLACK_BOT_TOKEN or a distribution");
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new Error("createSlackAdapter needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
  }
  const { client, interactiveOptions, outboxSender } = createSlackClients(
    botToken,
    config.SLACK_API_URL,
    logger,
    distribution,
  );
  const runtime = createSlackRuntime({
    ...options,
    client,
    logger,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    defaultLocale: config.DEFAULT_LOCALE,
    clock: options.clock ?? (() => new Date()), // real time only when no clock is given (tests, tools)
  });
  const { identity, handleRequest } = requestHandling(runtime, botToken, distribution);
  const inbound = options.journal
    ? new InboundProcessor({
        journal: options.journal,
        platform: "slack",
        handle: handleRequest,
        queue: runtime.queue,
        logger,
        ...options.journalTiming,
      })
    : undefined;
  const { httpReceiver, receiver } = receiverOf(options, logger, interactiveOptions, inbound);
  const app = createBoltApp({
    botToken,
    identity,
    authorize: distribution?.authorize,
    receiver,
    clientOptions: interactiveOptions,
    logger,
  });
  distribution?.listen(app);
  listenForMessages(app, runtime, handleRequest);
  listenForCardActions(app, runtime);
  listenForQuestionAnswers(app, runtime);
  listenForAddTask(app, runtime);

  let socketStarted = false;
  return {
    routes: { ...(httpReceiver ? { [SLACK_EVENTS_PATH]: httpReceiver.handle } : {}), ...distribution?.routes },
    sender: outboxSender(runtime.describeDue),
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

/**
 * HTTP mode (our receiver on the shared server) or Socket Mode (SLACK_APP_TOKEN); both journal slash commands and
 * events before their ack and refuse workspaces without an installation.
 */
function receiverOf(
  options: SlackAdapterOptions,
  logger: Logger,
  clientOptions: WebClientOptions,
  inbound: InboundProcessor | undefined,
): { httpReceiver?: SlackHttpReceiver; receiver: Receiver } {
  const { config, distribution } = options;
  if (config.SLACK_APP_TOKEN) {
    const receiver = new SlackSocketReceiver({
      appToken: config.SLACK_APP_TOKEN,
      clientOptions,
      logger,
      inbound,
      admit: distribution?.admit,
    });
    return { receiver };
  }
  const httpReceiver = new SlackHttpReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET as string,
    logger,
    now: options.now,
    inbound,
    admit: distribution?.admit,
  });
  return { httpReceiver, receiver: httpReceiver };
}

/**
 * One workspace: the bot's identity from one auth.test, shared with bolt. Many workspaces: each request's identity
 * and token come from its workspace's installation (bolt's authorize does the same for what bolt handles).
 */
function requestHandling(
  runtime: SlackRuntime,
  botToken: string | undefined,
  distribution: SlackDistribution | undefined,
): { identity?: () => Promise<SlackIdentity>; handleRequest: SlackRequestHandler } {
  if (distribution) {
    return { handleRequest: createWorkspaceRequestHandler(runtime, distribution.installations, runtime.logger) };
  }
  const identity = createSlackIdentity(runtime.client, botToken as string);
  return { identity, handleRequest: createRequestHandler(runtime, identity) };
}
