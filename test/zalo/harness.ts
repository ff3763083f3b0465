import type { Server } from "node:http";
import { Writable } from "node:stream";
import type { Bot } from "../../src/core/handler.js";
import type { InboundJournal } from "../../src/core/inbound.js";
import type { IncomingMessage } from "../../src/core/incoming.js";
import type { Reply } from "../../src/core/reply.js";
import { createHttpServer, listen } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { createZaloAdapter, type ZaloAdapter, type ZaloAdapterOptions } from "../../src/platforms/zalo/index.js";
import { waitFor as waitForEvent } from "../jobs/helpers.js";
import { FakeZaloServer } from "./fake-zalo-server.js";

export const WEBHOOK_SECRET = "webhook-secret-8plus";

/** A transport-level stand-in for the core: records what the adapter delivered and answers with scripted replies. */
export class RecordingBot implements Bot {
  readonly received: IncomingMessage[] = [];
  answer: (message: IncomingMessage) => Promise<Reply[]> = async (m) => [
    { visibility: "channel", text: `ok: ${m.text}` },
  ];
  handle(message: IncomingMessage): Promise<Reply[]> {
    this.received.push(message);
    return this.answer(message);
  }
}

export interface Harness {
  zalo: FakeZaloServer;
  adapter: ZaloAdapter;
  /** Every log line the adapter wrote (pino JSON), to search for secrets. */
  logs: string[];
  /** Base URL of our HTTP server (webhook mode only). */
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts a fake Zalo API, the adapter with fast settings, and (with a secret) our HTTP server with its route. */
export interface HarnessOptions {
  bot: Bot;
  secret?: string;
  maxBodyBytes?: number;
  /** Journal updates before they are acknowledged, as the app does (src/app.ts). */
  journal?: InboundJournal;
  journalTiming?: { leaseMs?: number; sweepEveryMs?: number };
  /** The sender's settings (the app passes the bot's rate gate). */
  sender?: ZaloAdapterOptions["sender"];
  /** Zalo ids the operator made admins (ZALO_ADMIN_IDS). */
  adminIds?: string[];
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const zalo = await new FakeZaloServer().start();
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger("debug", destination);
  const adapter = createZaloAdapter({
    config: {
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_BASE_URL: zalo.url,
      ZALO_WEBHOOK_SECRET: options.secret,
      ZALO_ADMIN_IDS: options.adminIds,
    },
    bot: options.bot,
    logger,
    client: { maxRetries: 2, backoff: { baseDelayMs: 1, maxDelayMs: 5 } },
    polling: { timeoutSeconds: 1, backoff: { baseDelayMs: 1, maxDelayMs: 5 } },
    maxBodyBytes: options.maxBodyBytes,
    journal: options.journal,
    journalTiming: options.journalTiming,
    sender: options.sender,
  });
  let server: Server | undefined;
  let baseUrl = "";
  if (options.secret) {
    server = createHttpServer({ routes: adapter.routes, logger });
    baseUrl = `http://127.0.0.1:${await listen(server, 0, "127.0.0.1")}`;
  }
  await adapter.start();
  return {
    zalo,
    adapter,
    logs,
    baseUrl,
    async close() {
      await adapter.stop();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      await zalo.close();
    },
  };
}

/** Waits until `condition` holds, polling often (background loops such as the poller); see jobs' waitFor. */
export function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  return waitForEvent(condition, timeoutMs, 5);
}
