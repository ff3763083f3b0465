import { describe, expect, it } from "vitest";
import { createWorkingCalendar, formatDue, formatRelative } from "../../src/language/index.js";

const TZ = "Asia/Ho_Chi_Minh";
const at = (iso: string): Date => new Date(iso);

describe("formatDue", () => {
  it("says the time, the weekday and the date", () => {
    const due = { deadline: at("2026-12-11T17:00:00+07:00"), hasTime: true };
    expect(formatDue(due, "vi", TZ)).toBe("17:00 thứ Sáu 11/12/2026");
    expect(formatDue(due, "en", TZ)).toBe("17:00 Friday 11/12/2026");
  });
  it("uses the channel's zone", () => {
    const due = { deadline: at("2026-12-13T01:30:00Z"), hasTime: false };
    expect(formatDue(due, "vi", TZ)).toBe("08:30 Chủ nhật 13/12/2026");
    expect(formatDue(due, "en", "America/New_York")).toBe("20:30 Saturday 12/12/2026");
  });
});

describe("formatRelative", () => {
  const now = at("2026-12-02T10:00:00+07:00");
  it.each([
    ["2026-12-04T17:00:00+07:00", "còn 2 ngày", "2 days left"],
    ["2026-12-02T13:00:00+07:00", "hôm nay, còn 3 giờ", "today, 3 hours left"],
    ["2026-12-02T10:20:00+07:00", "còn 20 phút", "20 minutes left"],
    ["2026-12-03T17:00:00+07:00", "ngày mai", "tomorrow"],
    ["2026-12-01T10:00:00+07:00", "quá hạn 1 ngày", "1 day overdue"],
    ["2026-12-02T07:00:00+07:00", "quá hạn 3 giờ", "3 hours overdue"],
    ["2026-12-02T09:59:00+07:00", "quá hạn 1 phút", "1 minute overdue"],
  ])("%s", (deadline, vi, en) => {
    expect(formatRelative(at(deadline), now, "vi", TZ)).toBe(vi);
    expect(formatRelative(at(deadline), now, "en", TZ)).toBe(en);
  });
  it("adds working days when given a calendar", () => {
    const cal = createWorkingCalendar();
    expect(formatRelative(at("2026-12-07T17:00:00+07:00"), now, "vi", TZ, cal)).toBe("còn 5 ngày (3 ngày làm việc)");
    expect(formatRelative(at("2026-12-07T17:00:00+07:00"), now, "en", TZ, cal)).toBe("5 days left (3 working days)");
  });
});
