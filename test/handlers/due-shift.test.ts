/**
 * "gia hạn #1 thêm 2 ngày" / "extend #1 by 1 working day": the due handler moves the task's current deadline by the
 * amount the parser read (ParsedCommand.dueShift), keeping its time of day; a task without a deadline is refused
 * politely. And an urgency word ("gấp") tells in the reply what deadline it was taken to mean.
 * The harness clock is Friday 27/11/2026 10:00 in Hà Nội.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, channelChat, createChatHarness } from "../helpers/chat-harness.js";
import { testDatabaseKinds } from "../setup/db.js";

const local = (d: Date | null) =>
  d?.toLocaleString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "short" }) ?? null;

describe.each(testDatabaseKinds)("deadline moved by an amount on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const dueOf = async (channelId: string, number: number) =>
    harness.database.prisma.task.findUniqueOrThrow({
      where: { channelId_number: { channelId, number } },
      select: { dueAt: true, dueHasTime: true, version: true },
    });

  it("adds calendar days and working days to the current deadline, keeping its time of day", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan nộp báo cáo trước 15h thứ 3 tuần sau");
    const channelId = await chat.channelId();
    expect(local((await dueOf(channelId, 1)).dueAt)).toBe("2026-12-01 15:00");

    const extended = await chat.sayText("gia hạn #1 thêm 2 ngày");
    expect(extended).toContain("#1");
    expect(local((await dueOf(channelId, 1)).dueAt)).toBe("2026-12-03 15:00");

    await chat.say("extend #1 by 1 working day");
    expect(local((await dueOf(channelId, 1)).dueAt)).toBe("2026-12-04 15:00");
    // Friday + 1 working day is Monday.
    await chat.say("lùi #1 thêm 1 ngày làm việc nhé");
    const row = await dueOf(channelId, 1);
    expect(local(row.dueAt)).toBe("2026-12-07 15:00");
    expect(row.dueHasTime).toBe(true);
    const events = await harness.database.prisma.taskEvent.count({
      where: { action: "due_changed", task: { channelId } },
    });
    expect(events).toBe(3);
  });

  it("refuses to extend a task that has no deadline, and changes nothing", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Minh dọn kho");
    const channelId = await chat.channelId();
    const before = await dueOf(channelId, 1);
    const [reply] = await chat.say("gia hạn #1 thêm 2 ngày");
    expect(reply?.isError).toBe(true);
    expect(reply?.text).toContain("chưa có hạn");
    expect(await dueOf(channelId, 1)).toEqual(before);
  });

  it("says what an urgency word was taken to mean", async () => {
    const chat = channelChat(harness);
    const text = await chat.sayText("giao @Hoa gửi báo giá cho khách gấp");
    expect(text).toContain("gấp");
    expect(text).toContain("hôm nay");
    expect(local((await dueOf(await chat.channelId(), 1)).dueAt)).toBe("2026-11-27 17:00");
  });
});
