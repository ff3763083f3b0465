/**
 * Typed names (Zalo sends no mention entities): the channel's names longest first, exact spelling before another
 * case before no diacritics; unknown full names as capitalised syllables. Tested both ways: a name must take all
 * its words, and never a verb of the title.
 */
import { describe, expect, it } from "vitest";
import { command, ctxAt } from "./helpers.js";

const members = (...knownNames: string[]) => ctxAt(undefined, undefined, { knownNames });

describe("names the channel knows", () => {
  it("takes the longest name, exact spelling first", () => {
    const ctx = members("Lan", "Nguyễn Văn Lan", "Tuấn", "Tuấn Anh");
    expect(command("@Nguyễn Văn Lan trình ký hồ sơ", ctx).assignees).toEqual(["Nguyễn Văn Lan"]);
    expect(command("@Tuấn Anh gửi file", ctx).assignees).toEqual(["Tuấn Anh"]);
    // "anh" after Tuấn addresses him: the exact spelling "Tuấn" wins over "Tuấn Anh" in another case.
    const addressed = command("@Tuấn anh gửi giúp em file thiết kế nhé", ctx);
    expect(addressed.assignees).toEqual(["Tuấn"]);
    expect(addressed.title).toBe("gửi file thiết kế");
  });
  it("matches a name typed in lower case or without diacritics, keeping it as typed", () => {
    const ctx = members("Nguyễn Văn Lan");
    expect(command("@nguyễn văn lan trình ký", ctx).assignees).toEqual(["nguyễn văn lan"]);
    expect(command("@nguyen van lan trinh ky", ctx).assignees).toEqual(["nguyen van lan"]);
  });
  it('never files "@Lân" under "Lan": a diacritic typed that the name lacks is another name', () => {
    expect(command("@Lân kiểm tra kho", members("Lan")).assignees).toEqual(["Lân"]);
    expect(command("@Lân kiểm tra kho", members("Lan", "Lân")).assignees).toEqual(["Lân"]);
    expect(command("@Lan kiểm tra kho", members("Lan", "Lân")).assignees).toEqual(["Lan"]);
  });
});

describe("names not seen yet", () => {
  it.each([
    ["@Phạm Thị Thu Hà soạn công văn", "Phạm Thị Thu Hà", "soạn công văn"],
    ["@Tôn Nữ Hoài Thương chuẩn bị hồ sơ", "Tôn Nữ Hoài Thương", "chuẩn bị hồ sơ"],
    ["@Phạm Thị Thu Hà, chị gửi em bản nháp", "Phạm Thị Thu Hà", "gửi bản nháp"],
    ["@Nguyễn Hoàng Long Trước thứ 6 gửi báo cáo", "Nguyễn Hoàng Long", "gửi báo cáo"],
    ["@Lan Anh gửi báo giá", "Lan Anh", "gửi báo giá"],
    ["@Mai Anh Tuấn nộp bảng kê", "Mai Anh Tuấn", "nộp bảng kê"],
    ["@John Smith please review the NDA", "John Smith", "review the NDA"],
  ])("%s → %s", (text, name, title) => {
    const c = command(text, members("Lan", "Mai"));
    expect(c.assignees).toEqual([name]);
    expect(c.title).toBe(title);
  });
  it.each([
    ["@Lan nộp báo cáo", "Lan", "nộp báo cáo"],
    ["@Lan Nộp báo cáo", "Lan", "Nộp báo cáo"],
    ["@Huy hủy đặt phòng", "Huy", "hủy đặt phòng"],
    ["@Peter Review the slides", "Peter", "Review the slides"],
    ["@Minh mai gửi báo giá", "Minh", "gửi báo giá"],
    ["@Mai mai nộp báo cáo nhé", "Mai", "nộp báo cáo"],
  ])("never takes a title's word into the name: %s", (text, name, title) => {
    const c = command(text, members("Mai"));
    expect(c.assignees).toEqual([name]);
    expect(c.title).toBe(title);
  });
  it("reads several people, with or without separators", () => {
    expect(command("giao @Đặng Minh Châu và @Ngô Thanh Tùng khảo sát mặt bằng").assignees).toEqual([
      "Đặng Minh Châu",
      "Ngô Thanh Tùng",
    ]);
    expect(command("@Lan, @Minh: họp với khách").assignees).toEqual(["Lan", "Minh"]);
  });
  it("reads Slack's mentions as they come", () => {
    expect(command("giao <@U123|lan> nộp báo cáo").assignees).toEqual(["lan"]);
  });
});
