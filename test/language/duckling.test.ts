/**
 * Regression guard for deadline understanding, measured on Duckling's corpora
 * (see bench/language.ts). Raise the floors when accuracy improves; never lower them.
 */
import { describe, expect, it } from "vitest";
import { differenceOf } from "../../bench/language-differences.js";
import { scoreCorpus } from "../../bench/language-duckling.js";

function accuracy(locale: "vi" | "en"): number {
  const results = scoreCorpus(locale, differenceOf);
  const comparable = results.filter((r) => r.ok || !r.difference);
  return comparable.filter((r) => r.ok).length / comparable.length;
}

describe("Duckling corpora", () => {
  it("keeps the Vietnamese accuracy at or above 100% (160/160)", () => {
    expect(accuracy("vi")).toBeGreaterThanOrEqual(1);
  });
  it("keeps the English accuracy at or above 97.9% (573/585) where our product rules do not differ", () => {
    expect(accuracy("en")).toBeGreaterThanOrEqual(0.979);
  });
  it("declares few differences", () => {
    const declared = scoreCorpus("en", differenceOf).filter((r) => r.difference).length;
    expect(declared).toBeLessThanOrEqual(29);
  });
});
