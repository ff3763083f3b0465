/** applyDueShift: a task's deadline moved by an amount in the channel's zone, keeping its time of day. */
import { describe, expect, it } from "vitest";
import { applyDueShift, createWorkingCalendar } from "../../src/language/index.js";
import { local } from "./helpers.js";

const calendar = createWorkingCalendar();
const hcm = (iso: string) => new Date(`${iso}+07:00`);

describe("applyDueShift", () => {
  it("adds calendar days, weeks and months, keeping the time", () => {
    const due = hcm("2026-12-04T15:30:00");
    expect(
      local(applyDueShift(due, { amount: 2, unit: "day", workingDays: false }, "Asia/Ho_Chi_Minh", calendar)),
    ).toBe("2026-12-06 15:30 Sun");
    expect(
      local(applyDueShift(due, { amount: 1, unit: "week", workingDays: false }, "Asia/Ho_Chi_Minh", calendar)),
    ).toBe("2026-12-11 15:30 Fri");
    expect(
      local(applyDueShift(due, { amount: 1, unit: "month", workingDays: false }, "Asia/Ho_Chi_Minh", calendar)),
    ).toBe("2027-01-04 15:30 Mon");
  });
  it("counts working days on the calendar, skipping weekends and holidays", () => {
    const friday = hcm("2026-12-04T17:00:00");
    expect(
      local(applyDueShift(friday, { amount: 1, unit: "day", workingDays: true }, "Asia/Ho_Chi_Minh", calendar)),
    ).toBe("2026-12-07 17:00 Mon");
    const beforeNewYear = hcm("2026-12-31T17:00:00");
    expect(
      local(applyDueShift(beforeNewYear, { amount: 1, unit: "day", workingDays: true }, "Asia/Ho_Chi_Minh", calendar)),
    ).toBe("2027-01-04 17:00 Mon");
  });
  it("moves earlier with a negative amount, and hours as elapsed time", () => {
    const due = hcm("2026-12-04T17:00:00");
    expect(
      local(applyDueShift(due, { amount: -1, unit: "day", workingDays: false }, "Asia/Ho_Chi_Minh", calendar)),
    ).toBe("2026-12-03 17:00 Thu");
    expect(
      local(applyDueShift(due, { amount: 2, unit: "hour", workingDays: false }, "Asia/Ho_Chi_Minh", calendar)),
    ).toBe("2026-12-04 19:00 Fri");
  });
  it("keeps the wall time across a DST change", () => {
    const due = new Date("2026-03-07T17:00:00-05:00");
    const moved = applyDueShift(due, { amount: 1, unit: "day", workingDays: false }, "America/New_York", calendar);
    expect(local(moved, "America/New_York")).toBe("2026-03-08 17:00 Sun");
    expect(moved.toISOString()).toBe("2026-03-08T21:00:00.000Z");
  });
});
