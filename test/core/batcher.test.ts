// The coalescing used by the ping and outbox workers: one call per batch, results back to each caller in order.
import { describe, expect, it } from "vitest";
import { Batcher } from "../../src/core/batcher.js";

describe("Batcher", () => {
  it("serves the calls of one event-loop turn with one run, and each caller gets its own results", async () => {
    const runs: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      runs.push(items);
      return items.map((n) => n * 10);
    });
    const [a, b, c] = await Promise.all([batcher.add([1]), batcher.add([2, 3]), batcher.add([4])]);
    expect(runs).toEqual([[1, 2, 3, 4]]);
    expect([a, b, c]).toEqual([[10], [20, 30], [40]]);
  });

  it("runs one batch at a time; calls made meanwhile go together in the next, within maxItems", async () => {
    const runs: number[][] = [];
    let release = () => {};
    const batcher = new Batcher<number>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return undefined;
    }, 3);
    const first = batcher.add([1]);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [batcher.add([2]), batcher.add([3, 4]), batcher.add([5])];
    release();
    await Promise.all([first, ...later]);
    expect(runs).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("rejects every caller of a failed batch, and the next batch still runs", async () => {
    let fail = true;
    const batcher = new Batcher<number, number>(async (items) => {
      if (fail) {
        fail = false;
        throw new Error("database down");
      }
      return items;
    });
    const failed = await Promise.allSettled([batcher.add([1]), batcher.add([2])]);
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await batcher.add([3])).toEqual([3]);
    await batcher.idle();
  });

  it("waits delayMs for others to join before running", async () => {
    const runs: number[][] = [];
    const batcher = new Batcher<number>(
      async (items) => {
        runs.push(items);
        return undefined;
      },
      100,
      50,
    );
    const first = batcher.add([1]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([first, batcher.add([2])]);
    expect(runs).toEqual([[1, 2]]);
  });
});
