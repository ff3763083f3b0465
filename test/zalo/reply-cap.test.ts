import { describe, expect, it } from "vitest";
import { renderForZalo } from "../../src/platforms/zalo/zalo-sender.js";
import { taskView } from "../slack/fixtures.js";

describe("a reply on Zalo", () => {
  it("is at most 5 messages, the last saying how many tasks it could not show", () => {
    const tasks = Array.from({ length: 40 }, (_, i) =>
      taskView({ number: i + 1, title: `${"việc dài ".repeat(40)}${i}` }),
    );
    const text = ["*Việc đang mở*", ...tasks.map((t) => `• #${t.number} ${t.title}`)].join("\n");
    const messages = renderForZalo({
      visibility: "channel",
      text,
      tasks,
      presentation: { locale: "vi", timezone: "Asia/Ho_Chi_Minh", endOfDayMinutes: 1020 },
    });
    expect(messages).toHaveLength(5);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(2000);
    const shown = messages.join("\n").match(/#\d+ /g)?.length ?? 0;
    expect(messages.at(-1)).toContain(`và ${40 - shown} việc nữa`);
  });

  it("keeps a short reply whole", () => {
    expect(renderForZalo({ visibility: "channel", text: "Đã tạo việc *#1*: nộp báo cáo" })).toEqual([
      "Đã tạo việc #1: nộp báo cáo",
    ]);
  });
});
