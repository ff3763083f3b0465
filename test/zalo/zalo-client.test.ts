import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { ZaloApiError } from "../../src/platforms/zalo/zalo-api-error.js";
import { ZaloClient, type ZaloClientOptions } from "../../src/platforms/zalo/zalo-client.js";
import { FAKE_BOT, FakeZaloServer } from "./fake-zalo-server.js";
import { textUpdate } from "./fixtures.js";

let server: FakeZaloServer;
const waits: number[] = [];

function makeClient(options: ZaloClientOptions = {}, token = server.token) {
  // Retries record their delay instead of sleeping: bounded and fast, no timing assertions.
  return new ZaloClient(token, {
    baseUrl: server.url,
    maxRetries: 2,
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
}

beforeEach(async () => {
  waits.length = 0;
  server = await new FakeZaloServer().start();
});
afterEach(() => server.close());

describe("ZaloClient methods", () => {
  it("posts JSON to /bot<token>/<method> and returns the envelope's result", async () => {
    const client = makeClient();
    expect(await client.getMe()).toEqual(FAKE_BOT);
    const sent = await client.sendMessage({ chat_id: "c1", text: "Chào" });
    expect(sent.message_id).toMatch(/^sent-/);
    await client.sendPhoto({ chat_id: "c1", photo: "https://example.com/a.png", caption: "ảnh" });
    await client.sendSticker({ chat_id: "c1", sticker: "st-1" });
    await expect(client.sendChatAction({ chat_id: "c1", action: "typing" })).resolves.toBeUndefined();
    expect(server.calls.map((c) => c.method)).toEqual([
      "getMe",
      "sendMessage",
      "sendPhoto",
      "sendSticker",
      "sendChatAction",
    ]);
    expect(server.calls.every((c) => c.token === server.token)).toBe(true);
    expect(server.calls[1]?.body).toEqual({ chat_id: "c1", text: "Chào" });
    expect(server.calls[0]?.headers["content-type"]).toContain("application/json");
  });

  it("manages the webhook, also through node-zalo-bot's capital-H aliases", async () => {
    const client = makeClient();
    await client.setWebhook({ url: "https://bot.example.vn/zalo/webhook", secret_token: "s3cret-value" });
    expect((await client.getWebhookInfo()).url).toBe("https://bot.example.vn/zalo/webhook");
    await client.deleteWebHook();
    expect((await client.getWebHookInfo()).url).toBe("");
    await client.setWebHook({ url: "https://x.example/h", secret_token: "another-secret" });
    await client.deleteWebhook();
    expect(server.calls.map((c) => c.method)).toEqual([
      "setWebhook",
      "getWebhookInfo",
      "deleteWebhook",
      "getWebhookInfo",
      "setWebhook",
      "deleteWebhook",
    ]);
    expect(server.callsTo("setWebhook")[0]?.body).toEqual({
      url: "https://bot.example.vn/zalo/webhook",
      secret_token: "s3cret-value",
    });
  });

  it("getUpdates returns one update, and null on 408 (nothing yet) without retrying", async () => {
    const client = makeClient();
    const update = textUpdate("xin chào");
    server.pushUpdate(update);
    expect(await client.getUpdates({ timeout: 1 })).toEqual(update);
    expect(await client.getUpdates({ timeout: 1 })).toBeNull();
    expect(server.callsTo("getUpdates")).toHaveLength(2);
    expect(server.callsTo("getUpdates")[0]?.body).toEqual({ timeout: 1 });
    expect(waits).toEqual([]);
  });

  it("getUpdates hands out an array result one update at a time, should Zalo ever send one", async () => {
    const client = makeClient();
    const [a, b] = [textUpdate("a"), textUpdate("b")];
    server.script("getUpdates", { status: 200, body: { ok: true, result: [a, b] } });
    expect(await client.getUpdates({ timeout: 1 })).toEqual(a);
    expect(await client.getUpdates({ timeout: 1 })).toEqual(b);
    expect(server.callsTo("getUpdates")).toHaveLength(1);
  });

  it("processUpdate emits update, message and the kind to listeners", async () => {
    const client = makeClient();
    const seen: string[] = [];
    client.on("update", () => void seen.push("update"));
    client.on("message", (m) => void seen.push(`message:${m?.text}`));
    client.on("text", (m) => void seen.push(`text:${m?.text}`));
    client.on("photo", () => void seen.push("photo"));
    await client.processUpdate(textUpdate("hi"));
    await client.processUpdate({ event_name: "message.reaction.received" });
    expect(seen).toEqual(["update", "message:hi", "text:hi", "update"]);
  });
});

describe("ZaloClient envelope and errors", () => {
  it("decides on ok, not on the HTTP status", async () => {
    const client = makeClient();
    server.script("getMe", { status: 200, body: { ok: false, error_code: 403, description: "Bot is disabled" } });
    const error = await client.getMe().catch((e) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ error_code: 403, description: "Bot is disabled", method: "getMe", status: 200 });
    server.script("sendMessage", { status: 400, body: { ok: true, result: { message_id: "m9" } } });
    expect((await client.sendMessage({ chat_id: "c", text: "x" })).message_id).toBe("m9");
  });

  it("uses the HTTP status when the body is not an envelope", async () => {
    const client = makeClient({ maxRetries: 0 });
    server.script("getMe", { status: 502, rawBody: "<html>Bad gateway</html>" });
    await expect(client.getMe()).rejects.toMatchObject({ error_code: 502, status: 502 });
  });

  it("retries 5xx, 429 (with Retry-After), 408 and network errors with growing backoff, then succeeds", async () => {
    const client = makeClient({ maxRetries: 4, backoff: { baseDelayMs: 100, random: () => 0.999 } });
    server.script(
      "sendMessage",
      { status: 500, body: { ok: false, error_code: 500, description: "Internal" } },
      { status: 429, body: { ok: false, error_code: 429, description: "Quota" }, headers: { "retry-after": "3" } },
      { status: 408, body: { ok: false, error_code: 408, description: "Timeout" } },
      "drop",
    );
    const sent = await client.sendMessage({ chat_id: "c", text: "ok" });
    expect(sent.message_id).toMatch(/^sent-/);
    expect(server.callsTo("sendMessage")).toHaveLength(5);
    expect(waits).toHaveLength(4);
    expect(waits[1]).toBeGreaterThanOrEqual(3000);
    expect(waits[3]).toBeGreaterThan(waits[0] as number);
  });

  it("gives up after the configured number of retries", async () => {
    const client = makeClient({ maxRetries: 2 });
    for (let i = 0; i < 5; i++)
      server.script("getMe", { status: 503, body: { ok: false, error_code: 503, description: "Busy" } });
    await expect(client.getMe()).rejects.toMatchObject({ error_code: 503, isRetryable: true });
    expect(server.callsTo("getMe")).toHaveLength(3);
  });

  it.each([400, 401, 403])("never retries %i", async (code) => {
    const client = makeClient({ maxRetries: 5 });
    server.script("sendMessage", { status: code, body: { ok: false, error_code: code, description: "No" } });
    await expect(client.sendMessage({ chat_id: "c", text: "x" })).rejects.toMatchObject({
      error_code: code,
      isRetryable: false,
    });
    expect(server.callsTo("sendMessage")).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("reports a network error with its code when the server is gone", async () => {
    const client = makeClient({ maxRetries: 1 });
    await server.close();
    const error = await client.getMe().catch((e) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error.networkCode).toBe("ECONNREFUSED");
    expect(error.isRetryable).toBe(true);
    server = await new FakeZaloServer().start();
  });
});

describe("the token never leaks", () => {
  it("is absent from error messages, stacks, serialised errors, the client object and logs", async () => {
    const lines: string[] = [];
    const logger = createLogger(
      "debug",
      new Writable({
        write(chunk, _enc, cb) {
          lines.push(String(chunk));
          cb();
        },
      }),
    );
    const client = makeClient({ maxRetries: 0 });
    const secret = server.token.split(":")[1] as string;
    const errors: unknown[] = [];
    server.script("getMe", {
      status: 401,
      body: { ok: false, error_code: 401, description: `bad token /bot${server.token}/getMe` },
    });
    errors.push(await client.getMe().catch((e) => e));
    server.script("sendMessage", "drop");
    errors.push(await client.sendMessage({ chat_id: "c", text: "x" }).catch((e) => e));
    server.script("getMe", { status: 500, rawBody: "not json" });
    errors.push(await client.getMe().catch((e) => e));
    await server.close();
    errors.push(await client.getMe().catch((e) => e));
    server = await new FakeZaloServer().start();

    for (const error of errors) {
      expect(error).toBeInstanceOf(ZaloApiError);
      logger.error({ err: error }, "zalo call failed");
      const e = error as ZaloApiError;
      const surfaces = [
        e.message,
        e.stack ?? "",
        JSON.stringify(e),
        String(e.cause ?? ""),
        JSON.stringify(Object.entries(e)),
      ];
      for (const text of surfaces) expect(text).not.toContain(secret);
    }
    logger.info({ client }, "client");
    const output = lines.join("");
    expect(output).toContain("zalo call failed");
    expect(output).not.toContain(secret);
    expect(JSON.stringify(client)).not.toContain(secret);
  });

  it("rejects a malformed token without echoing it", () => {
    expect(() => new ZaloClient("not-a-token-value")).toThrow(/<bot id>:<secret>/);
    expect(() => new ZaloClient("not-a-token-value")).not.toThrow(/not-a-token-value/);
  });
});
