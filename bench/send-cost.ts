/**
 * `npx tsx bench/send-cost.ts [--n 20000] [--concurrency 16]`: what one outbox send costs this process in CPU and
 * garbage collection, per Web API client. Each variant sends `--n` pings (one page, a task card, outbox metadata)
 * through the real SlackMessageSender to the fake Slack server in a process of its own on loopback (its parsing is
 * Slack's work, not ours), `--concurrency` at a time as the outbox's workers do. Not part of `npm run bench`.
 *
 * Variants: the generic `WebClient` as the outbox built it before (our logger, which drops debug lines, yet the
 * client formats them first); the generic client at its own ERROR level (does a log level avoid the formatting?);
 * and `OutboxWebClient`, the lean chat.postMessage path the outbox uses now.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { LogLevel, WebClient, type WebClientOptions } from "@slack/web-api";
import { createLogger } from "../src/logger.js";
import { createBoltLogger } from "../src/platforms/slack/bolt-logger.js";
import { createDueDescriber } from "../src/platforms/slack/due-text.js";
import { SlackMessageSender } from "../src/platforms/slack/message-sender.js";
import { OutboxWebClient } from "../src/platforms/slack/outbox-web-client.js";
import { taskView } from "../test/slack/fixtures.js";
import { FakeSlackProcess } from "./lib/fake-slack-process.js";

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(argValue("--n") ?? 20_000);
const CONCURRENCY = Number(argValue("--concurrency") ?? 16);
const TOKEN = "xoxb-bench";

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ["gc"] });

const fake = await FakeSlackProcess.start();
const outboxOptions: WebClientOptions = {
  slackApiUrl: `${fake.apiUrl.replace(/\/$/, "")}/`,
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: 10_000,
};
const silent = createLogger("silent");
const variants: Record<string, () => WebClient> = {
  "web-api, our logger (before)": () => new WebClient(TOKEN, { ...outboxOptions, logger: createBoltLogger(silent) }),
  "web-api, logLevel ERROR": () => new WebClient(TOKEN, { ...outboxOptions, logLevel: LogLevel.ERROR }),
  "OutboxWebClient (lean)": () => new OutboxWebClient(TOKEN, { ...outboxOptions, logger: createBoltLogger(silent) }),
};
const describeDue = createDueDescriber("Asia/Ho_Chi_Minh", "vi", () => new Date("2026-12-10T02:00:00Z"));
const reply = { visibility: "channel" as const, text: "⏰ Còn 1 giờ: #12 Nộp báo cáo quý", tasks: [taskView()] };

async function run(client: WebClient, count: number): Promise<{ cpuUs: number; gcMs: number; wallMs: number }> {
  const sender = new SlackMessageSender({ client, describeDue });
  let next = 0;
  const gcBefore = gcMs;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        await sender.send(`C${String(i % 1000).padStart(6, "0")}`, reply, { outboxId: `ob-${i}` });
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuUs: cpu.user + cpu.system, gcMs: gcMs - gcBefore, wallMs: performance.now() - started };
}

try {
  console.log(
    `outbox sends to the fake Slack on loopback: ${N} each, ${CONCURRENCY} at a time (node ${process.version})`,
  );
  console.log("variant                         cpu µs/send   gc ms/1k sends   sends/s (wall)");
  // Two rounds, the first a warm-up of every variant (JIT, keep-alive pools): the second is reported.
  for (const round of [0, 1]) {
    for (const [name, make] of Object.entries(variants)) {
      const count = round === 0 ? Math.min(2000, N) : N;
      const result = await run(make(), count);
      await fake.clear();
      if (round === 0) continue;
      console.log(
        `${name.padEnd(31)} ${(result.cpuUs / count).toFixed(0).padStart(11)} ${((result.gcMs / count) * 1000)
          .toFixed(1)
          .padStart(16)} ${((count / result.wallMs) * 1000).toFixed(0).padStart(16)}`,
      );
    }
  }
} finally {
  await fake.stop();
}
