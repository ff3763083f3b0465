import { App, type Authorize, type Receiver } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import { createBoltLogger } from "./bolt-logger.js";
import type { SlackIdentity } from "./slack-identity.js";

export interface SlackAppOptions {
  /** One workspace: its bot token. */
  botToken?: string;
  /** One workspace: the bot's identity (auth.test, kept): bolt uses its bot user id to ignore our own messages. */
  identity?: () => Promise<SlackIdentity>;
  /** Many workspaces (distributed app): the token and bot of each request's workspace, from its installation. */
  authorize?: Authorize<boolean>;
  /** Our receiver: HTTP on the shared server (http-receiver.ts) or a Socket Mode connection (socket-receiver.ts). */
  receiver: Receiver;
  clientOptions: WebClientOptions;
  logger: Logger;
}

/**
 * The bolt App on our receiver (HTTP or Socket Mode, each journaling before the ack), authorised with a single-workspace bot token, or per
 * request from the installations when many workspaces installed the app.
 */
export function createBoltApp(options: SlackAppOptions): App {
  const { botToken, identity, receiver, clientOptions, logger } = options;
  if (!options.authorize && !(botToken && identity)) {
    throw new Error("createBoltApp needs a bot token and its identity, or an authorize function");
  }
  const authorize: Authorize<boolean> = async () => ({ botToken, ...(await identity?.()) });
  const app: App = new App({
    receiver,
    authorize: options.authorize ?? authorize,
    logger: createBoltLogger(logger),
    clientOptions,
    ignoreSelf: true,
    // Ack first, work after: listeners call ack() before any slow call (Slack's 3-second rule).
    processBeforeResponse: false,
  });
  app.error(async (error) => {
    logger.error({ code: (error as { code?: string }).code, message: error.message }, "slack listener failed");
  });
  return app;
}
