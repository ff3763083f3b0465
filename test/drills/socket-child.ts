// The Socket Mode process of the Socket Mode kill drill: the Slack adapter with its inbound journal, as
// `ROLE=web npm start` runs it with SLACK_APP_TOKEN, on the drill's own PostgreSQL schema, its socket opened through
// the fake Slack's apps.connections.open. Short journal leases, so a killed instance's requests are taken over
// within about a second. Prints "socket ready" once connected; the drill then SIGKILLs it.

import { createAppBot } from "../../src/app-bot.js";
import type { InboundJournal } from "../../src/core/inbound.js";
import { createDatabase, memoryDataDir } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { createSlackAdapter } from "../../src/platforms/slack/index.js";
import { createCreatedTasksQuery } from "../../src/services/created-tasks.js";
import { createHomeService } from "../../src/services/home-service.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { coreServices } from "../helpers/chat-harness.js";
import { JOURNALED, SOCKET_OPTIONS_ENV, SOCKET_READY, type SocketChildOptions } from "./socket-child-options.js";

async function main(): Promise<void> {
  const options = JSON.parse(process.env[SOCKET_OPTIONS_ENV] ?? "{}") as SocketChildOptions;
  const logger = createLogger("silent");
  const database = await createDatabase({
    databaseUrl: options.databaseUrl,
    schema: options.schema,
    dataDir: memoryDataDir,
  });
  const { tasks, directory, questions } = coreServices(database);
  const slack = createSlackAdapter({
    config: {
      SLACK_BOT_TOKEN: "xoxb-drill-token",
      SLACK_SIGNING_SECRET: undefined,
      SLACK_APP_TOKEN: "xapp-1-drill-socket",
      SLACK_API_URL: options.slackApiUrl,
      DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    },
    bot: createAppBot({ services: { tasks, directory, questions }, logger }),
    logger,
    homeService: createHomeService({ prisma: database.prisma }),
    createdTasks: createCreatedTasksQuery({ prisma: database.prisma }),
    journal: holding(createInboundJournal(database.priorityLane), new Set(options.holdAfterJournal)),
    // A held write must not turn into the fallback (handled directly, acked) before the drill's kill arrives.
    journalTiming: { leaseMs: 1_000, sweepEveryMs: 200, acceptTimeoutMs: 60_000 },
  });
  await slack.start();
  process.stdout.write(`${SOCKET_READY}\n`);
}

/** The real journal; after committing a held key it says so and never returns, so the ack is never sent. */
function holding(journal: InboundJournal, keys: Set<string>): InboundJournal {
  return {
    ...journal,
    accept: async (entry, leaseMs) => {
      const id = await journal.accept(entry, leaseMs);
      if (!keys.has(entry.key)) return id;
      process.stdout.write(`${JOURNALED} ${entry.key}\n`);
      return new Promise<never>(() => {});
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`socket child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
