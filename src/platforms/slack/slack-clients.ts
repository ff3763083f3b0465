import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { MessageSender } from "../../core/sender.js";
import type { Logger } from "../../logger.js";
import { createBoltLogger } from "./bolt-logger.js";
import type { SlackDistribution } from "./distribution.js";
import { SlackMessageSender } from "./message-sender.js";
import { OutboxWebClient } from "./outbox-web-client.js";
import type { DueDescriber } from "./task-card.js";

/** How long an outbox send waits for Slack's answer before it counts as failed (and in doubt), in ms. */
export const OUTBOX_REQUEST_TIMEOUT_MS = 10_000;

/** The adapter's Web API client, the options bolt's own client is built with, and the outbox's sender. */
export interface SlackClients {
  /** For answers to people: may retry a little. */
  client: WebClient;
  interactiveOptions: WebClientOptions;
  /** The outbox's sender: its client never retries (the outbox owns retries) and gives up after a timeout. */
  outboxSender(describeDue: DueDescriber): MessageSender;
}

/**
 * One workspace: clients for `botToken`. Many workspaces (`distribution`): one client shared by every workspace,
 * each call carrying the token of the workspace being served, and a sender that picks each message's workspace.
 * Pointed at `apiUrl` (a fake Slack in tests) when given.
 */
export function createSlackClients(
  botToken: string | undefined,
  apiUrl: string | undefined,
  logger: Logger,
  distribution?: SlackDistribution,
): SlackClients {
  const slackApiUrl = apiUrl ? withTrailingSlash(apiUrl) : undefined;
  const base: WebClientOptions = { ...(slackApiUrl ? { slackApiUrl } : {}), logger: createBoltLogger(logger) };
  const interactiveOptions: WebClientOptions = {
    ...base,
    retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 2000 },
  };
  // A request timeout: the Web API client has none by default, so one hung connection to Slack would hold an outbox
  // send (and its BullMQ slot) forever instead of failing and being retried by the outbox.
  const outboxOptions: WebClientOptions = {
    ...base,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: OUTBOX_REQUEST_TIMEOUT_MS,
  };
  if (distribution) {
    return {
      client: distribution.interactiveClient(interactiveOptions),
      interactiveOptions,
      outboxSender: (describeDue) => distribution.outboxSender({ clientOptions: outboxOptions, describeDue }),
    };
  }
  return {
    client: new WebClient(botToken, interactiveOptions),
    interactiveOptions,
    outboxSender: (describeDue) =>
      new SlackMessageSender({ client: new OutboxWebClient(botToken, outboxOptions), describeDue, logger }),
  };
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
