/**
 * Lunar dates and the Tết break as deadlines name them (src/calendar/lunar-dates.ts), and the same phrases through
 * the parser. Reference dates: Tết Trung Thu 2025 on 6/10/2025, the leap 6th month of 2025 from 25/7/2025, Tết
 * 2027 on Saturday 6/2/2027 with its break (and nghỉ bù) from 5/2 to 11/2.
 */
import { describe, expect, it } from "vitest";
import {
  createWorkingCalendar,
  lunarDateOf,
  lunarToSolar,
  nextLunarDay,
  solarToLunar,
  tetBreak,
  tetDeadline,
} from "../../src/calendar/index.js";
import { parseDue } from "../../src/language/index.js";
import { ctxAt, local } from "../language/helpers.js";

describe("solar to lunar", () => {
  it("reads known days, leap months included", () => {
    expect(solarToLunar(17, 2, 2026)).toEqual({ day: 1, month: 1, year: 2026, leap: false });
    expect(solarToLunar(6, 10, 2025)).toEqual({ day: 15, month: 8, year: 2025, leap: false });
    expect(solarToLunar(25, 7, 2025)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarDateOf("2026-12-02")).toEqual({ day: 24, month: 10, year: 2026, leap: false });
  });
  it("is the inverse of lunarToSolar from 1990 to 2060", () => {
    for (let year = 1990; year <= 2060; year++) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15, 29]) {
          const solar = lunarToSolar(day, month, year);
          if (!solar) continue;
          const lunar = solarToLunar(...solar);
          if (lunar.day === day) expect([lunar.month, lunar.year, lunar.leap]).toEqual([month, year, false]);
        }
      }
    }
  });
});

describe("the next lunar day", () => {
  it("of any month, of a given month, or of this/next lunar month", () => {
    expect(nextLunarDay("2026-12-02", 15, null)).toBe("2026-12-23"); // rằm: the 15th of the 11th month
    expect(nextLunarDay("2026-12-02", 1, null, 1)).toBe("2026-12-09"); // mùng 1 tháng sau
    expect(nextLunarDay("2026-12-02", 15, 1)).toBe("2027-02-20"); // rằm tháng Giêng
    expect(nextLunarDay("2026-12-02", 15, 8)).toBe("2027-09-15"); // 15/8 âm lịch: 2026's is past
    expect(nextLunarDay("2026-12-02", 15, null, 0)).toBe("2026-11-23"); // rằm tháng này, already past
  });
  it("does not exist for a 30th in a month of 29 days", () => {
    // The 12th month of 2026 (8/1/2027 – 5/2/2027) has 29 days.
    expect(nextLunarDay("2027-01-10", 30, 12)).toBeNull();
  });
});

describe("the Tết break", () => {
  const calendar = createWorkingCalendar();
  it("runs over the days off around mùng 1, compensation days included", () => {
    expect(tetBreak(2027, calendar)).toEqual({ firstDayOff: "2027-02-05", lastDayOff: "2027-02-11" });
    expect(tetDeadline("2026-12-02", "before", calendar)).toBe("2027-02-04");
    expect(tetDeadline("2026-12-02", "after", calendar)).toBe("2027-02-12");
  });
  it("follows the days a workspace adds to it, and moves on to next year's once it has passed", () => {
    const longer = createWorkingCalendar({ extraDaysOff: ["2027-02-03", "2027-02-04", "2027-02-12"] });
    expect(tetDeadline("2026-12-02", "before", longer)).toBe("2027-02-02");
    expect(tetDeadline("2026-12-02", "after", longer)).toBe("2027-02-15");
    expect(tetDeadline("2027-02-08", "before", calendar) > "2028-01-01").toBe(true);
    expect(tetDeadline("2027-02-08", "after", calendar)).toBe("2027-02-12");
  });
});

describe("lunar and Tết phrases as deadlines", () => {
  it.each([
    ["trước Tết", "2027-02-04 17:00 Thu"],
    ["sau Tết", "2027-02-12 17:00 Fri"],
    ["ra Tết", "2027-02-12 17:00 Fri"],
    ["before Tet", "2027-02-04 17:00 Thu"],
    ["mùng 3 Tết", "2027-02-08 17:00 Mon"],
    ["30 Tết", "2027-02-05 17:00 Fri"],
    ["rằm", "2026-12-23 17:00 Wed"],
    ["rằm tháng Giêng", "2027-02-20 17:00 Sat"],
    ["mùng 1 tháng sau", "2026-12-09 17:00 Wed"],
    ["15/8 âm lịch", "2027-09-15 17:00 Wed"],
    ["15/8 âm", "2027-09-15 17:00 Wed"],
    ["23 tháng Chạp", "2027-01-30 17:00 Sat"],
    ["ngày 10/3 âm lịch", "2027-04-16 17:00 Fri"],
    ["9h sáng rằm tháng sau", "2026-12-23 09:00 Wed"],
  ])("%s", (text, want) => {
    const due = parseDue(text, ctxAt());
    expect(due && local(due.deadline)).toBe(want);
  });
  it('keeps "mồng 2 tháng 9" solar, as Duckling does, and "RAM" memory', () => {
    expect(local(parseDue("mồng 2 tháng 9", ctxAt())?.deadline ?? new Date(0))).toBe("2027-09-02 17:00 Thu");
    expect(parseDue("RAM", ctxAt())).toBeNull();
  });
});
