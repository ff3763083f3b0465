/**
 * The bot's worker role in a process of its own, for the memory scenario: createApp with ROLE=worker against the
 * given database and Redis prefix, start (which reconciles: every open task's pings planned and queued), then two
 * full garbage collections, then the resident set size is sent to the parent. Run with --expose-gc.
 */
import { Queue } from "bullmq";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

interface ChildRequest {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
}

const request = JSON.parse(process.argv[2] ?? "{}") as ChildRequest;
const config = loadConfig({
  DATABASE_URL: request.databaseUrl,
  REDIS_URL: request.redisUrl,
  ROLE: "worker",
  LOG_LEVEL: "silent",
  PORT: "0",
  SLACK_BOT_TOKEN: "xoxb-bench",
  SLACK_SIGNING_SECRET: "bench-signing-secret",
  // Nothing is due while the figure is taken; an unused loopback port keeps any stray call local.
  SLACK_API_URL: "http://127.0.0.1:9/api/",
});
const gc = (globalThis as { gc?: () => void }).gc;
const started = performance.now();
const sample = async (type: "sample" | "done") => {
  for (let i = 0; i < (type === "done" ? 3 : 1); i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, type === "done" ? 500 : 0));
  }
  const usage = process.memoryUsage();
  const pingJobs = await pingQueue?.getDelayedCount().catch(() => undefined);
  const seconds = (performance.now() - started) / 1000;
  process.send?.({ type, rss: usage.rss, heapUsed: usage.heapUsed, seconds, pingJobs, gc: gc !== undefined });
};
let pingQueue: Queue | undefined;
// Samples while starting: a start-up reconcile that does not finish within the parent's bound still leaves a figure.
const timer = setInterval(() => void sample("sample"), 5000);
const app = await createApp({
  config,
  logger: createLogger("silent"),
  clock: { now: () => new Date() },
  queuePrefix: request.prefix,
});
pingQueue = new Queue("pings", { connection: { url: request.redisUrl }, prefix: request.prefix });
await app.start();
clearInterval(timer);
await sample("done");
await pingQueue.close();
await app.stop();
process.exit(0);
