import { describe, expect, it, vi } from "vitest";
import { HomeTab, type HomeTabOptions } from "../../src/platforms/slack/home-tab.js";
import { eventually } from "../helpers/eventually.js";

describe("HomeTab.refresh", () => {
  it("publishes once per person for changes close together, after the last one, one at a time", async () => {
    const tab = new HomeTab({} as HomeTabOptions);
    let running = 0;
    let peak = 0;
    const publish = vi.spyOn(tab, "publish").mockImplementation(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    });
    for (const [team, user] of [
      ["T1", "U1"],
      ["T1", "U2"],
      ["T2", "U1"],
    ] as const) {
      tab.noteViewing(team, user);
    }
    tab.refresh("T1", ["U1", "U2"], 20);
    tab.refresh("T1", ["U1"], 20);
    tab.refresh("T2", ["U1"], 20);
    await eventually(() => expect(publish).toHaveBeenCalledTimes(3), { timeout: 2_000, interval: 10 });
    expect(publish.mock.calls).toEqual([
      ["T1", "U1"],
      ["T1", "U2"],
      ["T2", "U1"],
    ]);
    expect(peak).toBe(1);
    // Once published, a later change refreshes again.
    tab.refresh("T1", ["U1"], 20);
    await eventually(() => expect(publish).toHaveBeenCalledTimes(4), { timeout: 2_000, interval: 10 });
  });

  it("re-publishes only for people who opened their Home tab within the last hour", async () => {
    let clock = 0;
    const tab = new HomeTab({} as HomeTabOptions, () => clock);
    const publish = vi.spyOn(tab, "publish").mockResolvedValue();
    tab.noteViewing("T1", "ULOOKING");
    tab.noteViewing("T1", "ULEFT");
    clock = 50 * 60_000;
    tab.noteViewing("T1", "ULOOKING");
    clock = 70 * 60_000;
    tab.refresh("T1", ["ULOOKING", "ULEFT", "UNEVER"], 5);
    await eventually(() => expect(publish).toHaveBeenCalledTimes(1), { timeout: 2_000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(publish.mock.calls).toEqual([["T1", "ULOOKING"]]);
  });
});
