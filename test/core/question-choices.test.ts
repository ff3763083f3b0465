import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/calendar/index.js";
import { choicesFor } from "../../src/core/questions/doubt-choices.js";
import { findDoubts } from "../../src/core/questions/doubts.js";
import type { ParseDoubt, ParsedCommand } from "../../src/language/index.js";
import { describeCommand, renderDoubt, renderQuestion } from "../../src/render/question.js";
import { command, due, local } from "../language/helpers.js";

/** Wednesday 2 December 2026, 10:00 in Hồ Chí Minh City (the language tests' clock). */
const now = new Date("2026-12-02T03:00:00Z");
const timezone = "Asia/Ho_Chi_Minh";
const calendar = createWorkingCalendar();
const context = { now, timezone, calendar, endOfDayMinutes: 17 * 60 };
const render = { locale: "vi" as const, timezone, calendar, mentions: [] };

const withDoubts = (parsed: ParsedCommand, doubts: ParseDoubt[]): ParsedCommand => ({ ...parsed, doubts });

describe("doubts about a command", () => {
  it("merges the parser's doubts with the deadline's, each once", () => {
    const past = command("giao @Lan nộp báo cáo trước hôm qua");
    expect(findDoubts(past, context)).toEqual([{ kind: "past_deadline" }]);
    const fromParser = withDoubts(past, [{ kind: "past_deadline" }, { kind: "time_word_in_title", word: "quý" }]);
    expect(findDoubts(fromParser, context)).toEqual([
      { kind: "past_deadline" },
      { kind: "time_word_in_title", word: "quý" },
    ]);
    expect(findDoubts(command("giao @Lan lập báo cáo trước thứ 7"), context)).toEqual([
      { kind: "day_off", day: "2026-12-05" },
    ]);
    expect(findDoubts(command("giao @Lan lập báo cáo trước thứ 6"), context)).toEqual([]);
    // A reminder's time is not a deadline: a Saturday reminder is not asked about.
    expect(findDoubts(command("nhắc #3 lúc 9h thứ 7"), context)).toEqual([]);
  });

  it("offers the other reading first when a change word sits next to a new-task reading", () => {
    // A new-task reading of a change sentence (today's parser reads the sentence itself as the change: #2 is named).
    const asAdd = { ...command("giao @Lan soạn tờ trình trước thứ 5"), title: "lùi deadline #2" };
    const change = { ...command("gia hạn #2 đến thứ 5"), doubts: [] };
    const doubts: ParseDoubt[] = [{ kind: "other_reading", cue: "lùi", reading: change }];
    const choices = choicesFor(withDoubts(asAdd, doubts), doubts, context);
    expect(choices.map((c) => c.command.command)).toEqual(["due", "add"]);
    expect(choices.every((c) => c.command.doubts.length === 0)).toBe(true);
    expect(describeCommand(choices[0]?.command as ParsedCommand, render)).toBe(
      "Đổi hạn việc #2 thành 17:00 thứ Năm 03/12/2026",
    );
    expect(renderDoubt(doubts[0] as ParseDoubt, asAdd, render)).toBe(
      '"lùi" nghe như sửa một việc đã có, không phải giao việc mới.',
    );
  });

  it("offers a time word left in the title as the deadline", () => {
    const parsed = { ...command("giao @Hà lập báo cáo tháng 12"), title: "lập báo cáo tháng 12", due: null };
    const doubts: ParseDoubt[] = [{ kind: "time_word_in_title", word: "tháng 12" }];
    const [asWritten, asDeadline] = choicesFor(withDoubts(parsed, doubts), doubts, context);
    expect(asWritten?.command.title).toBe("lập báo cáo tháng 12");
    expect(asDeadline?.command.title).toBe("lập báo cáo");
    expect(local(asDeadline?.command.due?.deadline as Date)).toBe(local(due("tháng 12").deadline));
  });

  it("moves a deadline on a day off to the working days around it, at the same time", () => {
    const parsed = command("giao @Lan kiểm kê trước 9h thứ 7");
    const choices = choicesFor(parsed, findDoubts(parsed, context), context);
    expect(choices.map((c) => [c.note, local(c.command.due?.deadline as Date)])).toEqual([
      ["as_written", "2026-12-05 09:00 Sat"],
      ["previous_working_day", "2026-12-04 09:00 Fri"],
      ["next_working_day", "2026-12-07 09:00 Mon"],
    ]);
    const text = renderQuestion(["hạn rơi vào thứ Bảy 05/12/2026."], ["một", "hai", "ba"], "vi");
    expect(text.split("\n")).toEqual([
      "🤔 Mình hỏi lại trước khi ghi: hạn rơi vào thứ Bảy 05/12/2026.",
      "1. một",
      "2. hai",
      "3. ba",
      'Bạn trả lời "1", "2" hoặc "3", hoặc "hủy", trong 10 phút nhé. Mình chưa ghi gì cả.',
    ]);
  });
});
