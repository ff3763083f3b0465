import { App, type Authorize } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import { createBoltLogger } from "./bolt-logger.js";
import type { SlackHttpReceiver } from "./http-receiver.js";

export interface SlackAppOptions {
  /** One workspace: its bot token. */
  botToken?: string;
  /** Many workspaces (distributed app): the token of each request's workspace, from its installation. */
  authorize?: Authorize<boolean>;
  /** HTTP mode: our receiver on the shared server. */
  receiver?: SlackHttpReceiver;
  /** Socket Mode when set (xapp-…); then no receiver is needed. */
  appToken?: string;
  clientOptions: WebClientOptions;
  logger: Logger;
}

/**
 * The bolt App in HTTP mode (our receiver) or Socket Mode. Authorization is a single-workspace bot token whose
 * auth.test answer (bot user id, used to ignore our own messages) is fetched on first use and kept; a failed
 * auth.test is retried on the next event instead of failing every event forever.
 */
export function createBoltApp(options: SlackAppOptions): App {
  const { botToken, receiver, appToken, clientOptions, logger } = options;
  if (!botToken && !options.authorize) throw new Error("createBoltApp needs a bot token or an authorize function");
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | undefined;
  const authorize: Authorize<boolean> = async () => {
    identity ??= app.client.auth.test({ token: botToken }).then(
      (result) => ({ botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken, ...(await identity) };
  };
  const app: App = new App({
    // Socket Mode's client opens its socket with its own Web API client, built from installerOptions' options.
    ...(appToken ? { socketMode: true, appToken, installerOptions: { clientOptions } } : { receiver }),
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
