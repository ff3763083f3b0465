/**
 * Properties over generated messages built from the words staff use (commands, fillers, deadline words, names,
 * task numbers, noise): the parser never throws, stays within its work limit, and a message that names a task
 * (#N) is never read as a new task.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WORK_LIMIT, workDone } from "../../src/language/bounds.js";
import { parseCommand } from "../../src/language/index.js";
import { ctxAt } from "./helpers.js";

const WORDS = `giao nhờ phiền giúp giùm chị em anh mình ạ nhé nha với ơi dạ vâng ok xong hoàn thành nhận hủy mở lại
gia hạn lùi đẩy hoãn dời sang đến trước hạn deadline by before to push move extend thêm ngày tuần tháng quý năm
sau tới này nay mai hôm thứ 2 6 7 chủ nhật 17h 9h30 sáng chiều tối trưa 15/12 31/2 rằm mùng Tết âm lịch gấp asap
báo cáo kế hoạch tổng kết giao ban họp nộp gửi soạn việc số của tôi ds quá hạn overdue today my tasks report the
Friday next week end of month @Lan @Nguyễn Văn @Phạm Thị Thu Hà Lan Hà , : ? !`.split(/\s+/);

const message = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 40 });
const ctx = ctxAt(undefined, undefined, { knownNames: ["Lan", "Nguyễn Văn Lan", "Hà"] });

describe("parser properties", () => {
  it("never throws and stays within its work limit", () => {
    fc.assert(
      fc.property(message, (words) => {
        const result = parseCommand(words.join(" "), ctx);
        expect(workDone()).toBeLessThanOrEqual(WORK_LIMIT);
        return result.ok ? typeof result.command.title !== "undefined" : result.error.length > 0;
      }),
      { numRuns: 400, seed: 13 },
    );
  });
  it("never reads a message that names a task as a new task", () => {
    fc.assert(
      fc.property(message, fc.integer({ min: 1, max: 999 }), fc.nat(40), (words, n, at) => {
        const text = [...words.slice(0, at), `#${n}`, ...words.slice(at)].join(" ");
        const result = parseCommand(text, ctx);
        return !result.ok || (result.command.command !== "add" && result.command.taskRef !== null);
      }),
      { numRuns: 400, seed: 17 },
    );
  });
});
