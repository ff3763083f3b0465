/**
 * The bot's worker role in a process of its own, for the memory scenario: createApp with ROLE=worker against the
 * given database and Redis prefix, start (which reconciles: every open task's pings planned and queued), then two
 * full garbage collections, then the resident set size is sent to the parent. Run with --expose-gc.
 *
 * Plain JavaScript, so the same child measures both ways of running the bot: from source (`node --import tsx`, the
 * app imported from src/, what `npm start` does) and compiled (`node`, the app imported from dist/ after
 * `npm run build`, what `npm run start:prod` does) with no TypeScript loader in the process.
 */
import { Queue } from "bullmq";

const request = JSON.parse(process.argv[2] ?? "{}");
const appRoot = new URL(request.compiled ? "../dist/src/" : "../src/", import.meta.url);
const { createApp } = await import(new URL("app.js", appRoot).href);
const { loadConfig } = await import(new URL("config.js", appRoot).href);
const { createLogger } = await import(new URL("logger.js", appRoot).href);

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
// A scenario set on a given day (recurring tasks' Monday) stops the clock there; otherwise the real clock.
const stoppedAt = request.now ? new Date(request.now) : undefined;
const gc = globalThis.gc;
const started = performance.now();
let pingQueue;
const sample = async (type) => {
  for (let i = 0; i < (type === "done" ? 3 : 1); i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, type === "done" ? 500 : 0));
  }
  const usage = process.memoryUsage();
  const pingJobs = await pingQueue?.getDelayedCount().catch(() => undefined);
  const seconds = (performance.now() - started) / 1000;
  process.send?.({ type, rss: usage.rss, heapUsed: usage.heapUsed, seconds, pingJobs, gc: gc !== undefined });
};
// Samples while starting: a start-up reconcile that does not finish within the parent's bound still leaves a figure.
const timer = setInterval(() => void sample("sample"), 5000);
const app = await createApp({
  config,
  logger: createLogger("silent"),
  clock: { now: () => (stoppedAt ? new Date(stoppedAt) : new Date()) },
  queuePrefix: request.prefix,
});
pingQueue = new Queue("pings", { connection: { url: request.redisUrl }, prefix: request.prefix });
await app.start();
clearInterval(timer);
await sample("done");
await pingQueue.close();
await app.stop();
process.exit(0);
