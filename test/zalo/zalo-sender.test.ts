import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { personToken } from "../../src/core/reply.js";
import { SendError } from "../../src/core/sender.js";
import { ZaloClient } from "../../src/platforms/zalo/zalo-client.js";
import { createZaloSender } from "../../src/platforms/zalo/zalo-sender.js";
import { FakeZaloServer } from "./fake-zalo-server.js";

let server: FakeZaloServer;
let client: ZaloClient;
beforeEach(async () => {
  server = await new FakeZaloServer().start();
  client = new ZaloClient(server.token, { baseUrl: server.url, maxRetries: 0 });
});
afterEach(() => server.close());

describe("Zalo MessageSender", () => {
  it("sends plain text to the target and returns the first message id; has no wasDelivered", async () => {
    const sender = createZaloSender(client);
    const lan = personToken({ id: "m1", externalId: null, displayName: "Lan" });
    const result = await sender.send(
      "chat-1",
      { visibility: "channel", text: `⏰ *Nhắc việc* ${lan}: #3` },
      { outboxId: "o1" },
    );
    expect(result.externalMessageId).toMatch(/^sent-/);
    expect(server.sentTexts("chat-1")).toEqual(["⏰ Nhắc việc @Lan: #3"]);
    expect(sender.platform).toBe("zalo");
    expect(sender.wasDelivered).toBeUndefined();
  });

  it("chunks long replies", async () => {
    const sender = createZaloSender(client, { maxMessageLength: 50 });
    const text = Array.from({ length: 10 }, (_, i) => `Dòng ${i}: việc cần làm`).join("\n");
    await sender.send("c", { visibility: "channel", text }, { outboxId: "o2" });
    const sent = server.sentTexts("c");
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.join("\n")).toBe(text);
  });

  it("maps 429 to a retryable SendError with retryAfterMs (Retry-After, else backoff)", async () => {
    const sender = createZaloSender(client);
    server.script("sendMessage", {
      status: 429,
      body: { ok: false, error_code: 429, description: "Quota" },
      headers: { "retry-after": "7" },
    });
    const withHeader = await sender.send("c", { visibility: "channel", text: "x" }, { outboxId: "o" }).catch((e) => e);
    expect(withHeader).toBeInstanceOf(SendError);
    expect(withHeader.options).toMatchObject({ retryable: true, status: 429, code: "429", retryAfterMs: 7000 });
    server.script("sendMessage", { status: 200, body: { ok: false, error_code: 429, description: "Quota" } });
    const without = await sender.send("c", { visibility: "channel", text: "x" }, { outboxId: "o" }).catch((e) => e);
    expect(without.options.retryAfterMs).toBeGreaterThan(0);
  });

  it.each([
    [400, false],
    [401, false],
    [403, false],
    [500, true],
    [408, true],
  ])("maps %i to retryable=%s", async (code, retryable) => {
    const sender = createZaloSender(client);
    server.script("sendMessage", { status: code, body: { ok: false, error_code: code, description: "x" } });
    const error = await sender.send("c", { visibility: "channel", text: "x" }, { outboxId: "o" }).catch((e) => e);
    expect(error).toBeInstanceOf(SendError);
    expect(error.options).toMatchObject({ platform: "zalo", method: "sendMessage", retryable });
    expect(error.message).not.toContain(server.token.split(":")[1]);
  });

  it("maps a network error to a retryable SendError", async () => {
    const sender = createZaloSender(client);
    server.script("sendMessage", "drop");
    const error = await sender.send("c", { visibility: "channel", text: "x" }, { outboxId: "o" }).catch((e) => e);
    expect(error.options).toMatchObject({ retryable: true });
  });
});
