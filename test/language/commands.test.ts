import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/language/index.js";
import { command, ctxAt, local } from "./helpers.js";

describe("add", () => {
  it.each([
    ["/task add Viết báo cáo @Lan @Minh thứ 6 tuần sau", "Viết báo cáo", ["Lan", "Minh"], "2026-12-11 17:00 Fri"],
    ["/viec them Nộp hồ sơ @Lan 15/12", "Nộp hồ sơ", ["Lan"], "2026-12-15 17:00 Tue"],
    ["/việc thêm Họp giao ban trước 9h sáng mai", "Họp giao ban", [], "2026-12-03 09:00 Thu"],
    [
      "giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau",
      "nộp báo cáo quy hoạch",
      ["Lan"],
      "2026-12-11 17:00 Fri",
    ],
    ["giao việc cho @Lan: chuẩn bị slide hạn chót cuối tháng", "chuẩn bị slide", ["Lan"], "2026-12-31 17:00 Thu"],
    ["tạo việc kiểm tra hợp đồng trong 5 ngày làm việc", "kiểm tra hợp đồng", [], "2026-12-09 17:00 Wed"],
    ["assign @Lan write report by Friday 5pm", "write report", ["Lan"], "2026-12-04 17:00 Fri"],
    ["@Lan: prepare slides due tomorrow", "prepare slides", ["Lan"], "2026-12-03 17:00 Thu"],
    ["giao @Lan nop bao cao truoc thu 6 tuan sau", "nop bao cao", ["Lan"], "2026-12-11 17:00 Fri"],
    ["@Minh gửi hợp đồng cho khách deadline 20/12", "gửi hợp đồng cho khách", ["Minh"], "2026-12-20 17:00 Sun"],
    ["/task add Review the budget @Lan next friday", "Review the budget", ["Lan"], "2026-12-11 17:00 Fri"],
  ])("%s", (text, title, assignees, deadline) => {
    const c = command(text);
    expect(c.command).toBe("add");
    expect(c.title).toBe(title);
    expect(c.assignees).toEqual(assignees);
    expect(c.due && local(c.due.deadline)).toBe(deadline);
  });
  it("adds without a deadline", () => {
    const c = command("/task add Dọn kho @Lan");
    expect(c.title).toBe("Dọn kho");
    expect(c.due).toBeNull();
  });
  it("keeps diacritics exactly as typed, and mentions of known multi-word names", () => {
    const c = command(
      "giao @Nguyễn Văn Lan soạn thảo Quyết định số 12 trước thứ 6",
      ctxAt(undefined, undefined, { knownNames: ["Nguyễn Văn Lan"] }),
    );
    expect(c.assignees).toEqual(["Nguyễn Văn Lan"]);
    expect(c.title).toBe("soạn thảo Quyết định số 12");
  });
  it("reports the locale", () => {
    expect(command("giao @Lan nộp báo cáo").locale).toBe("vi");
    expect(command("assign @Lan write report").locale).toBe("en");
    expect(command("giao @Lan nop bao cao").locale).toBe("vi");
  });
});

describe("list", () => {
  it.each([
    ["việc của tôi", "mine"],
    ["viec cua toi", "mine"],
    ["my tasks", "mine"],
    ["việc của @Lan", "assignee"],
    ["tasks of @Lan", "assignee"],
    ["quá hạn", "overdue"],
    ["qua han", "overdue"],
    ["overdue", "overdue"],
    ["hôm nay", "today"],
    ["due today", "today"],
    ["tuần này", "week"],
    ["this week", "week"],
    ["đã xong", "done"],
    ["danh sách", "open"],
    ["list", "open"],
    ["tất cả", "open"],
    ["việc tôi giao", "created"],
    ["tasks I assigned", "created"],
    ["/task list", "open"],
    ["/viec danh sach", "open"],
  ])("%s → %s", (text, filter) => {
    const c = command(text);
    expect(c.command).toBe("list");
    expect(c.filter).toBe(filter);
  });
  it("names the person for the assignee filter", () => {
    expect(command("việc của @Lan").assignees).toEqual(["Lan"]);
  });
});

describe("commands on one task", () => {
  it.each([
    ["#12", "show"],
    ["xem #12", "show"],
    ["show #12", "show"],
    ["việc 12", "show"],
    ["xong #12", "done"],
    ["hoàn thành #12", "done"],
    ["done #12", "done"],
    ["xong việc 12", "done"],
    ["hoàn thành số 12", "done"],
    ["task 12 done", "done"],
    ["#12 xong", "done"],
    ["/task done #12", "done"],
    ["mở lại #12", "reopen"],
    ["mo lai #12", "reopen"],
    ["reopen #12", "reopen"],
    ["hủy #12", "cancel"],
    ["huỷ #12", "cancel"],
    ["huy #12", "cancel"],
    ["cancel #12", "cancel"],
    ["nhận việc #12", "ack"],
    ["đã nhận #12", "ack"],
    ["got it #12", "ack"],
    ["ack #12", "ack"],
  ])("%s → %s", (text, name) => {
    const c = command(text);
    expect(c.command).toBe(name);
    expect(c.taskRef).toBe(12);
  });
});

describe("due and remind", () => {
  it.each([
    ["gia hạn #12 đến thứ 6", "due", "2026-12-04 17:00 Fri"],
    ["dời hạn #12 sang 20/12", "due", "2026-12-20 17:00 Sun"],
    ["doi han #12 sang 20/12", "due", "2026-12-20 17:00 Sun"],
    ["due #12 friday", "due", "2026-12-04 17:00 Fri"],
    ["nhắc #12 lúc 15h", "remind", "2026-12-02 15:00 Wed"],
    ["remind #12 tomorrow 9am", "remind", "2026-12-03 09:00 Thu"],
  ])("%s", (text, name, deadline) => {
    const c = command(text);
    expect(c.command).toBe(name);
    expect(c.taskRef).toBe(12);
    expect(c.due && local(c.due.deadline)).toBe(deadline);
  });
});

describe("assign and edit", () => {
  it.each([
    ["giao lại #12 cho @Minh", "replace"],
    ["reassign #12 to @Minh", "replace"],
    ["assign #12 to @Minh", "replace"],
    ["thêm @Minh vào #12", "add"],
    ["add @Minh to #12", "add"],
    ["bỏ @Minh khỏi #12", "remove"],
    ["remove @Minh from #12", "remove"],
  ])("%s → %s", (text, mode) => {
    const c = command(text);
    expect(c.command).toBe("assign");
    expect(c.assignMode).toBe(mode);
    expect(c.assignees).toEqual(["Minh"]);
    expect(c.taskRef).toBe(12);
  });
  it("renames", () => {
    expect(command("đổi tên #12 thành Báo cáo quý IV").title).toBe("Báo cáo quý IV");
    expect(command("rename #12 Quarterly report").title).toBe("Quarterly report");
    expect(command("rename #12 to Quarterly report").title).toBe("Quarterly report");
  });
});

describe("status, summary, export, help", () => {
  it.each([
    ["thống kê", "status"],
    ["tình hình", "status"],
    ["status", "status"],
    ["thong ke", "status"],
    ["tổng kết tuần", "summary"],
    ["báo cáo tuần", "summary"],
    ["summary", "summary"],
    ["xuất báo cáo xlsx", "export"],
    ["export csv", "export"],
    ["giúp", "help"],
    ["trợ giúp", "help"],
    ["hướng dẫn", "help"],
    ["help", "help"],
  ])("%s → %s", (text, name) => expect(command(text).command).toBe(name));
  it("keeps the person of a status, the export format and the help topic", () => {
    expect(command("status @Lan").assignees).toEqual(["Lan"]);
    expect(command("export csv").exportFormat).toBe("csv");
    expect(command("xuất báo cáo xlsx").exportFormat).toBe("xlsx");
    expect(command("help add").helpTopic).toBe("add");
    expect(command("giúp giao").helpTopic).toBe("add");
    expect(command("help").helpTopic).toBeNull();
  });
  it.each([
    ["xuất báo cáo xlsx kèm việc đã hủy", true],
    ["xuất csv gồm cả các việc bị hủy", true],
    ["export csv with cancelled tasks", true],
    ["export xlsx including cancelled", true],
    ["xuất báo cáo xlsx", undefined],
    ["export csv", undefined],
  ])("%s lists cancelled tasks: %s", (text, wanted) => {
    expect(command(text).command).toBe("export");
    expect(command(text).exportWithCancelled).toBe(wanted);
  });
  it("reads the same words after the roll-up's export", () => {
    expect(command("xuất báo cáo tổng hợp xlsx kèm việc đã hủy").org).toEqual({
      action: "export",
      format: "xlsx",
      withCancelled: true,
    });
    expect(command("export units csv with cancelled").org).toEqual({
      action: "export",
      format: "csv",
      withCancelled: true,
    });
    expect(command("xuất báo cáo tổng hợp csv").org).toEqual({ action: "export", format: "csv" });
  });
});

describe("settings", () => {
  it.each([
    ["cài đặt ngôn ngữ en", "language", "en"],
    ["settings language vi", "language", "vi"],
    ["cài đặt múi giờ Asia/Bangkok", "timezone", "Asia/Bangkok"],
    ["settings timezone America/New_York", "timezone", "America/New_York"],
    ["giờ kết thúc 17:30", "endofday", "17:30"],
    ["end of day 17:30", "endofday", "17:30"],
    ["cài đặt giờ kết thúc 17h30", "endofday", "17:30"],
    ["thêm quản lý @Lan", "manager", "+Lan"],
    ["add manager @Lan", "manager", "+Lan"],
    ["bỏ quản lý @Lan", "manager", "-Lan"],
    ["remove manager @Lan", "manager", "-Lan"],
    ["cài đặt ngày làm việc t2-t7", "workdays", "1,2,3,4,5,6"],
    ["settings workdays mon-fri", "workdays", "1,2,3,4,5"],
    ["cài đặt tổng kết tắt", "summary", "off"],
    ["settings summary on", "summary", "on"],
    ["settings pings off", "pings", "off"],
    ["ngày nghỉ 24/12", "dayoff", "2026-12-24"],
    ["settings day off 24/12", "dayoff", "2026-12-24"],
    ["cài đặt", "show", null],
    ["settings", "show", null],
  ])("%s", (text, key, value) => {
    const c = command(text);
    expect(c.command).toBe("settings");
    expect(c.settings).toEqual({ key, value });
  });
});

describe("errors say what was not understood", () => {
  const ctx = ctxAt();
  it.each([
    ["", "empty", undefined, undefined],
    ["   ", "empty", undefined, undefined],
    ["blah blah", "unknown_command", undefined, "blah"],
    ["xong", "missing_task_ref", "done", undefined],
    ["done", "missing_task_ref", "done", undefined],
    ["gia hạn #12", "missing_due", "due", undefined],
    ["gia hạn #12 đến thứ 9", "bad_due", "due", "đến thứ 9"],
    ["giao @Lan viết báo cáo hạn thứ 9", "bad_due", "add", "thứ 9"],
    ["giao @Lan", "missing_title", "add", undefined],
    ["giao lại #12", "missing_assignee", "assign", undefined],
    ["việc của", "missing_assignee", "list", undefined],
    ["đổi tên #12", "missing_title", "edit", undefined],
    ["cài đặt ngôn ngữ klingon", "bad_setting", "settings", "klingon"],
    ["settings timezone Mars/Base", "bad_setting", "settings", "Mars/Base"],
  ])("%j → %s", (text, error, cmd, fragment) => {
    const r = parseCommand(text, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(error);
    expect(r.command).toBe(cmd);
    expect(r.fragment).toBe(fragment);
  });
  it("tells the message's language", () => {
    const r = parseCommand("gia hạn #12 đến thứ 9", ctx);
    expect(r.ok ? null : r.locale).toBe("vi");
    const e = parseCommand("due #12 someday", ctx);
    expect(e.ok ? null : e.locale).toBe("en");
  });
});
