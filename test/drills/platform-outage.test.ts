import { beforeAll, describe, expect, it } from "vitest";
import { type PlatformOutageResult, runPlatformOutageDrill } from "./platform-outage-drill.js";

describe("drill: Slack and Zalo return 429/5xx or time out for a while", () => {
  let result: PlatformOutageResult;
  beforeAll(async () => {
    result = await runPlatformOutageDrill({
      channelsPerPlatform: 3,
      messagesPerChannel: 3,
      failingCalls: 6,
      unreachableMs: 2_000,
      lostAnswersMs: 2_500,
      settleTimeoutMs: 60_000,
    });
    console.info("platform-outage drill", result);
  });

  it("keeps messages in the outbox and delivers them all afterwards: none lost, none doubled on Slack", () => {
    expect(result.unsettled).toBe("");
    expect(result.lost).toBe(0);
    expect(result.delivered).toBe(result.messages);
    expect(result.failedRows).toBe(0);
    expect(result.slackDuplicates).toBe(0);
    expect(result.zaloDuplicates).toBeLessThanOrEqual(result.zaloInDoubtResendsCounted);
  });

  // Known gap, reported: the outbox has no per-channel FIFO. A message waiting out its retry backoff is overtaken by
  // the next message of its channel. Flip to `it` once jobs/ sends a channel's messages strictly in sequence.
  it("delivers in order per channel", () => {
    expect(result.channelsOutOfOrder).toBe(0);
  });
});
