import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { createReportService } from "../../src/services/report-service.js";
import { type ChatHarness, channelChat, createChatHarness, FIXED_NOW, wireBot } from "../helpers/chat-harness.js";
import { incomingMessage, people } from "../helpers/incoming.js";
import { createTestDatabase, testDatabaseKinds } from "../setup/db.js";

/**
 * "hoàn tác" / "undo" in the chat: the person's last change in the channel within 10 minutes is taken back and
 * written to the task's history; a new task leaves every list and count. FIXED_NOW is Friday 27/11/2026 10:00.
 */
describe.each(testDatabaseKinds)("undo in the chat on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const taskOf = (externalId: string, number: number) =>
    harness.database.prisma.task.findFirstOrThrow({
      where: { channel: { externalId }, number },
      select: {
        id: true,
        status: true,
        title: true,
        dueAt: true,
        withdrawnAt: true,
        closedAt: true,
        assignees: {
          select: { acknowledgedAt: true, doneAt: true, member: { select: { displayName: true } } },
          orderBy: { position: "asc" },
        },
      },
    });

  it("takes a new task back out of the lists and the counts; its number stays used", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc giữ lại trước 17h thứ 6 tuần sau");
    await chat.say("giao @Lan việc giao nhầm trước 17h thứ 6 tuần sau");
    const undone = await chat.sayText("hoàn tác");
    expect(undone).toContain("Đã hoàn tác: rút lại việc #2 (việc giao nhầm)");
    expect(harness.changes.at(-1)).toMatchObject({ kind: "undone" });
    const list = await chat.sayText("danh sách");
    expect(list).toContain("việc giữ lại");
    expect(list).not.toContain("việc giao nhầm");
    expect(await chat.sayText("việc của tôi", people.lan)).not.toContain("việc giao nhầm");
    expect(await chat.sayText("tình hình")).toContain("Đang mở: 1");
    const reports = createReportService({ prisma: harness.database.prisma });
    const rows = await reports.taskRows(await chat.channelId());
    expect(rows.map((row) => row.number)).toEqual([1]);
    const shown = await chat.sayText("xem #2");
    expect(shown).toContain("Trạng thái: đã rút lại (hoàn tác)");
    expect(shown).toContain('hoàn tác (tạo việc "việc giao nhầm")');
    expect(await chat.sayText("giao @Lan việc mới")).toContain("#3");
    const [reopen] = await chat.say("mở lại #2");
    expect(reopen?.isError).toBe(true);
    const row = await taskOf(chat.channelExternalId, 2);
    expect(row).toMatchObject({ status: "cancelled" });
    expect(row.withdrawnAt).toEqual(FIXED_NOW);
  });

  it("restores a change, and a second undo takes back the change before it", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan báo cáo quý trước 17h thứ 6 tuần sau");
    await chat.say("đổi tên #1 báo cáo quý 4");
    await chat.say("gia hạn #1 đến 17h thứ 2 tuần sau");
    expect(await chat.sayText("undo")).toContain("Đã hoàn tác thay đổi của bạn ở việc #1 (đổi hạn:");
    expect((await taskOf(chat.channelExternalId, 1)).dueAt).toEqual(new Date("2026-12-04T10:00:00Z"));
    expect(await chat.sayText("hoàn tác")).toContain('đổi tên: "báo cáo quý" → "báo cáo quý 4"');
    expect((await taskOf(chat.channelExternalId, 1)).title).toBe("báo cáo quý");
    expect(await chat.sayText("hoàn tác lệnh vừa rồi")).toContain("rút lại việc #1");
    const [nothing] = await chat.say("hoàn tác");
    expect(nothing?.isError).toBe(true);
    expect(nothing?.text).toContain("không có gì để hoàn tác");
    const history = await chat.sayText("xem #1");
    expect(history.match(/: hoàn tác \(/g)).toHaveLength(3);
    expect(history).toContain("Trạng thái: đã rút lại (hoàn tác)");
  });

  it("undoes done, cancel, reopen, reassign and acknowledge exactly", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan @Minh chuẩn bị hội nghị trước 17h thứ 6 tuần sau");
    await chat.say("nhận việc #1", people.minh);
    await chat.say("xong #1", people.minh);
    await chat.say("xong #1", people.lan); // the last part: the task closes
    expect((await taskOf(chat.channelExternalId, 1)).status).toBe("done");
    expect(await chat.sayText("hoàn tác", people.lan)).toContain("Đã hoàn tác");
    let row = await taskOf(chat.channelExternalId, 1);
    expect(row.status).toBe("open");
    expect(row.closedAt).toBeNull();
    expect(row.assignees.map((a) => [a.member.displayName, a.doneAt !== null])).toEqual([
      ["Lan", false],
      ["Minh", true],
    ]);
    await chat.say("giao lại #1 cho @Hoa");
    expect((await taskOf(chat.channelExternalId, 1)).assignees.map((a) => a.member.displayName)).toEqual(["Hoa"]);
    await chat.say("hoàn tác");
    row = await taskOf(chat.channelExternalId, 1);
    expect(row.assignees.map((a) => [a.member.displayName, a.acknowledgedAt !== null, a.doneAt !== null])).toEqual([
      ["Lan", false, false],
      ["Minh", true, true],
    ]);
    await chat.say("hủy #1");
    await chat.say("hoàn tác");
    expect((await taskOf(chat.channelExternalId, 1)).status).toBe("open");
    await chat.say("xong #1");
    await chat.say("mở lại #1");
    await chat.say("hoàn tác");
    row = await taskOf(chat.channelExternalId, 1);
    expect(row.status).toBe("done");
    expect(row.closedAt).toEqual(FIXED_NOW);
    expect(row.assignees.find((a) => a.member.displayName === "Minh")?.doneAt).not.toBeNull();
    await chat.say("hoàn tác"); // the closing before it
    await chat.say("nhận việc #1", people.lan);
    await chat.say("hoàn tác", people.lan);
    row = await taskOf(chat.channelExternalId, 1);
    expect(row.assignees.find((a) => a.member.displayName === "Lan")?.acknowledgedAt).toBeNull();
  });

  it("refuses when someone else changed the task since, and never touches another person's change", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan hồ sơ thầu trước 17h thứ 6 tuần sau");
    await chat.say("nhận việc #1", people.lan);
    const [refused] = await chat.say("hoàn tác");
    expect(refused?.isError).toBe(true);
    expect(refused?.text).toContain("Không hoàn tác được: sau bạn,");
    expect((await taskOf(chat.channelExternalId, 1)).status).toBe("open");
    // Lan's own undo takes back her acknowledgement; then the creator's undo may go on.
    await chat.say("hoàn tác", people.lan);
    expect(await chat.sayText("hoàn tác")).toContain("rút lại việc #1");
    // Nothing of Minh's to undo in this channel.
    expect(await chat.sayText("undo", people.minh)).toContain("không có gì để hoàn tác");
  });
});

describe.each(testDatabaseKinds)("undo after ten minutes on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("is refused once the change is more than 10 minutes old", async () => {
    let now = FIXED_NOW;
    const { bot } = wireBot(database, () => now);
    const channel = { externalId: `old-${kind}` };
    await bot.handle(incomingMessage({ text: "giao @Lan việc cũ", channel }));
    now = new Date(FIXED_NOW.getTime() + 10 * 60_000 + 1);
    const [reply] = await bot.handle(incomingMessage({ text: "hoàn tác", channel }));
    expect(reply?.text).toContain("không có gì để hoàn tác");
    expect(
      await database.prisma.task.count({ where: { status: "open", channel: { externalId: channel.externalId } } }),
    ).toBe(1);
  });
});
