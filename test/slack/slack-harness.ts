// Runs the real Slack adapter (bolt + our receiver) on our real HTTP server on loopback, against the fake Slack.
import type { Server } from "node:http";
import type { Bot } from "../../src/core/handler.js";
import type { InboundJournal } from "../../src/core/inbound.js";
import type { IncomingMessage } from "../../src/core/incoming.js";
import type { Reply } from "../../src/core/reply.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { createHttpServer, listen } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { createSlackAdapter, type SlackAdapter } from "../../src/platforms/slack/index.js";
import { createCreatedTasksQuery } from "../../src/services/created-tasks.js";
import { createHomeService } from "../../src/services/home-service.js";
import { FakeSlackServer } from "./fake-slack-server.js";
import { postSigned, type SignedRequestOptions, type SlackPost } from "./slack-requests.js";

export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";

export interface SlackHarness {
  fake: FakeSlackServer;
  adapter: SlackAdapter;
  eventsUrl: string;
  post(request: SlackPost, options?: SignedRequestOptions): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export interface SlackHarnessOptions {
  bot: Bot;
  /** Enables the Home tab, on the services the app builds from it. */
  prisma?: PrismaClient;
  /** Journal slash commands and events before their ack, as the app does (src/app.ts). */
  journal?: InboundJournal;
  journalTiming?: { leaseMs?: number; sweepEveryMs?: number };
}

export async function startSlackHarness(options: SlackHarnessOptions): Promise<SlackHarness> {
  const fake = await new FakeSlackServer().start();
  fake.addUser({ id: "U0LAN", name: "Lan", tz: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
  fake.addUser({ id: "U0MINH", name: "Minh", tz: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
  fake.addUser({ id: "U0HOA", name: "Hoa", tz: "Asia/Bangkok", locale: "en-US" });
  fake.addUser({ id: "U0BOSS", name: "Sếp", isAdmin: true });
  const logger = createLogger("silent");
  const adapter = createSlackAdapter({
    config: {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: fake.apiUrl,
      DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    },
    bot: options.bot,
    logger,
    ...(options.prisma
      ? {
          homeService: createHomeService({ prisma: options.prisma }),
          createdTasks: createCreatedTasksQuery({ prisma: options.prisma }),
        }
      : {}),
    journal: options.journal,
    journalTiming: options.journalTiming,
  });
  const server: Server = createHttpServer({ routes: adapter.routes, logger });
  const port = await listen(server, 0, "127.0.0.1");
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  return {
    fake,
    adapter,
    eventsUrl,
    post: (request, postOptions) => postSigned(eventsUrl, SIGNING_SECRET, request, postOptions),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await adapter.stop();
      await fake.stop();
    },
  };
}

/** A Bot double for transport tests: records what the adapter normalised and answers what the test says. */
export class RecordingBot implements Bot {
  readonly received: IncomingMessage[] = [];
  answer: (message: IncomingMessage) => Reply[] | Promise<Reply[]> = () => [{ visibility: "channel", text: "ok" }];

  async handle(message: IncomingMessage): Promise<Reply[]> {
    this.received.push(message);
    return this.answer(message);
  }
}
