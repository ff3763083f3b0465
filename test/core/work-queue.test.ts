import { describe, expect, it } from "vitest";
import { WorkQueue } from "../../src/core/work-queue.js";
import { eventually } from "../helpers/eventually.js";

describe("WorkQueue", () => {
  it("runs at most `concurrency` tasks at once and starts them in arrival order", async () => {
    const queue = new WorkQueue(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        queue.run(async () => {
          started.push(i);
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          return i * 10;
        }),
      ),
    );
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when a task fails", async () => {
    const queue = new WorkQueue(1);
    await expect(queue.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(queue.run(async () => "next")).resolves.toBe("next");
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it("changes how many run at once: lowering lets running ones finish, raising starts waiting ones at once", async () => {
    const queue = new WorkQueue(4);
    let running = 0;
    const peaks: number[] = [];
    const gates: Array<() => void> = [];
    const task = () =>
      queue.run(async () => {
        running++;
        peaks.push(running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
      });
    const all = Array.from({ length: 10 }, task);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toBe(4);
    queue.setConcurrency(1);
    // The four running finish; only one at a time starts after them.
    for (const open of gates.splice(0)) open();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toBe(1);
    queue.setConcurrency(3);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toBe(3);
    while (running > 0 || queue.size.waiting > 0) {
      for (const open of gates.splice(0)) open();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(all);
    expect(Math.max(...peaks)).toBe(4);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it("never starts a task above a limit lowered while the task was being handed its slot", async () => {
    const queue = new WorkQueue(2);
    const gates = new Map<string, () => void>();
    const started: string[] = [];
    const task = (name: string) =>
      queue.run(async () => {
        started.push(name);
        await new Promise<void>((resolve) => gates.set(name, resolve));
      });
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const [a, b, c] = [task("a"), task("b"), task("c")];
    while (started.length < 2) await turn();
    // a finishes and hands its slot to c, which starts on the next turn of the loop; the limit drops before that.
    gates.get("a")?.();
    await a;
    queue.setConcurrency(1);
    for (let i = 0; i < 5; i++) await turn();
    expect(started).toEqual(["a", "b"]);
    gates.get("b")?.();
    await b;
    while (started.length < 3) await turn();
    expect(started).toEqual(["a", "b", "c"]);
    gates.get("c")?.();
    await c;
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });
});

describe("WorkQueue, work that goes first", () => {
  it("starts `first` work before work that waited longer without it, in arrival order among itself", async () => {
    const queue = new WorkQueue(1);
    const started: string[] = [];
    let open: (() => void) | undefined;
    const blocker = queue.run(() => new Promise<void>((resolve) => (open = resolve)));
    const task = (name: string, first?: boolean) =>
      queue.run(
        async () => {
          started.push(name);
        },
        { first },
      );
    const all = [task("typed-1"), task("typed-2"), task("press-1", true), task("typed-3"), task("press-2", true)];
    expect(queue.size).toEqual({ running: 1, waiting: 5 });
    await eventually(() => expect(open).toBeDefined());
    open?.();
    await Promise.all([blocker, ...all]);
    expect(started).toEqual(["press-1", "press-2", "typed-1", "typed-2", "typed-3"]);
    expect(queue.concurrency).toBe(1);
  });
});
