import { describe, expect, it } from "vitest";
import { parseSettingValue, parseTimeOfDay, parseWorkingDays } from "../../src/services/settings-values.js";

describe("settings values", () => {
  it("reads times of day", () => {
    expect(parseTimeOfDay("17:30")).toBe(1050);
    expect(parseTimeOfDay("17h")).toBe(1020);
    expect(parseTimeOfDay("5pm")).toBe(1020);
    expect(parseTimeOfDay("25:00")).toBeNull();
  });

  it("reads working days in Vietnamese, English and ISO numbering", () => {
    expect(parseWorkingDays("t2-t6")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDays("t2-t7")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseWorkingDays("mon-fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDays("1,2,3,4,5")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkingDays("thứ hai")).toEqual([1]);
    expect(parseWorkingDays("thứ 2, thứ 3")).toEqual([1, 2]);
    expect(parseWorkingDays("2,3,4,5,6")).toEqual([2, 3, 4, 5, 6]); // the parser's ISO form, never re-read
    expect(parseWorkingDays("thứ chín")).toBeNull();
  });

  it("turns each key into a change, or the right form", () => {
    expect(parseSettingValue("language", "en", "vi")).toEqual({ kind: "patch", patch: { locale: "en" } });
    expect(parseSettingValue("timezone", "Asia/Bangkok", "vi")).toEqual({
      kind: "patch",
      patch: { timezone: "Asia/Bangkok" },
    });
    expect(parseSettingValue("timezone", "Hà Nội", "vi").kind).toBe("invalid");
    expect(parseSettingValue("summary", "off", "vi")).toEqual({ kind: "patch", patch: { summaryEnabled: false } });
    expect(parseSettingValue("summary", "8:30 t2", "vi")).toEqual({
      kind: "patch",
      patch: { summaryEnabled: true, summaryCron: "30 8 * * 1" },
    });
    expect(parseSettingValue("pings", "off", "vi")).toEqual({
      kind: "patch",
      patch: { pingPolicy: { enabled: false } },
    });
    expect(parseSettingValue("manager", "-Lan", "vi")).toEqual({ kind: "managers", mode: "remove" });
    expect(parseSettingValue("manager", "+Lan", "vi")).toEqual({ kind: "managers", mode: "add" });
    expect(parseSettingValue("dayoff", "2026-12-24", "vi")).toEqual({
      kind: "dayoff",
      from: "2026-12-24",
      to: "2026-12-24",
      isWorkingDay: false,
      remove: false,
    });
    expect(parseSettingValue("dayoff", "-2027-01-01..2027-01-03 lam bu", "vi")).toEqual({
      kind: "dayoff",
      from: "2027-01-01",
      to: "2027-01-03",
      isWorkingDay: true,
      remove: true,
    });
    expect(parseSettingValue("dayoff", "2027-02-30", "vi").kind).toBe("invalid");
    expect(parseSettingValue("endofday", "abc", "en")).toEqual({
      kind: "invalid",
      example: `"settings endofday 17:30"`,
    });
  });
});
