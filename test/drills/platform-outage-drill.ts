// Drill: Slack and Zalo answer 429 (with and without Retry-After), 5xx and platform errors, drop connections, stop
// answering altogether (unreachable), and — Slack — take a message but lose the answer. Messages wait in the outbox
// and all arrive afterwards: none lost, none doubled on Slack, in order per channel.
import { startJobs } from "../../jobs/index.js";
import { createSlackAdapter } from "../../src/platforms/slack/index.js";
import { createZaloAdapter } from "../../src/platforms/zalo/index.js";
import { FakeSlackServer } from "../slack/fake-slack-server.js";
import { FakeZaloServer } from "../zalo/fake-zalo-server.js";
import { createDrillEnvironment, FaultRelay, quietLogger, sleep, waitUntil } from "./drill-kit.js";

export interface PlatformOutageOptions {
  channelsPerPlatform: number;
  messagesPerChannel: number;
  /** Calls answered with an error status (429/5xx/platform error/dropped connection), per platform. */
  failingCalls: number;
  /** How long each platform is unreachable (requests held, never answered), in ms. */
  unreachableMs: number;
  /** How long Slack takes messages but loses every answer, in ms. */
  lostAnswersMs: number;
  /** How long to wait for every message to settle after the faults end, in ms. */
  settleTimeoutMs: number;
}

export interface PlatformOutageResult {
  messages: number;
  delivered: number;
  lost: number;
  slackDuplicates: number;
  /** Zalo keeps no history: a message whose answer was lost may arrive twice (each resend counted). */
  zaloDuplicates: number;
  zaloInDoubtResendsCounted: number;
  /** Channels whose messages did not arrive in the order they were queued. */
  channelsOutOfOrder: number;
  /** Slack messages posted whose answer the relay then threw away (timeouts after delivery). */
  slackAnswersLost: number;
  failedRows: number;
  /** Outbox rows still pending or in doubt when the drill gave up waiting, by platform and status. */
  unsettled: string;
  seconds: number;
}

const noBot = { handle: async () => [] };

export async function runPlatformOutageDrill(options: PlatformOutageOptions): Promise<PlatformOutageResult> {
  const started = Date.now();
  const env = await createDrillEnvironment("platform-outage");
  try {
    const slack = await new FakeSlackServer().start();
    env.defer(() => slack.stop());
    const zalo = await new FakeZaloServer().start();
    env.defer(() => zalo.close());
    const slackRelay = await new FaultRelay(slack.url).start();
    env.defer(() => slackRelay.stop());
    const zaloRelay = await new FaultRelay(zalo.url).start();
    env.defer(() => zaloRelay.stop());
    // The adapters exactly as createApp builds them (no client options), pointed at the relays.
    const slackAdapter = createSlackAdapter({
      config: {
        SLACK_BOT_TOKEN: "xoxb-drill-token",
        SLACK_SIGNING_SECRET: "drill-signing-secret",
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: `${slackRelay.url}/api/`,
        DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
        DEFAULT_LOCALE: "vi",
      },
      bot: noBot,
      logger: quietLogger,
    });
    const zaloAdapter = createZaloAdapter({
      config: { ZALO_BOT_TOKEN: zalo.token, ZALO_API_BASE_URL: zaloRelay.url, ZALO_WEBHOOK_SECRET: undefined },
      bot: noBot,
      logger: quietLogger,
    });
    const jobs = await startJobs({
      prisma: env.prisma,
      redisUrl: env.redisUrl,
      senders: [slackAdapter.sender, zaloAdapter.sender],
      logger: quietLogger,
      role: "all",
      prefix: env.prefix,
      tuning: { drainDelaySeconds: 1, reconcileEveryMs: 0 },
    });
    env.defer(() => Promise.race([jobs.close(), sleep(5_000)]));

    const channels = [
      ...Array.from({ length: options.channelsPerPlatform }, (_, i) => ({
        platform: "slack" as const,
        target: `C0OUT${i + 1}`,
      })),
      ...Array.from({ length: options.channelsPerPlatform }, (_, i) => ({
        platform: "zalo" as const,
        target: `out-chat-${i + 1}`,
      })),
    ];
    slackRelay.mode = "lose-answer";
    const text = (target: string, n: number) => `Tin ${target} số ${String(n).padStart(3, "0")}`;
    for (let n = 1; n <= options.messagesPerChannel; n++) {
      for (const { platform, target } of channels) {
        const { id } = await jobs.services.outbox.create({
          channelId: null,
          platform,
          target,
          reply: { visibility: "channel", text: text(target, n) },
        });
        await jobs.queues.addOutbox(platform, id, null, new Date());
      }
    }
    // First Slack takes the messages but every answer is lost (timeouts after delivery: in doubt).
    await sleep(options.lostAnswersMs);
    slackRelay.mode = "pass";
    // Then error answers: the next calls meet 429 (with and without Retry-After), 5xx, platform errors, drops.
    const errors = [
      { status: 429, retryAfterSeconds: 1 },
      { status: 500 },
      { error: "service_unavailable" },
      { status: 503 },
    ];
    for (let i = 0; i < options.failingCalls; i++)
      slack.failNext("chat.postMessage", errors[i % errors.length] as never);
    const zaloErrors = [
      { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests" } },
      { status: 502, body: { ok: false, error_code: 502, description: "Bad Gateway" } },
      "drop" as const,
      { status: 503, body: { ok: false, error_code: 503, description: "Service Unavailable" } },
    ];
    for (let i = 0; i < options.failingCalls; i++)
      zalo.script("sendMessage", zaloErrors[i % zaloErrors.length] as never);

    await sleep(options.unreachableMs);
    // Then both are unreachable: requests hang until the clients' timeouts.
    slackRelay.mode = "blackhole";
    zaloRelay.mode = "blackhole";
    await sleep(options.unreachableMs);
    slackRelay.mode = "pass";
    zaloRelay.mode = "pass";

    const unfinished = () => env.prisma.outboxMessage.count({ where: { status: { in: ["pending", "in_doubt"] } } });
    await waitUntil(async () => (await unfinished()) === 0, options.settleTimeoutMs, "settled", 250).catch(
      () => undefined,
    );
    const unsettled = await env.prisma.outboxMessage.groupBy({
      by: ["platform", "status"],
      where: { status: { in: ["pending", "in_doubt"] } },
      _count: true,
    });
    await sleep(500);

    const zaloAccepted = zaloRelay.accepted
      .filter((call) => call.path.endsWith("/sendMessage"))
      .map((call) => JSON.parse(call.body) as { chat_id: string; text: string });
    const received = (platform: "slack" | "zalo", target: string): string[] =>
      platform === "slack"
        ? (slack.history.get(target) ?? []).map((m) => m.text ?? "")
        : zaloAccepted.filter((m) => m.chat_id === target).map((m) => m.text);
    let delivered = 0;
    let lost = 0;
    let slackDuplicates = 0;
    let zaloDuplicates = 0;
    let channelsOutOfOrder = 0;
    for (const { platform, target } of channels) {
      const got = received(platform, target);
      const firsts: number[] = [];
      for (let n = 1; n <= options.messagesPerChannel; n++) {
        const copies = got.filter((t) => t.includes(text(target, n))).length;
        if (copies === 0) lost++;
        else delivered++;
        if (platform === "slack") slackDuplicates += Math.max(0, copies - 1);
        else zaloDuplicates += Math.max(0, copies - 1);
        firsts.push(got.findIndex((t) => t.includes(text(target, n))));
      }
      if (firsts.some((index, i) => i > 0 && index < (firsts[i - 1] as number))) channelsOutOfOrder++;
    }
    const resends = await env.prisma.outboxMessage.aggregate({
      where: { platform: "zalo" },
      _sum: { inDoubtResends: true },
    });
    return {
      messages: channels.length * options.messagesPerChannel,
      delivered,
      lost,
      slackDuplicates,
      zaloDuplicates,
      zaloInDoubtResendsCounted: resends._sum.inDoubtResends ?? 0,
      channelsOutOfOrder,
      slackAnswersLost: slackRelay.accepted.filter(
        (c) => c.mode === "lose-answer" && c.path.endsWith("chat.postMessage"),
      ).length,
      unsettled: unsettled.map((u) => `${u.platform} ${u.status} ×${u._count}`).join(", "),
      failedRows: await env.prisma.outboxMessage.count({ where: { status: "failed" } }),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await env.close();
  }
}
