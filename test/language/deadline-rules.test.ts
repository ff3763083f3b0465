import { describe, expect, it } from "vitest";
import { createWorkingCalendar, parseDue } from "../../src/language/index.js";
import { ctxAt, deadline, due, local } from "./helpers.js";

// now = Wednesday 2026-12-02 10:00 (Asia/Ho_Chi_Minh, UTC+7, no DST)
describe("a date without a time → that date at end-of-day", () => {
  it.each([
    ["15/12", "2026-12-15 17:00 Tue"],
    ["ngày 15 tháng 12", "2026-12-15 17:00 Tue"],
    ["20/1/2027", "2027-01-20 17:00 Wed"],
    ["1/12", "2027-12-01 17:00 Wed"], // the next one to come
    ["ngày mai", "2026-12-03 17:00 Thu"],
    ["ngay mai", "2026-12-03 17:00 Thu"],
    ["hôm nay", "2026-12-02 17:00 Wed"],
    ["tomorrow", "2026-12-03 17:00 Thu"],
    ["December 24", "2026-12-24 17:00 Thu"],
  ])("%s", (text, want) => {
    expect(deadline(text)).toBe(want);
    expect(due(text).hasTime).toBe(false);
    expect(due(text).grain).toBe("day");
  });
  it("never moves a date the person named, even a Saturday or a holiday", () => {
    expect(deadline("12/12")).toBe("2026-12-12 17:00 Sat");
    expect(deadline("1/1/2027")).toBe("2027-01-01 17:00 Fri");
  });
  it("uses the channel's end-of-day", () => {
    expect(deadline("15/12", ctxAt(undefined, undefined, { endOfDayMinutes: 17 * 60 + 30 }))).toBe(
      "2026-12-15 17:30 Tue",
    );
  });
});

describe("a time without a date → today if still ahead, else tomorrow", () => {
  it.each([
    ["17h", "2026-12-02 17:00 Wed"],
    ["17h30", "2026-12-02 17:30 Wed"],
    ["8 giờ 30", "2026-12-03 08:30 Thu"],
    ["9h", "2026-12-03 09:00 Thu"],
    ["3 giờ chiều", "2026-12-02 15:00 Wed"],
    ["5pm", "2026-12-02 17:00 Wed"],
    ["lúc 15h", "2026-12-02 15:00 Wed"],
  ])("%s", (text, want) => {
    expect(deadline(text)).toBe(want);
    expect(due(text).hasTime).toBe(true);
  });
  it("reads sáng/trưa/chiều/tối as a Vietnamese speaker means them", () => {
    expect(deadline("9h sáng mai")).toBe("2026-12-03 09:00 Thu");
    expect(deadline("trưa mai")).toBe("2026-12-03 12:00 Thu");
    expect(deadline("8 giờ tối")).toBe("2026-12-02 20:00 Wed");
    expect(deadline("3 giờ chiều ngày mai")).toBe("2026-12-03 15:00 Thu");
    expect(deadline("chiều mai")).toBe("2026-12-03 17:00 Thu");
  });
  it("reads 1–6 o'clock without am/pm as afternoon (office hours)", () => {
    expect(deadline("3h")).toBe("2026-12-02 15:00 Wed");
    expect(deadline("3am")).toBe("2026-12-03 03:00 Thu");
  });
});

describe("weekdays", () => {
  it("alone → the next occurrence", () => {
    expect(deadline("thứ 6")).toBe("2026-12-04 17:00 Fri");
    expect(deadline("thứ sáu")).toBe("2026-12-04 17:00 Fri");
    expect(deadline("thu 6")).toBe("2026-12-04 17:00 Fri");
    expect(deadline("Friday")).toBe("2026-12-04 17:00 Fri");
    expect(deadline("thứ 4")).toBe("2026-12-09 17:00 Wed"); // today is Wednesday: the next one
    expect(deadline("chủ nhật")).toBe("2026-12-06 17:00 Sun");
  });
  it("with tuần sau / tuần tới / next → that day of the next calendar week", () => {
    expect(deadline("thứ 6 tuần sau")).toBe("2026-12-11 17:00 Fri");
    expect(deadline("thu 6 tuan sau")).toBe("2026-12-11 17:00 Fri");
    expect(deadline("thứ sáu tuần tới")).toBe("2026-12-11 17:00 Fri");
    expect(deadline("next Friday")).toBe("2026-12-11 17:00 Fri");
    expect(deadline("thứ 2 tuần sau")).toBe("2026-12-07 17:00 Mon");
  });
  it("with a time", () => {
    expect(deadline("17h thứ 6 tuần sau")).toBe("2026-12-11 17:00 Fri");
    expect(deadline("thứ 6 tuần sau lúc 9h")).toBe("2026-12-11 09:00 Fri");
    expect(deadline("Friday 5pm")).toBe("2026-12-04 17:00 Fri");
  });
});

describe("periods → end-of-day on their last working day", () => {
  it.each([
    ["tuần này", "2026-12-04 17:00 Fri", "week"],
    ["this week", "2026-12-04 17:00 Fri", "week"],
    ["tuần sau", "2026-12-11 17:00 Fri", "week"],
    ["tháng này", "2026-12-31 17:00 Thu", "month"],
    ["cuối tháng", "2026-12-31 17:00 Thu", "day"],
    ["end of month", "2026-12-31 17:00 Thu", "day"],
    ["cuối tuần", "2026-12-04 17:00 Fri", "day"],
    ["end of next week", "2026-12-11 17:00 Fri", "day"],
    ["quý này", "2026-12-31 17:00 Thu", "quarter"],
    ["năm nay", "2026-12-31 17:00 Thu", "year"],
    ["trong năm 2027", "2027-12-31 17:00 Fri", "year"],
    ["tháng sau", "2027-01-29 17:00 Fri", "month"],
  ])("%s", (text, want, grain) => {
    expect(deadline(text)).toBe(want);
    expect(due(text).grain).toBe(grain);
  });
  it("skips Tết; a period with no working day at all falls on its last day", () => {
    const ctx = ctxAt("2026-02-02T09:00:00+07:00");
    expect(deadline("tháng này", ctx)).toBe("2026-02-27 17:00 Fri");
    // 16–20/2/2026 is the Tết holiday: the week has no working day.
    expect(deadline("tuần này", ctxAt("2026-02-16T09:00:00+07:00"))).toBe("2026-02-22 17:00 Sun");
  });
  it("skips a workspace's extra day off", () => {
    const calendar = createWorkingCalendar({ extraDaysOff: ["2026-12-31"] });
    expect(deadline("cuối tháng", ctxAt(undefined, undefined, { calendar }))).toBe("2026-12-30 17:00 Wed");
  });
});

describe("counts of days", () => {
  it("calendar days are never moved", () => {
    expect(deadline("trong 5 ngày")).toBe("2026-12-07 17:00 Mon");
    expect(deadline("5 ngày nữa")).toBe("2026-12-07 17:00 Mon");
    expect(deadline("in 3 days")).toBe("2026-12-05 17:00 Sat");
    expect(deadline("2 tuần nữa")).toBe("2026-12-16 17:00 Wed");
  });
  it("working days skip weekends and holidays", () => {
    expect(deadline("trong 5 ngày làm việc")).toBe("2026-12-09 17:00 Wed");
    expect(deadline("3 ngày làm việc")).toBe("2026-12-07 17:00 Mon");
    expect(deadline("3 working days")).toBe("2026-12-07 17:00 Mon");
    expect(deadline("2 ngày làm việc", ctxAt("2026-02-12T10:00:00+07:00"))).toBe("2026-02-23 17:00 Mon");
  });
  it("hours are elapsed time", () => {
    expect(deadline("in 3 hours")).toBe("2026-12-02 13:00 Wed");
    expect(deadline("trong 2 giờ")).toBe("2026-12-02 12:00 Wed");
  });
});

describe("deadline words are skipped", () => {
  it.each([
    "trước thứ 6",
    "hạn thứ 6",
    "hạn chót thứ 6",
    "deadline thứ 6",
    "by Friday",
    "due Friday",
    "đến thứ 6",
    "before Friday",
  ])("%s", (text) => expect(deadline(text)).toBe("2026-12-04 17:00 Fri"));
});

describe("time zones", () => {
  it("works in a zone with DST (America/New_York): a date across the change stays at local end-of-day", () => {
    const ctx = ctxAt("2026-03-06T10:00:00-05:00", "America/New_York");
    const d = due("next Monday", ctx);
    expect(local(d.deadline, ctx.timezone)).toBe("2026-03-09 17:00 Mon");
    expect(d.deadline.toISOString()).toBe("2026-03-09T21:00:00.000Z"); // EDT, UTC−4
    expect(due("tomorrow 9am", ctxAt("2026-11-01T00:30:00-04:00", "America/New_York")).deadline.toISOString()).toBe(
      "2026-11-02T14:00:00.000Z",
    ); // EST
  });
  it("counts hours as elapsed time across the DST change", () => {
    const ctx = ctxAt("2026-03-08T00:30:00-05:00", "America/New_York");
    expect(due("in 3 hours", ctx).deadline.toISOString()).toBe("2026-03-08T08:30:00.000Z");
    expect(local(due("in 3 hours", ctx).deadline, ctx.timezone)).toBe("2026-03-08 04:30 Sun");
  });
  it("works in a DST-free zone other than Vietnam", () => {
    const ctx = ctxAt("2026-12-02T10:00:00+09:00", "Asia/Tokyo");
    expect(due("15/12", ctx).deadline.toISOString()).toBe("2026-12-15T08:00:00.000Z");
  });
  it("converts a named zone to the channel's", () => {
    expect(deadline("4pm CET")).toBe("2026-12-02 22:00 Wed");
  });
});

describe("not a deadline", () => {
  it.each(["", "nộp báo cáo", "3 30", "Pay ABC 2000", "thứ 9", "32/13", "25"])("%s", (text) => {
    expect(parseDue(text, ctxAt())).toBeNull();
  });
});

describe("the resolution keeps the period", () => {
  it("start and grain of a week", () => {
    const d = due("tuần sau");
    expect(local(d.start)).toBe("2026-12-07 00:00 Mon");
    expect(d.grain).toBe("week");
    expect(d.text).toBe("tuần sau");
  });
});

describe("English periods and British times", () => {
  // now = Wednesday 2026-12-02 10:00
  it.each([
    ["half three", "2026-12-02 15:30 Wed", "2026-12-02 15:30 Wed", "minute"],
    ["rest of the week", "2026-12-04 17:00 Fri", "2026-12-02 00:00 Wed", "day"],
    ["all week", "2026-12-04 17:00 Fri", "2026-11-30 00:00 Mon", "day"],
    ["the week of December 16th", "2026-12-18 17:00 Fri", "2026-12-14 00:00 Mon", "week"],
  ])("%s", (text, want, start, grain) => {
    expect(deadline(text)).toBe(want);
    expect(local(due(text).start)).toBe(start);
    expect(due(text).grain).toBe(grain);
  });
  it('keeps "first week of October 2027" the first week, not the week of a day', () => {
    expect(local(due("first week of October 2027").start)).toBe("2027-10-04 00:00 Mon");
  });
});
