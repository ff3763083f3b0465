/**
 * Titles without the language around them: particles, politeness and pronouns go, content stays ("anh Nam", "anh
 * em kỹ thuật", "tiếng Anh"); report names keep their period; a deadline followed by a particle is still read.
 */
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/language/index.js";
import { command, ctxAt, local } from "./helpers.js";

describe("the words around the task", () => {
  it.each([
    ["phiền @Quang soạn giúp chị công văn trả lời Sở Xây dựng trước thứ 6 nhé ạ", "soạn công văn trả lời Sở Xây dựng"],
    ["@Đức a nhờ e sửa lại cái báo giá này trước 4h chiều nay nha", "sửa lại cái báo giá này"],
    ["@Hoa chiều nay gửi chị bảng kê chi phí nhé", "gửi bảng kê chi phí"],
    ["@Linh cho chị xin bảng chấm công tháng 11 trước thứ 6 nhé", "bảng chấm công tháng 11"],
    ["mọi người ơi @Hà nộp kế hoạch tuần sau trước 17h thứ 6 nhé", "nộp kế hoạch tuần sau"],
    ["@Lan please gửi chị file PowerPoint trước 2h chiều", "gửi file PowerPoint"],
    ["@Sarah could you please update the website banner before Friday?", "update the website banner"],
    ["@Lan ơi gửi chị báo cáo trước 17h nhé, cảm ơn em", "gửi báo cáo"],
  ])("%s", (text, title) => expect(command(text).title).toBe(title));
  it.each([
    ["@Hà gửi bản đề xuất ngân sách cho chị Hoa trước 4h chiều", "gửi bản đề xuất ngân sách cho chị Hoa"],
    ["@Quang chuẩn bị quà cho anh em kỹ thuật trước 24/12", "chuẩn bị quà cho anh em kỹ thuật"],
    ["@Thảo dịch hợp đồng sang tiếng Anh trước 17h ngày 9/12", "dịch hợp đồng sang tiếng Anh"],
    ["giao @Lan việc A trước thứ 6", "việc A"],
    ["giao @Hùng giao hàng mẫu cho đối tác trước thứ 3", "giao hàng mẫu cho đối tác"],
    ["@Khánh thêm sản phẩm mới lên website", "thêm sản phẩm mới lên website"],
  ])("keeps what is content: %s", (text, title) => expect(command(text).title).toBe(title));
  it.each([
    ["@Lan nộp báo cáo mai nhé", "2026-12-03 17:00 Thu"],
    ["@Lan nộp báo cáo thứ 6 ạ", "2026-12-04 17:00 Fri"],
    ["@Lan gửi file chiều nay nha", "2026-12-02 17:00 Wed"],
  ])("reads a deadline followed by a particle: %s", (text, deadline) => {
    const c = command(text);
    expect(c.due && local(c.due.deadline)).toBe(deadline);
    expect(c.title).not.toMatch(/nhé|ạ|nha/);
  });
  it('"giúp" opens help only alone or before a topic', () => {
    expect(command("giúp").command).toBe("help");
    expect(command("giúp em với").command).toBe("help");
    expect(command("trợ giúp gia hạn").helpTopic).toBe("due");
    expect(command("giúp anh @Minh soạn hợp đồng mua bán nhé")).toMatchObject({
      command: "add",
      title: "soạn hợp đồng mua bán",
    });
  });
});

describe("a period word is a deadline only with a deadline word or in a deadline position", () => {
  it.each([
    ["giao @Hà lập báo cáo quý", "lập báo cáo quý"],
    ["@Trang chuẩn bị nội dung họp giao ban tuần", "chuẩn bị nội dung họp giao ban tuần"],
    ["@Minh làm báo cáo tháng 12", "làm báo cáo tháng 12"],
    ["giao @Lan xây dựng kế hoạch năm 2027", "xây dựng kế hoạch năm 2027"],
    ["@Nam chuẩn bị tổng kết năm", "chuẩn bị tổng kết năm"],
    ["@Nam cập nhật số liệu tuần trước", "cập nhật số liệu tuần trước"],
    ["@Hoa mua văn phòng phẩm cho quý 1 năm sau", "mua văn phòng phẩm cho quý 1 năm sau"],
    ["@David prepare the annual report for 2026", "prepare the annual report for 2026"],
  ])("stays in the title: %s", (text, title) => {
    const c = command(text);
    expect(c.title).toBe(title);
    expect(c.due).toBeNull();
  });
  it.each([
    ["giao @Quang họp giao ban tuần sáng thứ 2", "họp giao ban tuần", "2026-12-07 09:00 Mon"],
    ["giao @Hà lập báo cáo quý trước 15/12", "lập báo cáo quý", "2026-12-15 17:00 Tue"],
    ["@Lan soạn kế hoạch năm 2027 trong tháng này", "soạn kế hoạch năm 2027", "2026-12-31 17:00 Thu"],
    ["giao @Dũng bảo dưỡng máy phát điện trước cuối tháng", "bảo dưỡng máy phát điện", "2026-12-31 17:00 Thu"],
    ["tuần sau @Khánh kiểm tra máy tính", "kiểm tra máy tính", "2026-12-11 17:00 Fri"],
    ["@Hoa sắp xếp lại kho lưu trữ tháng sau", "sắp xếp lại kho lưu trữ", "2027-01-29 17:00 Fri"],
  ])("is the deadline: %s", (text, title, deadline) => {
    const c = command(text);
    expect(c.title).toBe(title);
    expect(c.due && local(c.due.deadline)).toBe(deadline);
  });
  it("refuses an impossible date instead of filing it in the title", () => {
    for (const text of ["giao @Lan nộp báo cáo trước 31/2", "@Hà nộp hồ sơ ngày 31/4", "@John send it by Feb 30"]) {
      expect(parseCommand(text, ctxAt())).toMatchObject({ ok: false, error: "bad_due" });
    }
  });
});
