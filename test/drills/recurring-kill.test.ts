import { describe, expect, it } from "vitest";
import { runRecurringKillDrill } from "./recurring-kill-drill.js";

describe("drill: worker SIGKILLed while the recurring job makes occurrences, Redis emptied once", () => {
  it("makes every occurrence due exactly once, each with exactly one task", async () => {
    const result = await runRecurringKillDrill({
      // More series than one page of the job (500): occurrences are written a page at a time, and each kill must fall
      // between pages, while occurrences are still being made.
      channels: 4,
      seriesPerChannel: 400,
      missedDays: 2,
      killAt: [0.2, 0.55],
    });
    console.info("recurring-kill drill", result);
    expect(result.expected).toBeGreaterThan(300);
    // Each kill fell while occurrences were being made, not after.
    for (const count of result.madeAtKills) expect(count).toBeLessThan(result.expected);
    expect(result.wrongSeries).toBe(0);
    expect(result.made).toBe(result.expected);
    expect(result.occurrencesWithoutTask).toBe(0);
    expect(result.tasksWithoutOccurrence).toBe(0);
    expect(result.tasksWithoutOneCreation).toBe(0);
  });
});
