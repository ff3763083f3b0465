import { describe, expect, it } from "vitest";
import { fold, readShortAnswer, readUndo, readWeekday, readWeekdays } from "../../src/language/index.js";

describe("short answers to the bot's questions", () => {
  it.each([
    ["1", { kind: "choice", number: 1 }],
    ["2.", { kind: "choice", number: 2 }],
    ["số 2 nhé", { kind: "choice", number: 2 }],
    ["dạ chọn 3 ạ", { kind: "choice", number: 3 }],
    ["(1)", { kind: "choice", number: 1 }],
    ["option 2 please", { kind: "choice", number: 2 }],
    ["hủy", { kind: "cancel" }],
    ["huỷ bỏ", { kind: "cancel" }],
    ["thôi", { kind: "cancel" }],
    ["cancel", { kind: "cancel" }],
    ["ok", { kind: "yes" }],
    ["đúng rồi", { kind: "yes" }],
  ])("%j", (text, expected) => {
    expect(readShortAnswer(text)).toEqual(expected);
  });

  it.each(["hủy #12", "#1", "12", "giao @Lan 1 việc", "1 2", "xong #1", "0"])("%j is no answer", (text) => {
    expect(readShortAnswer(text)).toBeNull();
  });
});

describe("undo", () => {
  it.each([
    "hoàn tác",
    "Hoàn tác!",
    "hoan tac",
    "hoàn tác lệnh vừa rồi",
    "hoàn tác giúp em nhé",
    "undo",
    "undo that please",
  ])("%j is undo", (text) => {
    expect(readUndo(text)?.command).toBe("undo");
  });
  it.each(["undo done #3", "hoàn tác #3 đi", "hoàn thành #3"])("%j is not", (text) => {
    expect(readUndo(text)).toBeNull();
  });
});

describe("weekday lists in every form", () => {
  it.each([
    ["thứ 2, thứ 3", [1, 2]],
    ["t2-t6", [1, 2, 3, 4, 5]],
    ["thứ Hai – thứ Sáu", [1, 2, 3, 4, 5]],
    ["từ thứ 2 đến thứ 7", [1, 2, 3, 4, 5, 6]],
    ["T2 - T7", [1, 2, 3, 4, 5, 6]],
    ["thứ 7 - chủ nhật", [6, 7]],
    ["cn", [7]],
    ["mon-fri", [1, 2, 3, 4, 5]],
    ["Monday to Friday", [1, 2, 3, 4, 5]],
    ["mon, wed, fri", [1, 3, 5]],
    ["tue-sat", [2, 3, 4, 5, 6]],
    // Bare numbers: with a 1 they are ISO weekdays, without one Vietnamese "thứ N".
    ["1-5", [1, 2, 3, 4, 5]],
    ["2-6", [1, 2, 3, 4, 5]],
    ["1,2,3,4,5,6", [1, 2, 3, 4, 5, 6]],
  ])("%j", (text, days) => {
    expect(readWeekdays(fold(text))).toEqual(days);
  });
  it.each(["thứ 9", "x", "t2 đến", ""])("%j is refused", (text) => {
    expect(readWeekdays(fold(text))).toBeNull();
  });
  it("reads one weekday", () => {
    expect(readWeekday(fold("thứ Sáu"))).toBe(5);
    expect(readWeekday(fold("fri"))).toBe(5);
    expect(readWeekday(fold("t2-t3"))).toBeNull();
  });
});
