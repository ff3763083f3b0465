import type { Config } from "../../config.js";
import type { Bot } from "../../core/handler.js";
import type { InboundJournal } from "../../core/inbound.js";
import type { MessageSender } from "../../core/sender.js";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import type { BackoffOptions } from "./backoff.js";
import { LongPoller } from "./long-poller.js";
import { createUpdateIntake } from "./update-intake.js";
import { createUpdateProcessor } from "./update-processor.js";
import { createWebhookRoute } from "./webhook-route.js";
import { ZaloClient, type ZaloClientOptions } from "./zalo-client.js";
import { createZaloSender, type ZaloSenderOptions } from "./zalo-sender.js";
import type { ZaloBotInfo } from "./zalo-types.js";

export { chunkText, ZALO_MAX_MESSAGE_LENGTH } from "./chunk-text.js";
export { normalizeMessage } from "./normalize-update.js";
export { ZaloApiError } from "./zalo-api-error.js";
export { DEFAULT_ZALO_API_BASE_URL, ZaloClient, type ZaloClientOptions } from "./zalo-client.js";
export { createZaloSender } from "./zalo-sender.js";
export type * from "./zalo-types.js";

export const ZALO_WEBHOOK_PATH = "/zalo/webhook";

export interface ZaloAdapterOptions {
  config: Pick<Config, "ZALO_BOT_TOKEN" | "ZALO_API_BASE_URL" | "ZALO_WEBHOOK_SECRET"> &
    Partial<Pick<Config, "ZALO_ADMIN_IDS">>;
  bot: Bot;
  logger: Logger;
  /** Client settings beyond the base URL (timeouts, retries). */
  client?: Omit<ZaloClientOptions, "baseUrl">;
  sender?: ZaloSenderOptions;
  /** Long-polling settings (used when no webhook secret is configured). */
  polling?: { timeoutSeconds?: number; backoff?: BackoffOptions };
  /** Webhook body cap in bytes. Default 256 KiB. */
  maxBodyBytes?: number;
  /** How often "typing…" is renewed while working, in milliseconds. Default 4000. */
  typingIntervalMs?: number;
  /**
   * Where updates wait, durably, between their receipt (the webhook's 200, or the poll that fetched them) and
   * their handling. Without one they wait in memory and are lost if the process stops in between.
   */
  journal?: InboundJournal;
  /** Lease and sweep timing of the journal (tests). */
  journalTiming?: { leaseMs?: number; sweepEveryMs?: number };
}

export interface ZaloAdapter {
  /** `{ "/zalo/webhook": … }` in webhook mode (ZALO_WEBHOOK_SECRET set), else empty. Mount on the HTTP server. */
  routes: Record<string, RouteHandler>;
  /** Sends replies to Zalo chats, for the outbox. */
  sender: MessageSender;
  client: ZaloClient;
  mode: "webhook" | "polling";
  /** Calls getMe (the bot's id is the workspace), then starts polling (after deleting any webhook) or waits for the webhook. */
  start(): Promise<void>;
  /** Stops polling and waits for the updates in hand. */
  stop(): Promise<void>;
  /** Resolves when no update is being handled (tests, graceful shutdown). */
  whenIdle(): Promise<void>;
  botInfo(): ZaloBotInfo | undefined;
}

/** The factory the composition root calls when ZALO_BOT_TOKEN is set. */
export function createZaloAdapter(options: ZaloAdapterOptions): ZaloAdapter {
  const { config, bot } = options;
  if (!config.ZALO_BOT_TOKEN) throw new Error("ZALO_BOT_TOKEN is not set: create a bot in Zalo Bot Manager first");
  const logger = options.logger.child({ module: "zalo" });
  const client = new ZaloClient(config.ZALO_BOT_TOKEN, { ...options.client, baseUrl: config.ZALO_API_BASE_URL });
  const sender = createZaloSender(client, options.sender);
  let me: ZaloBotInfo | undefined;
  const processor = createUpdateProcessor({
    client,
    bot,
    sender,
    logger,
    botInfo: () => me,
    typingIntervalMs: options.typingIntervalMs,
    adminIds: new Set(config.ZALO_ADMIN_IDS ?? []),
  });

  const intake = createUpdateIntake({
    handle: (update) => processor.process(update),
    journal: options.journal,
    journalTiming: options.journalTiming,
    logger,
  });

  const secret = config.ZALO_WEBHOOK_SECRET;
  const mode = secret ? "webhook" : "polling";
  const routes: Record<string, RouteHandler> = {};
  if (secret) {
    routes[ZALO_WEBHOOK_PATH] = createWebhookRoute({
      secret,
      logger,
      maxBodyBytes: options.maxBodyBytes,
      isReady: () => me !== undefined,
      onUpdate: async (update) => {
        await intake.take(update);
      },
    });
  }
  const poller = new LongPoller({
    client,
    logger,
    onUpdate: async (update) => {
      const { direct } = await intake.take(update);
      await direct;
    },
    pollTimeoutSeconds: options.polling?.timeoutSeconds,
    backoff: options.polling?.backoff,
  });

  return {
    routes,
    sender,
    client,
    mode,
    botInfo: () => me,
    whenIdle: () => intake.idle(),
    async start() {
      me = await client.getMe();
      intake.start();
      logger.info({ botId: me.id, canJoinGroups: me.can_join_groups, mode }, "zalo bot ready");
      if (mode === "polling") {
        // getUpdates fails while a webhook is set.
        await client.deleteWebhook();
        poller.start();
      }
    },
    async stop() {
      await poller.stop();
      await intake.idle();
      await intake.stop();
    },
  };
}
