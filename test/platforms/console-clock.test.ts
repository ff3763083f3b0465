import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/reply.js";
import { formatClock, readNowArgument, readSkip } from "../../src/platforms/console/console-clock.js";
import { paintFor } from "../../src/platforms/console/console-paint.js";
import { ZALO_MAX_MESSAGE_LENGTH } from "../../src/platforms/zalo/chunk-text.js";
import { renderForZalo } from "../../src/platforms/zalo/zalo-sender.js";

const zone = "Asia/Ho_Chi_Minh";
const wednesday = new Date("2026-12-02T02:00:00Z"); // 09:00 in Hanoi

describe("the terminal chat's clock commands", () => {
  it("reads /now as ISO 8601, a time without an offset in the chat's zone", () => {
    expect(readNowArgument("2026-12-02T09:00:00+07:00", zone)?.toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(readNowArgument("2026-12-02T09:00", zone)?.toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(readNowArgument("2026-12-02 09:00", zone)?.toISOString()).toBe("2026-12-02T02:00:00.000Z");
    expect(readNowArgument("thứ 6", zone)).toBeUndefined();
  });

  it("reads /tua and /skip amounts in both languages, forward only", () => {
    expect(readSkip("3 ngày", wednesday, zone)?.toISOString()).toBe("2026-12-05T02:00:00.000Z");
    expect(readSkip("2 giờ", wednesday, zone)?.toISOString()).toBe("2026-12-02T04:00:00.000Z");
    expect(readSkip("1 tuần", wednesday, zone)?.toISOString()).toBe("2026-12-09T02:00:00.000Z");
    expect(readSkip("3 days", wednesday, zone)?.toISOString()).toBe("2026-12-05T02:00:00.000Z");
    expect(readSkip("a week", wednesday, zone)?.toISOString()).toBe("2026-12-09T02:00:00.000Z");
    expect(readSkip("sớm 1 ngày", wednesday, zone)).toBeUndefined();
    expect(readSkip("mai", wednesday, zone)).toBeUndefined();
  });

  it("shows a moved clock in words, as the bot writes its days", () => {
    expect(formatClock(wednesday, "vi", zone)).toBe("thứ Tư 02/12/2026 09:00");
    expect(formatClock(wednesday, "en", zone)).toBe("Wednesday 02/12/2026 09:00");
    expect(formatClock(new Date("2026-12-06T02:00:00Z"), "vi", zone)).toBe("Chủ nhật 06/12/2026 09:00");
  });
});

describe("the terminal's look", () => {
  it("colours only a terminal, and not when NO_COLOR is set", () => {
    expect(paintFor({ isTTY: true }, undefined).bot("x")).not.toBe("x");
    expect(paintFor({ isTTY: true }, "").bot("x")).not.toBe("x");
    expect(paintFor({ isTTY: true }, "1").bot("x")).toBe("x");
    expect(paintFor({ isTTY: false }, undefined).bot("x")).toBe("x");
    expect(paintFor({}, undefined).warning("x")).toBe("x");
  });

  it("gives plain text (terminal, Zalo) without the lines that fence the summary's table", () => {
    const summary = "*Theo người:*\n```\nNgười  Đang mở\nLan    1\n```\n\n*So với tuần trước:* …";
    expect(toPlainText(summary)).toBe("Theo người:\nNgười  Đang mở\nLan    1\n\nSo với tuần trước: …");
    expect(toPlainText("```\na\n```")).toBe("a");
    expect(toPlainText("• Quá hạn: #1 báo cáo _(gửi muộn)_")).toBe("• Quá hạn: #1 báo cáo (gửi muộn)");
    expect(toPlainText("tệp bao_cao_quy.xlsx")).toBe("tệp bao_cao_quy.xlsx");
  });

  it("sends the weekly summary to Zalo as plain text within its limits", () => {
    const table = ["Người  Đang mở", ...Array.from({ length: 400 }, (_, i) => `Người${i}  1`)].join("\n");
    const messages = renderForZalo({ visibility: "channel", text: `*Tổng kết tuần*\n\n\`\`\`\n${table}\n\`\`\`` });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message).not.toContain("```");
      expect(message.length).toBeLessThanOrEqual(ZALO_MAX_MESSAGE_LENGTH);
    }
    expect(messages[0]?.startsWith("Tổng kết tuần\n\nNgười  Đang mở\n")).toBe(true);
  });
});
