import { describe, expect, it } from "vitest";
import { runWebKillDrill } from "./web-kill-drill.js";

describe("drill: web process SIGKILLed while slash commands arrive", () => {
  it("turns every acked command into exactly one task, answered, after restarts", async () => {
    const result = await runWebKillDrill({ commands: 120, ratePerSecond: 20, kills: 2, channels: 6 });
    console.info("web-kill drill", result);
    expect(result.acked).toBeGreaterThan(0);
    expect(result.lost).toBe(0);
    expect(result.duplicateTasks).toBe(0);
    expect(result.duplicateReplies).toBe(0);
    expect(result.journalLeft).toBe(0);
    // Only a kill between a command's commit and its reply can leave it unanswered: at most one per handler slot.
    expect(result.unanswered).toBeLessThanOrEqual(result.kills * 16);
  });
});
