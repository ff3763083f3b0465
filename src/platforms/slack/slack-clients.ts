import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import { createBoltLogger } from "./bolt-logger.js";

/** How long an outbox send waits for Slack's answer before it counts as failed (and in doubt), in ms. */
export const OUTBOX_REQUEST_TIMEOUT_MS = 10_000;

/** The two Web API clients of the adapter, and the options bolt's own client is built with. */
export interface SlackClients {
  /** For answers to people: may retry a little. */
  client: WebClient;
  interactiveOptions: WebClientOptions;
  /** For the outbox: never retries (the outbox owns retries) and gives up after a timeout. */
  outboxClient: WebClient;
}

/** Builds the clients for `botToken`, pointed at `apiUrl` (a fake Slack in tests) when given. */
export function createSlackClients(botToken: string, apiUrl: string | undefined, logger: Logger): SlackClients {
  const slackApiUrl = apiUrl ? withTrailingSlash(apiUrl) : undefined;
  const base: WebClientOptions = { ...(slackApiUrl ? { slackApiUrl } : {}), logger: createBoltLogger(logger) };
  const interactiveOptions: WebClientOptions = {
    ...base,
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
  };
  // A request timeout: the Web API client has none by default, so one hung connection to Slack would hold an outbox
  // send (and its BullMQ slot) forever instead of failing and being retried by the outbox.
  const outboxClient = new WebClient(botToken, {
    ...base,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: OUTBOX_REQUEST_TIMEOUT_MS,
  });
  return { client: new WebClient(botToken, interactiveOptions), interactiveOptions, outboxClient };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
