// The web process of the web-kill drill: what `ROLE=web npm start` runs for Slack (the bot on the core services, the
// Slack adapter with its inbound journal, our HTTP server), on the drill's own PostgreSQL schema, which createApp
// cannot be told. Short journal leases, so a killed instance's commands are taken over within about a second.
// Prints "web ready" once it listens; the drill then SIGKILLs it at random moments.

import { createAppBot } from "../../src/app-bot.js";
import { createDatabase, memoryDataDir } from "../../src/db/client.js";
import { createHttpServer, listen } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { createSlackAdapter } from "../../src/platforms/slack/index.js";
import { createCreatedTasksQuery } from "../../src/services/created-tasks.js";
import { createHomeService } from "../../src/services/home-service.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { coreServices } from "../helpers/chat-harness.js";
import { WEB_OPTIONS_ENV, WEB_READY, type WebChildOptions } from "./drill-kit.js";

async function main(): Promise<void> {
  const options = JSON.parse(process.env[WEB_OPTIONS_ENV] ?? "{}") as WebChildOptions;
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
      SLACK_SIGNING_SECRET: options.signingSecret,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: options.slackApiUrl,
      DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    },
    bot: createAppBot({ services: { tasks, directory, questions }, logger }),
    logger,
    homeService: createHomeService({ prisma: database.prisma }),
    createdTasks: createCreatedTasksQuery({ prisma: database.prisma }),
    journal: createInboundJournal(database.priorityLane),
    journalTiming: { leaseMs: 1_000, sweepEveryMs: 200 },
  });
  const server = createHttpServer({ routes: slack.routes, logger });
  await listen(server, options.port, "127.0.0.1");
  await slack.start();
  process.stdout.write(`${WEB_READY}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`web child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
