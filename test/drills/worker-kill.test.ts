import { describe, expect, it } from "vitest";
import { runWorkerKillDrill } from "./worker-kill-drill.js";

describe("drill: worker process SIGKILLed during a burst of pings", () => {
  it("delivers every ping, none twice on Slack, Zalo in-doubt resends bounded and counted", async () => {
    const kills = 3;
    const result = await runWorkerKillDrill({
      slackChannels: 16,
      zaloChats: 8,
      spreadMs: 9_000,
      kills,
      answerDelayMs: 400,
    });
    console.info("worker-kill drill", result);
    // Most of the 24 tasks must have been planned in time to count (a loaded machine may miss a few).
    expect(result.pings).toBeGreaterThanOrEqual(12);
    expect(result.lost).toBe(0);
    expect(result.slackDelivered).toBe(result.slackPings);
    expect(result.slackDuplicates).toBe(0);
    expect(result.zaloDelivered).toBe(result.zaloPings);
    // Every Zalo duplicate is a counted in-doubt resend, and a kill leaves at most one send in flight per outbox slot.
    expect(result.zaloDuplicates).toBeLessThanOrEqual(result.zaloInDoubtResendsCounted);
    expect(result.zaloInDoubtResendsCounted).toBeLessThanOrEqual(kills * 4);
  });

  it("with two workers sharing the burst, one SIGKILLed mid-burst and not restarted: none lost, none twice", async () => {
    const result = await runWorkerKillDrill({
      slackChannels: 24,
      zaloChats: 8,
      spreadMs: 9_000,
      kills: 1,
      answerDelayMs: 400,
      workers: 2,
      restartKilled: false,
    });
    console.info("two-worker kill drill", result);
    expect(result.pings).toBeGreaterThanOrEqual(16);
    expect(result.lost).toBe(0);
    expect(result.slackDelivered).toBe(result.slackPings);
    expect(result.slackDuplicates).toBe(0);
    expect(result.zaloDelivered).toBe(result.zaloPings);
    expect(result.zaloDuplicates).toBeLessThanOrEqual(result.zaloInDoubtResendsCounted);
  });
});
