// The outbox's Slack sender against the fake Web API over real HTTP: metadata, history check, 429 and errors.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SendError } from "../../src/core/sender.js";
import { taskView } from "./fixtures.js";
import { RecordingBot, type SlackHarness, startSlackHarness } from "./slack-harness.js";

let harness: SlackHarness;

beforeEach(async () => {
  harness = await startSlackHarness({ bot: new RecordingBot() });
});
afterEach(async () => {
  await harness.close();
});

const reply = { visibility: "channel" as const, text: "⏰ Còn 1 giờ: #12", tasks: [taskView()] };

describe("SlackMessageSender", () => {
  it("posts with outbox metadata and finds the message again in history", async () => {
    const since = new Date(Date.now() - 1000);
    const result = await harness.adapter.sender.send("C0GENERAL", reply, { outboxId: "ob-1" });
    expect(result.externalMessageId).toMatch(/^\d+\.\d+$/);
    const call = harness.fake.callsOf("chat.postMessage")[0];
    expect(call?.authorized).toBe(true);
    expect(call?.args.metadata).toEqual({ event_type: "roviec_outbox", event_payload: { outbox_id: "ob-1" } });
    expect(await harness.adapter.sender.wasDelivered?.("C0GENERAL", "ob-1", since)).toBe(true);
    expect(await harness.adapter.sender.wasDelivered?.("C0GENERAL", "ob-2", since)).toBe(false);
    expect(harness.fake.callsOf("conversations.history")[0]?.args).toMatchObject({ include_all_metadata: "true" });
  });

  it("turns a 429 into a retryable SendError with Retry-After, without retrying by itself", async () => {
    harness.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 7 });
    const error = await harness.adapter.sender.send("C0GENERAL", reply, { outboxId: "ob-3" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).options).toMatchObject({
      platform: "slack",
      method: "chat.postMessage",
      retryable: true,
      status: 429,
      retryAfterMs: 7000,
    });
    expect(harness.fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("marks permanent Slack errors as not retryable and server errors as retryable", async () => {
    harness.fake.failNext("chat.postMessage", { error: "channel_not_found" });
    const permanent = (await harness.adapter.sender
      .send("C0GONE", reply, { outboxId: "ob-4" })
      .catch((e: unknown) => e)) as SendError;
    expect(permanent.options).toMatchObject({ retryable: false, code: "channel_not_found" });
    harness.fake.failNext("chat.postMessage", { status: 503 });
    const transient = (await harness.adapter.sender
      .send("C0GENERAL", reply, { outboxId: "ob-5" })
      .catch((e: unknown) => e)) as SendError;
    expect(transient.options).toMatchObject({ retryable: true, status: 503 });
    expect(String(permanent.message)).not.toContain("xoxb");
    expect(harness.fake.callsOf("chat.postMessage")).toHaveLength(2);
  });
});
