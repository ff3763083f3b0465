// The real bolt app over real HTTP: what is refused before any listener runs, and what is normalised and answered.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { eventually } from "../helpers/eventually.js";
import { RecordingBot, type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { appMention, directMessage, eventCallback, slashCommand } from "./slack-requests.js";

let harness: SlackHarness;
let bot: RecordingBot;

beforeEach(async () => {
  bot = new RecordingBot();
  harness = await startSlackHarness({ bot });
});
afterEach(async () => {
  await harness.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("refused requests: nothing runs", () => {
  const command = () => slashCommand({ text: "list", responseUrl: harness.fake.responseUrl("r1") });

  it.each([
    ["a bad signature", { signature: `v0=${"0".repeat(64)}` }],
    ["a stale timestamp (6 minutes ago)", { timestamp: nowSeconds() - 360 }],
    ["a timestamp from the future (6 minutes ahead)", { timestamp: nowSeconds() + 360 }],
    ["a missing signature header", { omitHeaders: ["x-slack-signature"] }],
    ["a missing timestamp header", { omitHeaders: ["x-slack-request-timestamp"] }],
    ["a flipped body byte", { tamper: (b: Buffer) => Buffer.from(b.map((x, i) => (i === 5 ? x ^ 1 : x))) }],
  ])("answers 401 to %s", async (_name, options) => {
    const response = await harness.post(command(), options);
    expect(response.status).toBe(401);
    expect(bot.received).toHaveLength(0);
    expect(harness.fake.calls).toHaveLength(0);
  });

  it("answers 400 to a signed but malformed body", async () => {
    const response = await harness.post({ body: Buffer.from("{not json"), contentType: "application/json" });
    expect(response.status).toBe(400);
    const form = await harness.post({
      body: Buffer.from("payload=%7Bbroken"),
      contentType: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(400);
    expect(bot.received).toHaveLength(0);
  });

  it("answers 413 to a body over 1 MiB without hashing it", async () => {
    const big = { body: Buffer.alloc(1024 * 1024 + 10, 0x61), contentType: "application/x-www-form-urlencoded" };
    const response = await harness.post(big);
    expect(response.status).toBe(413);
    expect(bot.received).toHaveLength(0);
  });

  it("answers Slack's URL verification challenge", async () => {
    const response = await harness.post({
      body: Buffer.from(JSON.stringify({ type: "url_verification", challenge: "abc123", token: "t" })),
      contentType: "application/json",
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: "abc123" });
  });
});

describe("slash commands", () => {
  it("acks at once, normalises a Vietnamese command with a mention, and answers in the channel", async () => {
    const request = slashCommand({
      command: "/viec",
      text: "giao <@U0MINH|minh> nộp báo cáo quý trước 17h thứ 6",
      responseUrl: harness.fake.responseUrl("vi"),
    });
    const response = await harness.post(request);
    expect(response.status).toBe(200);
    await eventually(() => expect(harness.fake.responsesTo("vi")).toHaveLength(1));
    const [incoming] = bot.received;
    expect(incoming).toMatchObject({
      platform: "slack",
      workspace: { externalId: "T0001" },
      channel: { externalId: "C0GENERAL", name: "general", isPrivateChat: false },
      sender: { externalId: "U0LAN", displayName: "Lan", timezone: "Asia/Ho_Chi_Minh", locale: "vi" },
      text: "/viec giao @U0MINH nộp báo cáo quý trước 17h thứ 6",
      mentions: [
        { token: "U0MINH", externalId: "U0MINH", displayName: "Minh", timezone: "Asia/Ho_Chi_Minh", locale: "vi" },
      ],
    });
    expect(incoming?.eventId).toMatch(/^\d+\./);
    expect(harness.fake.responsesTo("vi")[0]).toMatchObject({ response_type: "in_channel", text: "ok" });
  });

  it("keeps an English command as typed and looks each person up only once", async () => {
    bot.answer = () => [{ visibility: "private", text: "Your tasks" }];
    const url = harness.fake.responseUrl("en");
    await harness.post(slashCommand({ text: "list mine", responseUrl: url, user_id: "U0HOA" }));
    await harness.post(slashCommand({ text: "add check <@U0MINH> <@U0MINH>", responseUrl: url, user_id: "U0HOA" }));
    await eventually(() => expect(harness.fake.responsesTo("en")).toHaveLength(2));
    expect(bot.received.map((m) => m.text)).toEqual(["/task list mine", "/task add check @U0MINH @U0MINH"]);
    expect(bot.received[1]?.mentions).toHaveLength(1);
    expect(bot.received[0]?.sender).toMatchObject({ timezone: "Asia/Bangkok", locale: "en" });
    const lookups = harness.fake.callsOf("users.info").map((c) => c.args.user);
    expect(lookups.filter((u) => u === "U0HOA")).toHaveLength(1);
    expect(lookups.filter((u) => u === "U0MINH")).toHaveLength(1);
    expect(harness.fake.responsesTo("en")[0]).toMatchObject({ response_type: "ephemeral" });
  });

  it("opens the Add task modal for /task with no text", async () => {
    await harness.post(slashCommand({ text: "  ", responseUrl: harness.fake.responseUrl("modal") }));
    await eventually(() => expect(harness.fake.callsOf("views.open")).toHaveLength(1));
    const view = harness.fake.callsOf("views.open")[0]?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("roviec_add_task");
    expect(JSON.parse(view.private_metadata)).toMatchObject({ channelId: "C0GENERAL" });
    expect(bot.received).toHaveLength(0);
  });

  it("answers privately and politely when the system is down", async () => {
    bot.answer = () => {
      throw new AppError("database_unavailable", "db down");
    };
    await harness.post(slashCommand({ text: "list", responseUrl: harness.fake.responseUrl("busy") }));
    await eventually(() => expect(harness.fake.responsesTo("busy")).toHaveLength(1));
    expect(harness.fake.responsesTo("busy")[0]).toMatchObject({ response_type: "ephemeral" });
    expect(String(harness.fake.responsesTo("busy")[0]?.text)).toContain("Hệ thống đang bận");
  });

  it("sends errors ephemerally even when the reply says channel", async () => {
    bot.answer = () => [{ visibility: "channel", text: "Không hiểu", isError: true }];
    await harness.post(slashCommand({ text: "xyz", responseUrl: harness.fake.responseUrl("err") }));
    await eventually(() => expect(harness.fake.responsesTo("err")).toHaveLength(1));
    expect(harness.fake.responsesTo("err")[0]).toMatchObject({ response_type: "ephemeral" });
  });
});

describe("events", () => {
  it("strips the bot's mention, keys dedupe on team and event id, and answers in the channel", async () => {
    const bot_ = harness.fake.botUserId;
    await harness.post(appMention(`<@${bot_}> list overdue`, "U0LAN", "C0GENERAL", "Ev0001"));
    await eventually(() => expect(harness.fake.callsOf("chat.postMessage")).toHaveLength(1));
    expect(bot.received[0]).toMatchObject({
      text: "list overdue",
      eventId: "T0001:Ev0001",
      messageRef: expect.any(String),
    });
    expect(harness.fake.callsOf("chat.postMessage")[0]?.args).toMatchObject({ channel: "C0GENERAL", text: "ok" });
  });

  it("passes a retried delivery (X-Slack-Retry-Num) through with the same event id; the core dedupes", async () => {
    const request = appMention(`<@${harness.fake.botUserId}> add viết báo cáo`, "U0LAN", "C0GENERAL", "Ev0002");
    expect((await harness.post(request)).status).toBe(200);
    const retry = await harness.post(request, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    await eventually(() => expect(bot.received).toHaveLength(2));
    expect(bot.received.map((m) => m.eventId)).toEqual(["T0001:Ev0002", "T0001:Ev0002"]);
  });

  it("treats a DM to the bot as a private chat and answers there", async () => {
    bot.answer = () => [{ visibility: "private", text: "Việc của bạn" }];
    await harness.post(directMessage("việc của tôi"));
    await eventually(() => expect(harness.fake.callsOf("chat.postMessage")).toHaveLength(1));
    expect(bot.received[0]).toMatchObject({
      text: "việc của tôi",
      channel: { externalId: "D0LAN", isPrivateChat: true },
    });
    expect(harness.fake.callsOf("chat.postMessage")[0]?.args.channel).toBe("D0LAN");
    expect(harness.fake.callsOf("chat.postEphemeral")).toHaveLength(0);
  });

  it("ignores the bot's own messages and other bots", async () => {
    await harness.post(
      eventCallback({
        type: "message",
        channel_type: "im",
        user: "U0X",
        bot_id: "B0OTHER",
        text: "hi",
        ts: "1.1",
        channel: "D0X",
      }),
    );
    await harness.post(directMessage("hello", harness.fake.botUserId, "D0LAN"));
    await harness.post(directMessage("real one"));
    await eventually(() => expect(bot.received).toHaveLength(1));
    expect(bot.received[0]?.text).toBe("real one");
  });
});
