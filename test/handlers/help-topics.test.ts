import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandHelp } from "../../src/i18n/index.js";
import type { HelpTopic } from "../../src/language/index.js";
import { type ChatHarness, channelChat, createChatHarness } from "../helpers/chat-harness.js";

/** Every topic, as people ask for it in Vietnamese and in English, and the help that comes back. */
const TOPICS: [HelpTopic, string[], string[]][] = [
  ["add", ["trợ giúp giao", "trợ giúp giao việc", "hướng dẫn tạo việc"], ["help add", "help new task"]],
  ["assign", ["trợ giúp giao lại", "trợ giúp thêm người", "tro giup chuyen giao"], ["help reassign", "help assignees"]],
  ["list", ["trợ giúp danh sách", "trợ giúp việc của tôi", "giúp ds"], ["help list", "help my tasks"]],
  ["show", ["trợ giúp xem", "trợ giúp lịch sử"], ["help show", "help history"]],
  ["done", ["trợ giúp xong", "trợ giúp hoàn thành"], ["help done", "help complete"]],
  ["reopen", ["trợ giúp mở lại"], ["help reopen"]],
  ["cancel", ["trợ giúp hủy", "trợ giúp xóa việc"], ["help cancel", "help delete"]],
  ["due", ["trợ giúp gia hạn", "trợ giúp đổi hạn", "trợ giúp hạn chót"], ["help due", "help extend", "help deadline"]],
  ["edit", ["trợ giúp đổi tên"], ["help rename", "help edit"]],
  ["ack", ["trợ giúp nhận việc"], ["help ack", "help got it"]],
  ["status", ["trợ giúp tình hình", "trợ giúp thống kê"], ["help status", "help stats"]],
  ["summary", ["trợ giúp báo cáo tuần", "trợ giúp tổng kết"], ["help summary", "help weekly report"]],
  [
    "settings",
    ["trợ giúp cài đặt", "trợ giúp ngày nghỉ", "trợ giúp ngày làm việc"],
    ["help settings", "help days off"],
  ],
  ["help", ["trợ giúp trợ giúp"], ["help help"]],
  ["remind", ["trợ giúp nhắc", "trợ giúp nhắc việc"], ["help remind", "help reminders"]],
  ["export", ["trợ giúp xuất", "trợ giúp xuất báo cáo"], ["help export", "help csv"]],
  ["snooze", ["trợ giúp hoãn nhắc"], ["help snooze"]],
  ["undo", ["trợ giúp hoàn tác", "tro giup hoan tac"], ["help undo"]],
  [
    "managers",
    ["trợ giúp quản lý", "trợ giúp quản lý kênh", "trợ giúp phân quyền"],
    ["help managers", "help permissions"],
  ],
];

describe.each(["pglite"] as const)("help by topic on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it.each(TOPICS)("%s: answers its topic in Vietnamese and in English, with two examples", async (topic, vi, en) => {
    const chat = channelChat(harness);
    for (const [asked, locale] of [...vi.map((t) => [t, "vi"] as const), ...en.map((t) => [t, "en"] as const)]) {
      const help = commandHelp(locale, topic);
      expect(help.examples.length, `${topic} ${locale}`).toBeGreaterThanOrEqual(2);
      const [reply] = await chat.say(asked);
      expect(reply?.visibility, asked).toBe("private");
      expect(reply?.text, asked).toContain(help.usage);
      for (const example of help.examples) expect(reply?.text, asked).toContain(example);
    }
  });

  it("shows the overview for no topic or an unknown one, and mentions undo", async () => {
    const chat = channelChat(harness);
    expect(await chat.sayText("trợ giúp")).toContain('"hoàn tác" trong 10 phút');
    expect(await chat.sayText("help")).toContain('"undo" within 10 minutes');
    expect(await chat.sayText("trợ giúp con mèo")).toContain("Rõ Việc giúp cả nhóm");
  });
});
