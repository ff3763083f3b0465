import { describe, expect, it } from "vitest";
import { runSocketKillDrill } from "./socket-kill-drill.js";

describe("drill: Socket Mode process SIGKILLed while commands arrive over its socket", () => {
  it("turns every acked command into exactly one task, and one journaled before a kill is done once", async () => {
    const result = await runSocketKillDrill({ commands: 60, ratePerSecond: 15, kills: 2, channels: 4 });
    console.info("socket-kill drill", result);
    expect(result.acked).toBeGreaterThan(0);
    expect(result.lost).toBe(0);
    expect(result.duplicateTasks).toBe(0);
    expect(result.duplicateReplies).toBe(0);
    // Killed between its journal write and its ack: never acked, yet carried out once after the restart.
    expect(result.heldCommandAcked).toBe(false);
    expect(result.heldCommandTasks).toBe(1);
    // The unacked mention, delivered again by Slack after the restart: one task, one reply.
    expect(result.heldEventTasks).toBe(1);
    expect(result.heldEventReplies).toBe(1);
    expect(result.journalLeft).toBe(0);
    // Only a kill between a command's commit and its reply can leave it unanswered: at most one per handler slot.
    expect(result.unanswered).toBeLessThanOrEqual(result.kills * 32);
  });
});
