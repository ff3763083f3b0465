import { describe, expect, it } from "vitest";
import { createWorkingCalendar, lunarToSolar, tetDate, vietnamHolidays } from "../../src/calendar/index.js";

describe("Vietnamese lunar calendar (UTC+7)", () => {
  it("puts Tết where Vietnam celebrates it, also in years the Chinese calendar differs", () => {
    expect(tetDate(1985)).toEqual([21, 1, 1985]);
    expect(tetDate(1985, 8)).toEqual([20, 2, 1985]); // Chinese (UTC+8) reading, for contrast
    expect(tetDate(2007)).toEqual([17, 2, 2007]);
    expect(tetDate(2007, 8)).toEqual([18, 2, 2007]);
    expect(tetDate(2025)).toEqual([29, 1, 2025]);
    expect(tetDate(2026)).toEqual([17, 2, 2026]);
    expect(tetDate(2027)).toEqual([6, 2, 2027]);
  });
  it("finds Giỗ Tổ Hùng Vương (10/3 lunar)", () => {
    expect(lunarToSolar(10, 3, 2024)).toEqual([18, 4, 2024]);
    expect(lunarToSolar(10, 3, 2025)).toEqual([7, 4, 2025]);
    expect(lunarToSolar(10, 3, 2026)).toEqual([26, 4, 2026]);
  });
  it("handles leap months (2023 has a leap month 2)", () => {
    expect(lunarToSolar(1, 2, 2023, true)).toEqual([22, 3, 2023]);
    expect(lunarToSolar(1, 3, 2023, true)).toBeNull();
  });
});

describe("public holidays", () => {
  it("lists 2026's holidays with a five-day Tết from 30 Tết to mùng 4", () => {
    const dates = vietnamHolidays(2026).map((h) => h.date);
    expect(dates).toEqual([
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-26",
      "2026-04-30",
      "2026-05-01",
      "2026-09-01",
      "2026-09-02",
    ]);
  });
  it("takes 3/9 as National Day's extra day when 2/9 is a Monday or Thursday", () => {
    expect(vietnamHolidays(2024).map((h) => h.date)).toContain("2024-09-03"); // Monday 2/9
    expect(vietnamHolidays(2027).map((h) => h.date)).toContain("2027-09-03"); // Thursday 2/9
    expect(vietnamHolidays(2025).map((h) => h.date)).toContain("2025-09-01"); // Tuesday 2/9
  });
  it("counts Tết's eve in the year it falls in", () => {
    expect(vietnamHolidays(2025).map((h) => h.date)).toContain("2025-01-28");
  });
});

describe("working calendar", () => {
  const cal = createWorkingCalendar();
  it("skips weekends and holidays", () => {
    expect(cal.isWorkingDay("2026-12-11")).toBe(true); // Friday
    expect(cal.isWorkingDay("2026-12-12")).toBe(false); // Saturday
    expect(cal.isWorkingDay("2026-04-30")).toBe(false);
    expect(cal.holidayName("2026-02-17", "vi")).toBe("Tết Nguyên đán (mùng 1)");
    expect(cal.holidayName("2026-02-17", "en")).toBe("Lunar New Year (day 1)");
    expect(cal.holidayName("2026-02-10", "en")).toBeNull();
  });
  it("compensates a holiday that falls on a weekend (nghỉ bù)", () => {
    // Giỗ Tổ 2026 is a Sunday → Monday 27/4 is off.
    expect(cal.isWorkingDay("2026-04-27")).toBe(false);
    expect(cal.holidayName("2026-04-27", "vi")).toContain("Nghỉ bù");
  });
  it("adds working days across Tết", () => {
    expect(cal.addWorkingDays("2026-02-13", 1)).toBe("2026-02-23");
    expect(cal.addWorkingDays("2026-12-11", 1)).toBe("2026-12-14");
    expect(cal.addWorkingDays("2026-12-14", -1)).toBe("2026-12-11");
    expect(cal.nextWorkingDay("2026-04-29")).toBe("2026-05-04");
    expect(cal.lastWorkingDayInRange("2026-02-14", "2026-02-22")).toBeNull();
    expect(cal.lastWorkingDayInRange("2026-12-01", "2026-12-31")).toBe("2026-12-31");
  });
  it("honours workspace days off, extra working days and working weekdays", () => {
    const custom = createWorkingCalendar({
      workingDays: [1, 2, 3, 4, 5, 6],
      extraDaysOff: ["2026-12-24"],
      extraWorkingDays: ["2026-02-16"],
    });
    expect(custom.isWorkingDay("2026-12-12")).toBe(true);
    expect(custom.isWorkingDay("2026-12-24")).toBe(false);
    expect(custom.holidayName("2026-12-24", "en")).toBe("Workspace day off");
    expect(custom.isWorkingDay("2026-02-16")).toBe(true);
  });
  it("rejects bad options early", () => {
    expect(() => createWorkingCalendar({ workingDays: [0] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ extraDaysOff: ["24/12/2026"] })).toThrow(RangeError);
  });
});
