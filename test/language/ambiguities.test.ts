/**
 * Words that fold alike: unaccented "sang" is both "sáng" (morning) and "sang" (to,
 * a deadline word), and "thu 9" is a mistyped "thứ 9", never Thursday at 9.
 */
import { describe, expect, it } from "vitest";
import { parseCommand, parseDue } from "../../src/language/index.js";
import { command, ctxAt, deadline, local } from "./helpers.js";

// now = Wednesday 2026-12-02 10:00 (Asia/Ho_Chi_Minh)
describe('"sang" without its accent', () => {
  it.each([
    ["9h sang mai", "2026-12-03 09:00 Thu"],
    ["8 gio sang", "2026-12-03 08:00 Thu"],
    ["8 gio 30 sang thu 6", "2026-12-04 08:30 Fri"],
    ["9h sáng mai", "2026-12-03 09:00 Thu"],
  ])("after a time is the morning: %s", (text, want) => {
    expect(deadline(text)).toBe(want);
  });
  it.each([
    ["nop bao cao 9h sang mai", "nop bao cao", "2026-12-03 09:00 Thu"],
    ["giao @Lan nop bao cao 8 gio sang", "nop bao cao", "2026-12-03 08:00 Thu"],
    ["giao @Lan nop bao cao 10h30 sang thu 6", "nop bao cao", "2026-12-04 10:30 Fri"],
  ])("after a time in a sentence is the morning: %s", (text, title, want) => {
    const c = command(text);
    expect(c.title).toBe(title);
    expect(c.due && local(c.due.deadline)).toBe(want);
  });
  it.each([
    ["doi han #3 sang thu 6", "2026-12-04 17:00 Fri"],
    ["dời hạn #3 sang thứ 6", "2026-12-04 17:00 Fri"],
    ["gia han #3 sang 15/12", "2026-12-15 17:00 Tue"],
    ["doi han #3 sang 9h sang mai", "2026-12-03 09:00 Thu"],
  ])("introducing a due after a task number means to: %s", (text, want) => {
    const c = command(text);
    expect(c.command).toBe("due");
    expect(c.taskRef).toBe(3);
    expect(c.due && local(c.due.deadline)).toBe(want);
    expect(c.due?.hasTime).toBe(/9h/.test(text));
  });
});

describe('"thứ 9" is a polite bad_due, with or without accent', () => {
  it.each(["thứ 9", "thu 9", "thu 8", "thu 9 tuan sau"])("parseDue(%s) is null", (text) => {
    expect(parseDue(text, ctxAt())).toBeNull();
  });
  it.each([
    ["gia han #12 den thu 9", "due", "den thu 9"],
    ["doi han #12 thu 9", "due", "thu 9"],
    ["giao @Lan viet bao cao truoc thu 9", "add", "thu 9"],
    ["giao @Lan viết báo cáo trước thứ 9", "add", "thứ 9"],
    ["giao @Lan viet bao cao thu 9 tuan sau", "add", "thu 9 tuan sau"],
    ["thu 9", "add", "thu 9"],
  ])("%s", (text, cmd, fragment) => {
    const r = parseCommand(text, ctxAt());
    expect(r).toMatchObject({ ok: false, error: "bad_due", command: cmd, fragment });
  });
  it('keeps "lần thứ 9" in a title and Thursday at 9 with am/pm', () => {
    expect(command("giao @Lan họp lần thứ 9 trước thứ 6").title).toBe("họp lần thứ 9");
    expect(deadline("thu 9am")).toBe("2026-12-03 09:00 Thu");
  });
});
