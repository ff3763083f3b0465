import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import { coreServices, FIXED_NOW } from "../helpers/chat-harness.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { textUpdate } from "./fixtures.js";
import { type Harness, startHarness, WEBHOOK_SECRET } from "./harness.js";

/**
 * The bot's questions on Zalo, where a group delivers only messages that mention the bot or reply to it: the question
 * stays in the group (never moved to the asker's private chat), and "@Rõ Việc 1" or a reply "1" answers it.
 */
describe("questions on Zalo", () => {
  let db: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    const { logger, tasks, directory, questions } = coreServices(db);
    const bot = createAppBot({ services: { tasks, directory, questions }, logger, now: () => FIXED_NOW });
    h = await startHarness({ bot, secret: WEBHOOK_SECRET });
  });
  afterEach(() => h.close());

  async function deliver(text: string, chatId: string, chatType: "GROUP" | "PRIVATE" = "GROUP") {
    const update = textUpdate(text, { chatType, chatId, fromId: "minh-id", name: "Minh" });
    const response = await fetch(`${h.baseUrl}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    expect(response.status).toBe(200);
    await h.adapter.whenIdle();
  }

  const titles = async (chatId: string) =>
    (await db.prisma.task.findMany({ where: { channel: { externalId: chatId } }, select: { title: true } })).map(
      (t) => t.title,
    );

  it("asks in the group and takes '@Rõ Việc 1' as the answer", async () => {
    const group = "group-q-1";
    // Minh has a private chat with the bot: private answers (help) go there, the question does not.
    await deliver("trợ giúp", "minh-id", "PRIVATE");
    await deliver("@Rõ Việc giao @Lan nộp báo cáo trước 17h hôm qua", group);
    const question = h.zalo.sentTexts(group).at(-1) ?? "";
    expect(question).toContain("hạn 17:00 thứ Năm 26/11/2026 đã qua rồi.");
    expect(question).toContain('1. Tạo việc "nộp báo cáo" cho @Lan');
    expect(await titles(group)).toEqual([]);
    await deliver("@Rõ Việc 1", group);
    expect(h.zalo.sentTexts(group).at(-1)).toContain("Đã tạo việc #1: nộp báo cáo");
    expect(await titles(group)).toEqual(["nộp báo cáo"]);
  });

  it("takes a reply to the question ('2 nhé', no mention) as the answer, and 'hủy' drops it", async () => {
    const group = "group-q-2";
    await deliver("@Rõ Việc giao @Lan soạn công văn trước chủ nhật", group);
    expect(h.zalo.sentTexts(group).at(-1)).toContain("không phải ngày làm việc");
    await deliver("3 nhé", group);
    expect(h.zalo.sentTexts(group).at(-1)).toContain("hạn: 17:00 thứ Hai 30/11/2026");
    await deliver("@Rõ Việc giao @Lan việc lỡ tay trước hôm qua", group);
    await deliver("hủy", group);
    expect(h.zalo.sentTexts(group).at(-1)).toContain("Đã bỏ câu hỏi");
    expect(await titles(group)).toEqual(["soạn công văn"]);
  });
});
