/**
 * Messages that name a task are never a new task: staff replies, questions about a task and deadline changes, in
 * the order and words staff use. "gia hạn #3 thêm 2 ngày" moves the current deadline: the parser returns the
 * amount (dueShift) and no date.
 */
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/language/index.js";
import { command, ctxAt, local } from "./helpers.js";

describe("a message naming a task is never a new task", () => {
  it.each([
    ["dạ em nhận ạ #4", "ack", 4],
    ["ok #6", "ack", 6],
    ["vâng, #2 em làm xong rồi", "done", 2],
    ["ok #6 em làm xong rồi", "done", 6],
    ["đã xong #3 ạ", "done", 3],
    ["xong việc 6", "done", 6],
    ["việc 6 xong rồi", "done", 6],
    ["#8 is finished", "done", 8],
    ["Dạ #10 em gửi rồi ạ", "done", 10],
    ["nhận #5, em sẽ xong trước thứ 6", "ack", 5],
    ["#6 chưa xong ạ, em đang làm", "show", 6],
    ["#2 not done yet, still working on it", "show", 2],
    ["#3 chưa xong, mở lại nhé", "reopen", 3],
    ["#4 sao rồi em?", "show", 4],
    ["bỏ #7 đi", "cancel", 7],
    ["#5 mai em gửi nhé", "show", 5],
    ["giao @Lan sửa lỗi #123", "assign", 123],
  ])("%s → %s #%i", (text, name, ref) => {
    const c = command(text);
    expect(c.command).toBe(name);
    expect(c.taskRef).toBe(ref);
    expect(c.title ?? null).toBeNull();
  });
  it('keeps "số 5" and "125/UBND" in a title: a document number is not a task', () => {
    const c = command("@Lan @Minh chuẩn bị hồ sơ gói thầu số 5, hạn 20/12");
    expect(c.command).toBe("add");
    expect(c.title).toBe("chuẩn bị hồ sơ gói thầu số 5");
    expect(command("@Mai gửi công văn số 125/UBND-VP cho các phòng ban").taskRef).toBeNull();
  });
});

describe("deadline changes", () => {
  it.each([
    ["lùi deadline #2 sang thứ 5", 2, "2026-12-03 17:00 Thu"],
    ["đẩy #7 sang tuần sau giúp em", 7, "2026-12-11 17:00 Fri"],
    ["hoãn #3 đến 15/12", 3, "2026-12-15 17:00 Tue"],
    ["dời #5 sang sáng thứ 2", 5, "2026-12-07 09:00 Mon"],
    ["chị ơi cho em lùi #4 sang thứ 6 được không ạ", 4, "2026-12-04 17:00 Fri"],
    ["push #4 to Friday", 4, "2026-12-04 17:00 Fri"],
    ["move #5 to next Monday", 5, "2026-12-07 17:00 Mon"],
    ["#16 deadline mai nhé", 16, "2026-12-03 17:00 Thu"],
    ["lùi #8 sang sau Tết", 8, "2027-02-12 17:00 Fri"],
  ])("%s", (text, ref, deadline) => {
    const c = command(text);
    expect(c.command).toBe("due");
    expect(c.taskRef).toBe(ref);
    expect(c.due && local(c.due.deadline)).toBe(deadline);
  });
  it.each([
    ["gia hạn #3 thêm 2 ngày", { amount: 2, unit: "day", workingDays: false }],
    ["extend #3 by 2 days", { amount: 2, unit: "day", workingDays: false }],
    ["lùi #3 thêm 3 ngày làm việc", { amount: 3, unit: "day", workingDays: true }],
    ["push #7 back a week", { amount: 1, unit: "week", workingDays: false }],
    ["cho em xin thêm 2 ngày cho #7 ạ", { amount: 2, unit: "day", workingDays: false }],
    ["#11 cho thêm 2 tiếng nữa nhé chị", { amount: 2, unit: "hour", workingDays: false }],
    ["move #21 earlier by 1 day", { amount: -1, unit: "day", workingDays: false }],
  ])("%s moves the current deadline", (text, shift) => {
    const c = command(text);
    expect(c.command).toBe("due");
    expect(c.due).toBeNull();
    expect(c.dueShift).toEqual(shift);
  });
  it("says which deadline it did not understand", () => {
    expect(parseCommand("lùi #20 sang 31/2", ctxAt())).toMatchObject({ ok: false, error: "bad_due", command: "due" });
    expect(parseCommand("extend #4", ctxAt())).toMatchObject({ ok: false, error: "missing_due", command: "due" });
  });
});

describe("questions for a list", () => {
  it.each([
    ["còn việc nào quá hạn không?", "overdue"],
    ["anything overdue?", "overdue"],
    ["ds việc hôm nay", "today"],
    ["hôm nay có gì phải nộp", "today"],
    ["việc của mình", "mine"],
    ["what's on my plate", "mine"],
    ["những việc anh đã giao", "created"],
  ])("%s → %s", (text, filter) => {
    const c = command(text);
    expect(c.command).toBe("list");
    expect(c.filter).toBe(filter);
  });
  it("is a task as soon as a word is not a question's", () => {
    expect(command("hôm nay phải nộp báo cáo thuế").command).toBe("add");
    expect(command("việc nào của em sắp đến hạn")).toMatchObject({ command: "list", filter: "week" });
  });
  it("is never a task when it asks something of no one", () => {
    for (const text of ["Hôm nay ai trực?", "bao giờ nộp báo cáo thuế"]) {
      expect(parseCommand(text, ctxAt())).toMatchObject({ ok: false, error: "unknown_command" });
    }
  });
});
