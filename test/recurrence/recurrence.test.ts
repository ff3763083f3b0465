import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/calendar/index.js";
import { nominalDays } from "../../src/recurrence/expand.js";
import {
  creationTime,
  describeDayOffMove,
  describeRecurrence,
  nextOccurrences,
  occurrencesIn,
  type Recurrence,
} from "../../src/recurrence/index.js";

const ZONE = "Asia/Ho_Chi_Minh";
const where = { timezone: ZONE, calendar: createWorkingCalendar() };
const local = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd HH:mm");

function rule(overrides: Partial<Recurrence>): Recurrence {
  return {
    kind: "solar",
    rrule: "FREQ=WEEKLY;BYDAY=FR",
    lunarDays: null,
    anchor: "2026-12-02",
    at: null,
    dayOff: "previous",
    skipTet: false,
    until: null,
    leadWorkingDays: null,
    text: "",
    ...overrides,
  };
}

describe("expanding a rule", () => {
  it("moves a day off to the working day before, and says which holiday it was", () => {
    const monthly = rule({ rrule: "FREQ=MONTHLY;BYMONTHDAY=1" });
    const [newYear] = occurrencesIn(monthly, "2027-01-01", "2027-01-01", where);
    expect(newYear).toMatchObject({ key: "2027-01-01", day: "2026-12-31", moved: true, holiday: "Tết Dương lịch" });
    expect(local(newYear?.deadline as Date)).toBe("2026-12-31 17:00");
  });

  it("moves to the next working day when the series says so, and leaves days off out of daily rules", () => {
    const next = rule({ rrule: "FREQ=MONTHLY;BYMONTHDAY=10", dayOff: "next" });
    expect(occurrencesIn(next, "2027-01-01", "2027-02-28", where).map((o) => o.day)).toEqual([
      "2027-01-11",
      "2027-02-12",
    ]);
    const daily = rule({ rrule: "FREQ=DAILY", dayOff: "skip" });
    expect(occurrencesIn(daily, "2026-12-04", "2026-12-08", where).map((o) => o.day)).toEqual([
      "2026-12-04",
      "2026-12-07",
      "2026-12-08",
    ]);
  });

  it("leaves the Tết break out when asked, and otherwise moves its days before it", () => {
    const weekly = rule({ rrule: "FREQ=WEEKLY;BYDAY=MO" });
    const days = (r: Recurrence) => occurrencesIn(r, "2027-02-01", "2027-02-16", where).map((o) => o.day);
    expect(days(weekly)).toEqual(["2027-02-01", "2027-02-04", "2027-02-15"]);
    expect(days({ ...weekly, skipTet: true })).toEqual(["2027-02-01", "2027-02-15"]);
  });

  it("walks lunar months, the leap month included (2025 had a leap 6th month)", () => {
    const firsts = rule({ kind: "lunar", rrule: null, lunarDays: [1] });
    expect(nominalDays(firsts, "2025-06-01", "2025-08-31")).toEqual(["2025-06-25", "2025-07-25", "2025-08-23"]);
  });

  it("ends with its until date, and uses the month's last day for the 31st in short months", () => {
    const ending = rule({ rrule: "FREQ=WEEKLY;BYDAY=FR", until: "2026-12-11" });
    expect(nextOccurrences(ending, new Date("2026-12-02T03:00:00Z"), 3, where).map((o) => o.key)).toEqual([
      "2026-12-04",
      "2026-12-11",
    ]);
    const thirtyFirst = rule({ rrule: "FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1", dayOff: "skip" });
    expect(nominalDays(thirtyFirst, "2027-01-01", "2027-04-30")).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
    ]);
  });
});

describe("when an occurrence is made", () => {
  const occurrence = (r: Recurrence, day: string) => occurrencesIn(r, day, day, where)[0] as never;
  it("at the start of its period: Monday 08:00 for a Friday, the 1st for the 25th, midnight for a daily rule", () => {
    const friday = rule({ at: 16 * 60 });
    expect(local(creationTime(occurrence(friday, "2026-12-11"), friday, where))).toBe("2026-12-07 08:00");
    const monthly = rule({ rrule: "FREQ=MONTHLY;BYMONTHDAY=25" });
    expect(local(creationTime(occurrence(monthly, "2027-01-25"), monthly, where))).toBe("2027-01-01 08:00");
    const daily = rule({ rrule: "FREQ=DAILY", dayOff: "skip", at: 9 * 60 });
    expect(local(creationTime(occurrence(daily, "2026-12-08"), daily, where))).toBe("2026-12-08 00:00");
  });

  it("3 working days before a deadline early in its period, or as many as the series says", () => {
    const monday = rule({ rrule: "FREQ=WEEKLY;BYDAY=MO", at: 9 * 60 });
    expect(local(creationTime(occurrence(monday, "2026-12-14"), monday, where))).toBe("2026-12-09 08:00");
    const lead = { ...monday, leadWorkingDays: 1 };
    expect(local(creationTime(occurrence(lead, "2026-12-14"), lead, where))).toBe("2026-12-11 08:00");
  });
});

describe("a rule in words", () => {
  it("says it in Vietnamese and English", () => {
    const r = rule({ rrule: "FREQ=WEEKLY;BYDAY=MO,TH", at: 9 * 60 });
    expect(describeRecurrence(r, "vi")).toBe("09:00 thứ Hai và thứ Năm hằng tuần");
    expect(describeRecurrence(r, "en")).toBe("every Monday and Thursday at 09:00");
    const lunar = rule({ kind: "lunar", rrule: null, lunarDays: [1, 15], until: "2027-06-30" });
    expect(describeRecurrence(lunar, "vi")).toBe("17:00 mùng 1 và rằm âm lịch hằng tháng, đến hết 30/06/2027");
    expect(describeRecurrence(lunar, "en")).toBe("on the 1st and 15th of every lunar month at 17:00, until 30/06/2027");
    const quarterly = rule({ rrule: "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10" });
    expect(describeRecurrence(quarterly, "vi")).toBe("17:00 ngày 10 tháng đầu mỗi quý");
    expect(describeDayOffMove({ ...r, dayOff: "next", skipTet: true }, "vi")).toBe(
      "gặp ngày nghỉ thì dời sang ngày làm việc kế tiếp; nghỉ Tết thì bỏ",
    );
  });
});
