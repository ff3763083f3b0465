import { afterEach, describe, expect, it } from "vitest";
import { textUpdate } from "./fixtures.js";
import { type Harness, RecordingBot, startHarness, waitFor } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("Zalo long polling", () => {
  it("deletes the webhook first, keeps polling through 408s, handles updates one at a time in order", async () => {
    const bot = new RecordingBot();
    h = await startHarness({ bot });
    const { zalo, adapter } = h;
    expect(adapter.mode).toBe("polling");
    expect(adapter.routes).toEqual({});
    await waitFor(() => zalo.callsTo("getUpdates").length >= 3); // several empty polls (408) in a row
    expect(zalo.calls.slice(0, 2).map((c) => c.method)).toEqual(["getMe", "deleteWebhook"]);
    zalo.pushUpdate(textUpdate("/viec them A", { fromId: "u1" }));
    zalo.pushUpdate(textUpdate("/viec them B", { fromId: "u1" }));
    await waitFor(() => zalo.sentTexts("u1").length === 2);
    expect(zalo.sentTexts("u1")).toEqual(["ok: /viec them A", "ok: /viec them B"]);
    expect(bot.received.map((m) => m.text)).toEqual(["/viec them A", "/viec them B"]);
    expect(zalo.callsTo("getUpdates")[0]?.body).toEqual({ timeout: 1 });
  });

  it("backs off and keeps going after server errors and dropped connections", async () => {
    const bot = new RecordingBot();
    h = await startHarness({ bot });
    const { zalo } = h;
    zalo.script("getUpdates", { status: 502, rawBody: "bad gateway" }, "drop", {
      status: 429,
      body: { ok: false, error_code: 429, description: "Quota exceeded" },
    });
    zalo.pushUpdate(textUpdate("hello", { fromId: "u2" }));
    await waitFor(() => zalo.sentTexts("u2").length === 1);
    expect(h.logs.join("")).toContain("zalo poll failed");
    expect(h.logs.join("")).not.toContain(zalo.token.split(":")[1]);
  });

  it("stops on 401 (bad token) and stop() ends the loop", async () => {
    h = await startHarness({ bot: new RecordingBot() });
    const { zalo } = h;
    zalo.script("getUpdates", { status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    await waitFor(() => h?.logs.join("").includes("polling stopped") ?? false);
    const count = zalo.callsTo("getUpdates").length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(zalo.callsTo("getUpdates").length).toBe(count);
  });

  it("stop() returns while a poll is in flight and no poll follows", async () => {
    h = await startHarness({ bot: new RecordingBot() });
    h.zalo.emptyPollDelayMs = 10_000;
    await waitFor(() => (h?.zalo.callsTo("getUpdates").length ?? 0) >= 1);
    await h.adapter.stop();
    const count = h.zalo.callsTo("getUpdates").length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.zalo.callsTo("getUpdates").length).toBe(count);
  });
});
