/**
 * How sure a parse is (ParsedCommand.doubts): empty when sure; each kind when its reason is there. The bot does not
 * act on them yet; the "ask instead of guessing" flow will.
 */
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, parseDue } from "../../src/language/index.js";
import { command, ctxAt, local } from "./helpers.js";

describe("doubts", () => {
  it("are empty when the reading is sure", () => {
    expect(command("giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau").doubts).toEqual([]);
    expect(command("dạ em nhận ạ #4").doubts).toEqual([]);
  });
  it("past_deadline: the deadline is before now", () => {
    expect(command("giao @Minh việc B trước hôm qua").doubts).toEqual([{ kind: "past_deadline" }]);
  });
  it("day_off: the deadline falls on a day the channel does not work", () => {
    expect(command("@Minh gửi hợp đồng cho khách deadline 20/12").doubts).toEqual([
      { kind: "day_off", day: "2026-12-20" },
    ]);
    const calendar = createWorkingCalendar({ extraDaysOff: ["2026-12-15"] });
    expect(command("@Minh gửi hợp đồng hạn 15/12", ctxAt(undefined, undefined, { calendar })).doubts).toEqual([
      { kind: "day_off", day: "2026-12-15" },
    ]);
  });
  it("time_word_in_title: no deadline was read but a time word stayed in the title", () => {
    expect(command("@Minh soạn tờ trình tháng 12").doubts).toEqual([{ kind: "time_word_in_title", word: "tháng 12" }]);
    // A period after a report noun names the report ("báo cáo quý"), and a rename's words are the person's own.
    expect(command("giao @Hà lập báo cáo quý").doubts).toEqual([]);
    expect(command("@Minh làm báo cáo tháng 12").doubts).toEqual([]);
    expect(command("đổi tên #1 báo cáo quý 4").doubts).toEqual([]);
    expect(command("giao @Hà lập báo cáo quý trước 15/12").doubts).toEqual([]);
  });
  it("other_reading: a change word opens a new task's title", () => {
    const c = command("đẩy lịch họp giao ban sang thứ 5 @Minh");
    expect(c.command).toBe("add");
    expect(c.doubts).toHaveLength(1);
    expect(c.doubts[0]).toMatchObject({
      kind: "other_reading",
      cue: "đẩy",
      reading: { command: "due", taskRef: null },
    });
  });
  it("other_reading: a relative period after a report may name the report rather than the deadline", () => {
    const c = command("@Lan nộp báo cáo tuần sau");
    expect(c.due && local(c.due.deadline)).toBe("2026-12-11 17:00 Fri");
    expect(c.doubts[0]).toMatchObject({
      kind: "other_reading",
      cue: "tuần sau",
      reading: { command: "add", title: "nộp báo cáo tuần sau", due: null },
    });
  });
  it("never ambiguous_name: that is for people resolution", () => {
    const all = ["@Lan nộp báo cáo", "@Lân nộp báo cáo", "@nguyen van lan nop bao cao"].flatMap(
      (text) => command(text, ctxAt(undefined, undefined, { knownNames: ["Lan", "Lân", "Nguyễn Văn Lan"] })).doubts,
    );
    expect(all.filter((d) => d.kind === "ambiguous_name")).toEqual([]);
  });
});

describe("urgency words have a defined deadline", () => {
  it("is the end of today's working day while it is ahead", () => {
    const c = command("@Lan gửi báo giá gấp");
    expect(c.due && local(c.due.deadline)).toBe("2026-12-02 17:00 Wed");
    expect(c.due?.vague).toEqual({ word: "gấp", rule: "end_of_today" });
    expect(c.doubts).toEqual([]);
  });
  it("is the end of the next working day after hours, on a weekend or a holiday", () => {
    const after = command("@Lan gửi báo giá càng sớm càng tốt", ctxAt("2026-12-02T18:30:00+07:00"));
    expect(after.due && local(after.due.deadline)).toBe("2026-12-03 17:00 Thu");
    expect(after.due?.vague).toEqual({ word: "càng sớm càng tốt", rule: "end_of_next_working_day" });
    const saturday = command("@Lan send the quote asap", ctxAt("2026-12-05T10:00:00+07:00"));
    expect(saturday.due && local(saturday.due.deadline)).toBe("2026-12-07 17:00 Mon");
    const newYear = command("gấp: @Minh in hồ sơ", ctxAt("2027-01-01T09:00:00+07:00"));
    expect(newYear.due && local(newYear.due.deadline)).toBe("2027-01-04 17:00 Mon");
  });
  it('reads "ngay" ending a task as right away', () => {
    const c = command("giao @Lan cập nhật giá ngay");
    expect(c.title).toBe("cập nhật giá");
    expect(c.due?.vague?.rule).toBe("end_of_today");
  });
  it("keeps the period's start at now, as Duckling reads asap", () => {
    const ctx = ctxAt();
    expect(parseDue("asap", ctx)?.start).toEqual(ctx.now);
  });
});
