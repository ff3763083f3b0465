// Where a Zalo update goes after its receipt when there is no journal (or it cannot take the update): handled
// directly, in the adapter's one queue, one chat's updates in the order they came, chats side by side.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import type { ZaloUpdate } from "../../src/platforms/zalo/index.js";
import { createUpdateIntake } from "../../src/platforms/zalo/update-intake.js";
import { eventually } from "../helpers/eventually.js";
import { textUpdate } from "./fixtures.js";

describe("Zalo update intake without a journal", () => {
  it("handles one chat's updates in arrival order while other chats go on, and is idle only when all are done", async () => {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const intake = createUpdateIntake({
      handle: async (update: ZaloUpdate) => {
        const text = update.message?.text ?? "";
        started.push(text);
        await new Promise<void>((resolve) => gates.set(text, resolve));
      },
      logger: createLogger("silent"),
    });
    const taken = await Promise.all([
      intake.take(textUpdate("lan-1", { fromId: "lan" })),
      intake.take(textUpdate("lan-2", { fromId: "lan" })),
      intake.take(textUpdate("minh-1", { fromId: "minh" })),
    ]);
    expect(taken.every((outcome) => outcome.direct instanceof Promise)).toBe(true);
    await eventually(() => expect(started).toEqual(["lan-1", "minh-1"]));
    let idle = false;
    const whenIdle = intake.idle().then(() => {
      idle = true;
    });
    gates.get("lan-1")?.();
    await eventually(() => expect(started).toEqual(["lan-1", "minh-1", "lan-2"]));
    gates.get("lan-2")?.();
    await taken[1]?.direct;
    expect(idle).toBe(false);
    gates.get("minh-1")?.();
    await whenIdle;
    expect(idle).toBe(true);
  });
});
