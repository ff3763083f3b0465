/**
 * One more ROLE=worker process for the pings scenario with `--workers N`: the same jobs and Slack sender as the
 * scenario's own (startJobs, role worker, the periodic reconcile off), on its database and Redis prefix, sending to
 * the fake Slack. Prints "ready" once its workers run; stops on SIGTERM or when the bench goes away.
 */
import { startJobs } from "../../jobs/index.js";
import type { JobTuning } from "../../jobs/job-context.js";
import type { Bot } from "../../src/core/handler.js";
import { createDatabase } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { createSlackAdapter } from "../../src/platforms/slack/index.js";

export const PING_WORKER_ENV = "BENCH_PING_WORKER";
export interface PingWorkerOptions {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  slackApiUrl: string;
  tuning: Partial<JobTuning>;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env[PING_WORKER_ENV] ?? "{}") as PingWorkerOptions;
  const logger = createLogger("silent");
  const database = await createDatabase({ databaseUrl: options.databaseUrl, dataDir: "memory://" });
  const noBot: Bot = { handle: async () => [] };
  const adapter = createSlackAdapter({
    config: {
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-signing-secret",
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: options.slackApiUrl,
      DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    },
    bot: noBot,
    logger,
  });
  const jobs = await startJobs({
    prisma: database.prisma,
    redisUrl: options.redisUrl,
    senders: [adapter.sender],
    logger,
    role: "worker",
    prefix: options.prefix,
    tuning: options.tuning,
  });
  const stop = () => void jobs.close().finally(() => database.close().finally(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("disconnect", stop);
  process.send?.("ready");
}

if (process.env[PING_WORKER_ENV]) {
  main().catch((error: unknown) => {
    process.stderr.write(`ping worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
