/**
 * The work of one message is bounded (issue 13): only its first 2,000 characters are read for the command, the
 * people and the deadline, and the deadline search spends at most WORK_LIMIT steps. Measured in steps and by what
 * is read, never in wall time (bench:language times it).
 */
import { describe, expect, it } from "vitest";
import { costlyMessages } from "../../bench/language-speed.js";
import { HEAD_LIMIT, WORK_LIMIT, workDone } from "../../src/language/bounds.js";
import { parseCommand } from "../../src/language/index.js";
import { ctxAt } from "./helpers.js";

const ctx = ctxAt(undefined, undefined, { knownNames: ["Lan", "Nguyễn Văn Lan"] });

function stepsOf(text: string): number {
  parseCommand(text, ctx);
  return workDone();
}

describe("bounded work", () => {
  it.each(costlyMessages())(
    "%s: within the step limit, and no more steps than its first 4,000 characters",
    (_, text) => {
      const steps = stepsOf(text);
      expect(steps).toBeLessThanOrEqual(WORK_LIMIT);
      expect(steps).toBe(stepsOf(text.slice(0, 2 * HEAD_LIMIT)));
    },
  );
  it("costs the same for a message twice or twenty times as long", () => {
    const unit = "giao @Lan nộp báo cáo trước 17h thứ 6 tuần sau nhé, ";
    const short = unit.repeat(Math.ceil((2 * HEAD_LIMIT) / unit.length));
    expect(stepsOf(unit.repeat(800))).toBe(stepsOf(short));
  });
  it("reads no command or deadline past the first 2,000 characters, but keeps the rest as title text", () => {
    const filler = "chuẩn bị tài liệu ".repeat(Math.ceil(HEAD_LIMIT / 18));
    const late = parseCommand(`giao @Lan ${filler} trước thứ 6`, ctx);
    expect(late.ok && late.command.due).toBeNull();
    expect(late.ok && late.command.title?.endsWith("trước thứ 6")).toBe(true);
    const ref = parseCommand(`${"x ".repeat(HEAD_LIMIT)}xong #5`, ctx);
    expect(ref.ok && ref.command.command === "done").toBe(false);
  });
  it("spends a few hundred steps at most on an ordinary message", () => {
    for (const text of ["giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau nhé", "lùi deadline #2 sang thứ 5"]) {
      expect(stepsOf(text)).toBeLessThan(300);
    }
  });
});
