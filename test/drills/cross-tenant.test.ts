import { describe, expect, it } from "vitest";
import { runCrossTenantDrill } from "./cross-tenant-drill.js";

describe("drill: cross-tenant isolation", () => {
  it("a command in one workspace or channel never reads or changes a task of another", async () => {
    const result = await runCrossTenantDrill({ numRuns: 10, maxCommands: 14 });
    console.info("cross-tenant drill", result);
    expect(result.counterexample).toBe("");
    expect(result.foreignChanges).toBe(0);
    expect(result.foreignReads).toBe(0);
    expect(result.tasksCreated).toBeGreaterThan(0);
    expect(result.ownChanges).toBeGreaterThan(0);
  });
});
