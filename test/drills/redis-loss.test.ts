import { describe, expect, it } from "vitest";
import { runRedisLossDrill } from "./redis-loss-drill.js";

describe("drill: Redis restarted with its data lost while tasks exist", () => {
  it("reconcile schedules every future ping again (job ids match the planned Ping rows)", async () => {
    const result = await runRedisLossDrill({ tasks: 12, reconcileEveryMs: 1_500 });
    console.info("redis-loss drill", result);
    expect(result.plannedPings).toBeGreaterThanOrEqual(12);
    expect(result.jobsBeforeLoss).toBe(result.plannedPings);
    expect(result.jobsAfterLoss).toBe(0);
    expect(result.missingJobs).toBe(0);
    expect(result.strayJobs).toBe(0);
    expect(result.freshPingMessages).toBe(1);
  });
});
