// The worker process of the kill drill: what `ROLE=worker npm start` runs for the jobs (the platform senders and
// startJobs with role worker), but on the drill's own PostgreSQL schema and Redis prefix, which createApp cannot be
// told. Prints "worker ready" once the workers run and the start-up reconcile is done; the drill then SIGKILLs it.

import { startJobs } from "../../jobs/index.js";
import { createDatabase, memoryDataDir } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { createSlackAdapter } from "../../src/platforms/slack/index.js";
import { createZaloAdapter } from "../../src/platforms/zalo/index.js";
import { WORKER_OPTIONS_ENV, WORKER_READY, type WorkerChildOptions } from "./drill-kit.js";

async function main(): Promise<void> {
  const options = JSON.parse(process.env[WORKER_OPTIONS_ENV] ?? "{}") as WorkerChildOptions;
  const logger = createLogger("silent");
  const database = await createDatabase({
    databaseUrl: options.databaseUrl,
    schema: options.schema,
    dataDir: memoryDataDir,
  });
  const noBot = { handle: async () => [] };
  const slack = createSlackAdapter({
    config: {
      SLACK_BOT_TOKEN: "xoxb-drill-token",
      SLACK_SIGNING_SECRET: "drill-signing-secret",
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: options.slackApiUrl,
      DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    },
    bot: noBot,
    logger,
  });
  const zalo = createZaloAdapter({
    config: {
      ZALO_BOT_TOKEN: options.zaloToken,
      ZALO_API_BASE_URL: options.zaloApiUrl,
      ZALO_WEBHOOK_SECRET: undefined,
    },
    bot: noBot,
    logger,
  });
  await startJobs({
    prisma: database.prisma,
    redisUrl: options.redisUrl,
    senders: [slack.sender, zalo.sender],
    logger,
    role: "worker",
    prefix: options.prefix,
    // A killed worker's jobs are taken over after 2 s instead of 30 s, so the drill stays short.
    tuning: { drainDelaySeconds: 1, lockDurationMs: 2_000, stalledIntervalMs: 1_000, reconcileEveryMs: 0 },
  });
  process.stdout.write(`${WORKER_READY}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`worker child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
