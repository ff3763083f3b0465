import type { Config } from "../../config.js";
import type { Bot } from "../../core/handler.js";
import type { InboundJournal } from "../../core/inbound.js";
import { InboundProcessor } from "../../core/inbound-processor.js";
import type { MessageSender } from "../../core/sender.js";
import { WorkQueue } from "../../core/work-queue.js";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import type { BackoffOptions } from "./backoff.js";
import { LongPoller } from "./long-poller.js";
import { createUpdateProcessor } from "./update-processor.js";
import { createWebhookRoute } from "./webhook-route.js";
import { ZaloClient, type ZaloClientOptions } from "./zalo-client.js";
import { createZaloSender, type ZaloSenderOptions } from "./zalo-sender.js";
import type { ZaloBotInfo, ZaloUpdate } from "./zalo-types.js";

export { chunkText, ZALO_MAX_MESSAGE_LENGTH } from "./chunk-text.js";
export { normalizeMessage } from "./normalize-update.js";
export { ZaloApiError } from "./zalo-api-error.js";
export { DEFAULT_ZALO_API_BASE_URL, ZaloClient, type ZaloClientOptions } from "./zalo-client.js";
export { createZaloSender } from "./zalo-sender.js";
export type * from "./zalo-types.js";

export const ZALO_WEBHOOK_PATH = "/zalo/webhook";

/** Updates handled at once; the others wait in arrival order (journaled or not, in the same queue). */
const WORK_CONCURRENCY = 32;

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

  // Updates of one chat are handled in arrival order ("add a task" then "done #1"); chats run side by side.
  const chains = new Map<string, Promise<void>>();
  function dispatch(update: ZaloUpdate): Promise<void> {
    const key = update.message?.chat?.id ?? "";
    const next = (chains.get(key) ?? Promise.resolve()).then(() => processor.process(update));
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
    return next;
  }

  // One line for every update after its receipt: from the journal, or handed over directly when it could not be
  // journaled. Both end in `dispatch`, the same path.
  const queue = new WorkQueue(WORK_CONCURRENCY);
  const inbound = options.journal
    ? new InboundProcessor({
        journal: options.journal,
        platform: "zalo",
        handle: (payload) => dispatch(payload as ZaloUpdate),
        queue,
        logger,
        ...options.journalTiming,
      })
    : undefined;
  const handledDirectly = new Set<Promise<void>>();
  function handleDirectly(update: ZaloUpdate): Promise<void> {
    const handled = queue.run(() => dispatch(update));
    handledDirectly.add(handled);
    void handled.finally(() => handledDirectly.delete(handled));
    return handled;
  }

  /** Journals an update before Zalo hears it arrived; false when it could not be (no journal, database down). */
  async function journaled(update: ZaloUpdate): Promise<boolean> {
    const key = update.message?.message_id;
    if (!inbound || !key) return false;
    return inbound.tryAccept(key, update);
  }

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
        if (!(await journaled(update))) void handleDirectly(update);
      },
    });
  }
  const poller = new LongPoller({
    client,
    logger,
    onUpdate: async (update) => {
      if (!(await journaled(update))) await handleDirectly(update);
    },
    pollTimeoutSeconds: options.polling?.timeoutSeconds,
    backoff: options.polling?.backoff,
  });

  async function whenIdle(): Promise<void> {
    await inbound?.idle();
    while (chains.size > 0 || handledDirectly.size > 0) {
      await Promise.allSettled([...chains.values(), ...handledDirectly]);
    }
  }

  return {
    routes,
    sender,
    client,
    mode,
    botInfo: () => me,
    whenIdle,
    async start() {
      me = await client.getMe();
      inbound?.start();
      logger.info({ botId: me.id, canJoinGroups: me.can_join_groups, mode }, "zalo bot ready");
      if (mode === "polling") {
        // getUpdates fails while a webhook is set.
        await client.deleteWebhook();
        poller.start();
      }
    },
    async stop() {
      await poller.stop();
      await whenIdle();
      await inbound?.stop();
    },
  };
}
