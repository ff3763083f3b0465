import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUSY_TEXT } from "../../src/core/answer-or-busy.js";
import { AppError } from "../../src/core/errors.js";
import { SENT_PRIVATELY_TEXT, UNSUPPORTED_TEXT } from "../../src/platforms/zalo/update-processor.js";
import { textUpdate } from "./fixtures.js";
import { type Harness, RecordingBot, startHarness, WEBHOOK_SECRET } from "./harness.js";

let bot: RecordingBot;
let h: Harness;

beforeEach(async () => {
  bot = new RecordingBot();
  h = await startHarness({ bot, secret: WEBHOOK_SECRET, maxBodyBytes: 4096 });
});
afterEach(() => h.close());

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${h.baseUrl}/zalo/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("Zalo webhook", () => {
  it("mounts only the webhook route and starts with getMe and no polling", () => {
    expect(Object.keys(h.adapter.routes)).toEqual(["/zalo/webhook"]);
    expect(h.adapter.mode).toBe("webhook");
    expect(h.zalo.calls.map((c) => c.method)).toEqual(["getMe"]);
  });

  it("accepts the documented wrapped body, answers 200, shows typing and replies to chat.id", async () => {
    const update = textUpdate("/viec list", { fromId: "u1" });
    const response = await post({ ok: true, result: update });
    expect(response.status).toBe(200);
    await h.adapter.whenIdle();
    expect(bot.received).toHaveLength(1);
    expect(bot.received[0]?.text).toBe("/viec list");
    expect(h.zalo.callsTo("sendChatAction")[0]?.body).toEqual({ chat_id: "u1", action: "typing" });
    expect(h.zalo.sentTexts("u1")).toEqual(["ok: /viec list"]);
    const methods = h.zalo.calls.map((c) => c.method);
    expect(methods.indexOf("sendChatAction")).toBeLessThan(methods.indexOf("sendMessage"));
  });

  it("accepts a bare body too", async () => {
    expect((await post(textUpdate("help"))).status).toBe(200);
    await h.adapter.whenIdle();
    expect(bot.received.map((m) => m.text)).toEqual(["help"]);
  });

  it.each([
    ["a wrong secret", { "x-bot-api-secret-token": "wrong-secret-value" }],
    ["a secret of another length", { "x-bot-api-secret-token": "x" }],
  ])("refuses %s with 403 and handles nothing", async (_label, headers) => {
    expect((await post(textUpdate("help"), headers)).status).toBe(403);
    await h.adapter.whenIdle();
    expect(bot.received).toEqual([]);
  });

  it("refuses a missing secret with 403", async () => {
    const response = await fetch(`${h.baseUrl}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(textUpdate("help")),
    });
    expect(response.status).toBe(403);
    expect(bot.received).toEqual([]);
  });

  it("answers 413, 415, 400 and 405 for bad requests, and writes nothing", async () => {
    const big = textUpdate("x".repeat(5000));
    expect((await post(big)).status).toBe(413);
    expect((await post(JSON.stringify(textUpdate("hi")), { "content-type": "text/plain" })).status).toBe(415);
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[1,2]")).status).toBe(400);
    expect((await post({ ok: true, result: { hello: 1 } })).status).toBe(400);
    const get = await fetch(`${h.baseUrl}/zalo/webhook`, { headers: { "x-bot-api-secret-token": WEBHOOK_SECRET } });
    expect(get.status).toBe(405);
    await h.adapter.whenIdle();
    expect(bot.received).toEqual([]);
    expect(h.zalo.callsTo("sendMessage")).toEqual([]);
  });

  it("accepts a JSON content type with a charset", async () => {
    expect((await post(textUpdate("hi"), { "content-type": "application/json; charset=utf-8" })).status).toBe(200);
  });

  it("ignores unknown events and media without text", async () => {
    expect((await post({ event_name: "message.reaction.received", message: textUpdate("x").message })).status).toBe(
      200,
    );
    expect((await post({ ...textUpdate("x"), event_name: "message.sticker.received" })).status).toBe(200);
    await h.adapter.whenIdle();
    expect(bot.received).toEqual([]);
    expect(h.zalo.callsTo("sendMessage")).toEqual([]);
  });

  it("answers an unsupported message politely, once per message_id", async () => {
    const update = {
      ...textUpdate("", { chatType: "GROUP", messageId: "unsup-1" }),
      event_name: "message.unsupported.received",
    };
    await post(update);
    await post({ ok: true, result: update });
    await h.adapter.whenIdle();
    expect(h.zalo.sentTexts("group-1")).toEqual([UNSUPPORTED_TEXT]);
    expect(bot.received).toEqual([]);
  });

  it("answers 'try again' when the core reports the system is down", async () => {
    bot.answer = async () => {
      throw new AppError("database_unavailable", "db down");
    };
    await post(textUpdate("/viec list", { fromId: "u9" }));
    await h.adapter.whenIdle();
    expect(h.zalo.sentTexts("u9")).toEqual([BUSY_TEXT]);
  });

  it("splits a long reply into messages of at most 2,000 characters", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `📌 #${i + 1} Nộp báo cáo tiến độ dự án — hạn 17:00 thứ Sáu`);
    bot.answer = async () => [{ visibility: "channel", text: lines.join("\n") }];
    await post(textUpdate("/viec list all", { fromId: "u3" }));
    await h.adapter.whenIdle();
    const sent = h.zalo.sentTexts("u3");
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((t) => t.length <= 2000)).toBe(true);
    expect(sent.join("\n")).toBe(lines.join("\n"));
  });

  it("never logs the token", async () => {
    h.zalo.script("sendMessage", { status: 401, body: { ok: false, error_code: 401, description: "bad token" } });
    await post(textUpdate("hi"));
    await h.adapter.whenIdle();
    const output = h.logs.join("");
    expect(output).toContain("zalo reply failed");
    expect(output).not.toContain(h.zalo.token.split(":")[1]);
  });

  it("sends a private reply to a group message to the asker's own chat, with a note in the group", async () => {
    bot.answer = async () => [{ visibility: "private", text: "📋 Việc của bạn: #1" }];
    await post(textUpdate("@Rõ Việc việc của tôi", { chatType: "GROUP", fromId: "u5" }));
    await h.adapter.whenIdle();
    expect(h.zalo.sentTexts("u5")).toEqual(["📋 Việc của bạn: #1"]);
    expect(h.zalo.sentTexts("group-1")).toEqual([SENT_PRIVATELY_TEXT]);
  });

  it("answers in the group when the asker never wrote to the bot privately", async () => {
    bot.answer = async () => [{ visibility: "private", text: "📋 Việc của bạn: #1" }];
    h.zalo.unreachableChats.add("u6");
    await post(textUpdate("@Rõ Việc việc của tôi", { chatType: "GROUP", fromId: "u6" }));
    await h.adapter.whenIdle();
    expect(h.zalo.sentTexts("group-1")).toEqual(["📋 Việc của bạn: #1"]);
  });
});
