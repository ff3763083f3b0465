import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/reply.js";
import type { Database } from "../../src/db/client.js";
import {
  type ChatHarness,
  channelChat,
  createChatHarness,
  FIXED_NOW,
  harnessFor,
  wireBot,
} from "../helpers/chat-harness.js";
import { incomingMessage, people } from "../helpers/incoming.js";
import { createTestDatabase, testDatabaseKinds } from "../setup/db.js";

/**
 * Asking instead of guessing, in the chat as a user meets it: a deadline in the past or on a day off is asked about
 * with numbered choices, nothing is written until the answer, and the answer runs the chosen command as if typed.
 * FIXED_NOW is Friday 27/11/2026 10:00 in Hà Nội.
 */
describe.each(testDatabaseKinds)("questions in the chat on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const tasksOf = async (externalId: string) =>
    harness.database.prisma.task.findMany({
      where: { channel: { externalId } },
      select: { number: true, title: true, status: true, dueAt: true },
      orderBy: { number: "asc" },
    });

  it("asks about a past deadline, writes nothing before the answer, then runs the chosen reading", async () => {
    const chat = channelChat(harness);
    await chat.say("trợ giúp");
    const before = await harness.counts();
    const [question] = await chat.say("giao @Lan nộp báo cáo trước 17h hôm qua");
    const text = toPlainText(question?.text ?? "");
    expect(text).toContain("hạn 17:00 thứ Năm 26/11/2026 đã qua rồi.");
    expect(text).toContain('1. Tạo việc "nộp báo cáo" cho @Lan, hạn 17:00 thứ Năm 26/11/2026 (sẽ quá hạn ngay)');
    expect(text).toContain('2. Tạo việc "nộp báo cáo" cho @Lan, hạn 17:00 thứ Sáu 27/11/2026 (ngày làm việc kế tiếp)');
    expect(text).toContain('3. Tạo việc "nộp báo cáo" cho @Lan, không có hạn');
    expect(text).toContain('Bạn trả lời "1", "2" hoặc "3", hoặc "hủy", trong 10 phút nhé.');
    expect(question?.question?.choices).toHaveLength(3);
    expect(await harness.counts()).toEqual(before);
    expect(await tasksOf(chat.channelExternalId)).toEqual([]);

    const created = await chat.sayText("2");
    expect(created).toContain("Đã tạo việc #1: nộp báo cáo");
    expect(created).toContain("hạn: 17:00 thứ Sáu 27/11/2026");
    const [task] = await tasksOf(chat.channelExternalId);
    expect(task).toMatchObject({ number: 1, title: "nộp báo cáo", status: "open" });
    expect(task?.dueAt).toEqual(new Date("2026-11-27T10:00:00Z"));
    // The question is settled: the same answer again finds none.
    expect(await chat.sayText("2")).toContain("không có câu hỏi nào");
    expect(await tasksOf(chat.channelExternalId)).toHaveLength(1);
  });

  it("keeps the deadline as written, or none, as chosen", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc một trước hôm qua");
    expect(await chat.sayText("số 1 nhé")).toContain("Đã tạo việc #1: việc một");
    await chat.say("giao @Lan việc hai trước hôm qua");
    expect(await chat.sayText("3")).toContain("Chưa có hạn.");
    const tasks = await tasksOf(chat.channelExternalId);
    expect(tasks.map((t) => t.dueAt === null)).toEqual([false, true]);
    expect(await chat.sayText("việc quá hạn")).toContain("việc một");
  });

  it("asks about a day off, offering the working day before and after", async () => {
    const chat = channelChat(harness);
    const text = await chat.sayText("giao @Minh chuẩn bị phòng họp trước 17h chủ nhật");
    expect(text).toContain("hạn rơi vào Chủ nhật 29/11/2026, không phải ngày làm việc.");
    expect(text).toContain("17:00 Chủ nhật 29/11/2026 (đúng như bạn viết)");
    expect(text).toContain("17:00 thứ Sáu 27/11/2026 (ngày làm việc trước đó)");
    expect(text).toContain("17:00 thứ Hai 30/11/2026 (ngày làm việc kế tiếp)");
    expect(await chat.sayText("3")).toContain("hạn: 17:00 thứ Hai 30/11/2026");
  });

  it("names a public holiday, and asks before moving an existing deadline onto it", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan báo cáo quý trước 17h thứ 6 tuần sau");
    const text = await chat.sayText("gia hạn #1 đến 1/1/2027");
    expect(text).toContain("là ngày nghỉ (Tết Dương lịch)");
    const dueOf = async () => (await tasksOf(chat.channelExternalId))[0]?.dueAt;
    expect(await dueOf()).toEqual(new Date("2026-12-04T10:00:00Z"));
    expect(await chat.sayText("3")).toContain("Đã đổi hạn việc #1");
    expect(await dueOf()).toEqual(new Date("2027-01-04T10:00:00Z"));
  });

  it("drops the question on 'hủy' and writes nothing; 'hủy #12' stays a command", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc đã lỡ trước hôm qua");
    const before = await harness.counts();
    const [dropped] = await chat.say("hủy");
    expect(toPlainText(dropped?.text ?? "")).toBe("Đã bỏ câu hỏi, mình không ghi gì.");
    expect(await harness.counts()).toEqual(before);
    expect(await chat.sayText("1")).toContain("không có câu hỏi nào");
    expect(await tasksOf(chat.channelExternalId)).toEqual([]);
    await chat.say("giao @Lan việc thật");
    await chat.say("giao @Lan việc lỡ trước hôm qua");
    expect(await chat.sayText("hủy #1")).toContain("Đã hủy việc #1");
    // "hủy #1" was a new command: it dropped the open question.
    expect(await chat.sayText("1")).toContain("không có câu hỏi nào");
  });

  it("drops the open question when the asker moves on to another command", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc cũ trước hôm qua");
    await chat.say("danh sách");
    expect(await chat.sayText("1")).toContain("không có câu hỏi nào");
    // The same with platform delivery ids, where the command's own claim ends the question.
    const say = (text: string, n: number) =>
      harness.bot.handle(
        incomingMessage({ text, eventId: `q-${kind}-${n}`, channel: { externalId: chat.channelExternalId } }),
      );
    await say("giao @Lan việc cũ trước hôm qua", 1);
    await say("giao @Lan việc mới", 2);
    expect(toPlainText((await say("1", 3))[0]?.text ?? "")).toContain("không có câu hỏi nào");
    expect((await tasksOf(chat.channelExternalId)).map((t) => t.title)).toEqual(["việc mới"]);
  });

  it("counts only the asker's answer, and tells a wrong number the choices", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc của sếp trước hôm qua", people.sep);
    expect(await chat.sayText("1", people.lan)).toContain("không có câu hỏi nào");
    const [wrong] = await chat.say("7", people.sep);
    expect(wrong?.isError).toBe(true);
    expect(toPlainText(wrong?.text ?? "")).toContain('Câu hỏi có 3 lựa chọn: bạn trả lời "1", "2" hoặc "3"');
    expect(await chat.sayText("1", people.sep)).toContain("Đã tạo việc #1");
    const [row] = await harness.database.prisma.task.findMany({
      where: { channel: { externalId: chat.channelExternalId } },
      select: { creator: { select: { displayName: true } } },
    });
    expect(row?.creator.displayName).toBe("Sếp Tùng");
  });

  it("answers a redelivered answer once, and two answers at once run one choice", async () => {
    const chat = channelChat(harness);
    const message = (text: string, eventId: string) =>
      incomingMessage({ text, eventId, channel: { externalId: chat.channelExternalId } });
    const asking = message("giao @Lan việc hỏi lại trước hôm qua", `d-${kind}-1`);
    expect(await harness.bot.handle(asking)).toHaveLength(1);
    // The asking message delivered again neither asks again nor replaces the question.
    expect(await harness.bot.handle({ ...asking })).toEqual([]);
    const answer = message("1", `d-${kind}-2`);
    expect(await harness.bot.handle(answer)).toHaveLength(1);
    expect(await harness.bot.handle({ ...answer })).toEqual([]);
    await harness.bot.handle(message("giao @Lan việc đua trước hôm qua", `d-${kind}-3`));
    await Promise.all([
      harness.bot.handle(message("1", `d-${kind}-4`)),
      harness.bot.handle(message("2", `d-${kind}-5`)),
    ]);
    expect((await tasksOf(chat.channelExternalId)).map((t) => t.title)).toEqual(["việc hỏi lại", "việc đua"]);
  });

  it("answers a change sentence with a particle by changing the task", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan soạn công văn trước 17h thứ 6 tuần sau");
    expect(await chat.sayText("gia hạn #1 đến 17h thứ 2 tuần sau nhé")).toContain("Đã đổi hạn việc #1");
    expect(await tasksOf(chat.channelExternalId)).toHaveLength(1);
  });
});

describe.each(testDatabaseKinds)("questions over time on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lapses after 10 minutes of the app's clock and says so; a restart keeps an open question", async () => {
    let now = FIXED_NOW;
    const first = wireBot(database, () => now);
    const channel = { externalId: `late-${kind}` };
    const say = (bot: typeof first.bot, text: string) => bot.handle(incomingMessage({ text, channel }));
    await say(first.bot, "giao @Lan việc trễ trước hôm qua");
    now = new Date(FIXED_NOW.getTime() + 11 * 60_000);
    const [late] = await say(first.bot, "1");
    expect(late?.isError).toBe(true);
    expect(toPlainText(late?.text ?? "")).toContain("Câu hỏi lúc 10:00 27/11/2026 đã quá 10 phút");
    expect(await database.prisma.task.count({ where: { channel: { externalId: channel.externalId } } })).toBe(0);

    await say(first.bot, "giao @Lan việc sau khởi động lại trước hôm qua");
    now = new Date(now.getTime() + 9 * 60_000);
    // Another bot on the same database: what a restart (or a second process) sees.
    const second = wireBot(database, () => now);
    expect(toPlainText((await say(second.bot, "1"))[0]?.text ?? "")).toContain("Đã tạo việc #1");
  });

  it("keeps the question's mentions, so the chosen command names the same people", async () => {
    const harness = harnessFor(database, async () => {});
    const channel = { externalId: `mentions-${kind}` };
    await harness.say("giao @Minh @Hoa việc chung trước hôm qua", people.sep, { channel });
    const text = await harness.sayText("1", people.sep, { channel });
    expect(text).toContain("Giao cho: @Minh, @Hoa");
  });
});
