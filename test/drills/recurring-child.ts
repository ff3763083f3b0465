// The worker process of the recurring-job kill drill: `startJobs` with role worker, as `ROLE=worker npm start` runs
// it, on the drill's own PostgreSQL schema and Redis prefix. Its sends go to a sink (this drill is about making
// occurrences, not sending). Prints "recurring child starting" before the jobs start, so the drill can kill it while
// the start-up run is making occurrences, and "recurring child ready" once that run is done.
import { startJobs } from "../../jobs/index.js";
import type { MessageSender } from "../../src/core/sender.js";
import { createDatabase, memoryDataDir } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";
import { RECURRING_CHILD_ENV, RECURRING_READY, RECURRING_STARTING, type RecurringChildOptions } from "./drill-kit.js";

const sink: MessageSender = { platform: "slack", send: async () => ({}) };

async function main(): Promise<void> {
  const options = JSON.parse(process.env[RECURRING_CHILD_ENV] ?? "{}") as RecurringChildOptions;
  const database = await createDatabase({
    databaseUrl: options.databaseUrl,
    schema: options.schema,
    dataDir: memoryDataDir,
  });
  process.stdout.write(`${RECURRING_STARTING}\n`);
  await startJobs({
    prisma: database.prisma,
    redisUrl: options.redisUrl,
    senders: [sink],
    logger: createLogger("silent"),
    role: "worker",
    prefix: options.prefix,
    tuning: { drainDelaySeconds: 1, lockDurationMs: 2_000, stalledIntervalMs: 1_000, reconcileEveryMs: 0 },
  });
  process.stdout.write(`${RECURRING_READY}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`recurring child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
