import { describe, expect, it } from "vitest";
import { runParserFuzz, runSlackFuzz, runZaloFuzz } from "./bad-input-drill.js";

describe("drill: bad input, property-based", () => {
  it("the parser never throws: ok, or a polite error, also for huge and reserved-character text", () => {
    const result = runParserFuzz({ numRuns: 400, hugeLength: 100_000 });
    console.info("parser fuzz", result);
    expect(result.counterexample).toBe("");
    expect(result.failures).toBe(0);
  });

  it("the Slack receiver answers 4xx or politely, never 5xx, and garbage writes nothing", async () => {
    const result = await runSlackFuzz({ numRuns: 80 });
    console.info("slack fuzz", result);
    expect(result.counterexample).toBe("");
    expect(result.failures).toBe(0);
    expect(result.rowsWrittenByGarbage).toBe(0);
  });

  it("the Zalo webhook answers 4xx or politely, never 5xx, and garbage writes nothing", async () => {
    const result = await runZaloFuzz({ numRuns: 80 });
    console.info("zalo fuzz", result);
    expect(result.counterexample).toBe("");
    expect(result.failures).toBe(0);
    expect(result.rowsWrittenByGarbage).toBe(0);
  });
});
