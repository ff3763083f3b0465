import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/reply.js";
import { type ChatHarness, channelChat, createChatHarness } from "../helpers/chat-harness.js";
import { people } from "../helpers/incoming.js";
import { testDatabaseKinds } from "../setup/db.js";

describe.each(testDatabaseKinds)("task commands on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const taskRow = async (channelId: string, number: number) =>
    harness.database.prisma.task.findUniqueOrThrow({
      where: { channelId_number: { channelId, number } },
      select: { id: true, title: true, status: true, dueAt: true, dueHasTime: true, version: true, creatorId: true },
    });

  it("adds a task from a Vietnamese sentence, numbers it and says the deadline in words", async () => {
    const chat = channelChat(harness);
    const [reply] = await chat.say("giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau");
    const text = toPlainText(reply?.text ?? "");
    expect(reply?.visibility).toBe("channel");
    expect(text).toContain("#1");
    expect(text).toContain("@Lan");
    expect(text).toMatch(/hạn: 17:00 thứ Sáu 04\/12\/2026,? \(?còn /);
    const task = await taskRow(await chat.channelId(), 1);
    expect(task.title).toBe("nộp báo cáo quy hoạch");
    expect(task.dueHasTime).toBe(true);
    const events = await harness.database.prisma.taskEvent.findMany({
      where: { taskId: task.id },
      select: { action: true },
    });
    expect(events).toEqual([{ action: "created" }]);
    expect(harness.changes.at(-1)).toMatchObject({ taskId: task.id, kind: "created" });
  });

  it("adds with slash commands in both languages, without diacritics, and numbers per channel", async () => {
    const chat = channelChat(harness);
    const other = channelChat(harness);
    // Friday: "mai" is a Saturday, so the bot asks first; "1" keeps the day as written.
    expect(await chat.sayText("/viec them chuẩn bị họp giao ban @Minh mai")).toContain("không phải ngày làm việc");
    expect(await chat.sayText("1")).toContain("#1");
    await chat.say("/task add prepare the slides @Minh tomorrow");
    expect(await chat.sayText("1")).toContain("#2");
    const [unaccented] = await chat.say("giao @Hoa nop bao cao truoc 17h thu 6");
    expect(toPlainText(unaccented?.text ?? "")).toContain("#3");
    expect(toPlainText((await other.say("them việc không người làm"))[0]?.text ?? "")).toContain("#1");
    const channelId = await chat.channelId();
    expect((await taskRow(channelId, 1)).title).toBe("chuẩn bị họp giao ban");
    expect((await taskRow(channelId, 3)).dueAt).not.toBeNull();
  });

  it("answers in English when the channel is set to English", async () => {
    const chat = channelChat(harness);
    await chat.say("cài đặt ngôn ngữ en", people.admin);
    const text = await chat.sayText("assign @Lan send the planning report by 5pm Friday");
    expect(text).toContain("Created task #1");
    expect(text).toMatch(/due: 17:00 .*2026/);
  });

  it("lists: mine privately, of a person, overdue, open, done", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc A trước 17h thứ 6 tuần sau");
    await chat.say("giao @Minh việc B trước hôm qua");
    await chat.say("1"); // yes, overdue from the start
    await chat.say("giao @Lan @Minh việc C");
    const [mine] = await chat.say("việc của tôi", people.lan);
    expect(mine?.visibility).toBe("private");
    expect(toPlainText(mine?.text ?? "")).toContain("việc A");
    expect(toPlainText(mine?.text ?? "")).toContain("việc C");
    expect(toPlainText(mine?.text ?? "")).not.toContain("việc B");
    const ofMinh = await chat.sayText("việc của @Minh");
    expect(ofMinh).toContain("việc B");
    expect(ofMinh).not.toContain("việc A");
    const open = await chat.sayText("danh sách");
    expect(open.indexOf("việc A")).toBeGreaterThan(-1);
    expect(open).toContain("chưa nhận");
    await chat.say("xong #1");
    const done = await chat.sayText("việc đã xong");
    expect(done).toContain("việc A");
    const [myTasks] = await chat.say("my tasks", people.minh);
    expect(myTasks?.visibility).toBe("private");
  });

  it("shows a task with its history, old → new", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan báo cáo");
    await chat.say("đổi tên #1 báo cáo quý 4");
    const text = await chat.sayText("xem #1");
    expect(text).toContain("#1 báo cáo quý 4");
    expect(text).toContain('đổi tên: "báo cáo" → "báo cáo quý 4"');
    expect(await chat.sayText("show #1")).toContain("báo cáo quý 4");
  });

  it("done by each assignee finishes their part; the task is done when all finished", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan @Minh soạn hợp đồng");
    const channelId = await chat.channelId();
    expect(await chat.sayText("xong #1", people.lan)).toContain("Còn chờ: @Minh");
    expect((await taskRow(channelId, 1)).status).toBe("open");
    expect(await chat.sayText("xong #1", people.lan)).toContain("đã báo xong");
    expect(await chat.sayText("done #1", people.minh)).toContain("hoàn thành");
    expect((await taskRow(channelId, 1)).status).toBe("done");
    expect(harness.changes.at(-1)?.kind).toBe("closed");
  });

  it("the creator closes the whole task; reopen and cancel", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan @Minh kiểm kê kho");
    const channelId = await chat.channelId();
    expect(await chat.sayText("xong #1")).toContain("Đã đóng việc #1");
    expect((await taskRow(channelId, 1)).status).toBe("done");
    expect(await chat.sayText("mở lại #1")).toContain("Đã mở lại việc #1");
    expect(await chat.sayText("reopen #1")).toContain("vẫn đang mở");
    expect(await chat.sayText("hủy #1")).toContain("Đã hủy việc #1");
    expect((await taskRow(channelId, 1)).status).toBe("cancelled");
  });

  it("changes the due date and keeps old → new in history", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan nộp tờ trình trước 17h thứ 6 tuần sau");
    const channelId = await chat.channelId();
    const before = await taskRow(channelId, 1);
    const text = await chat.sayText("gia hạn #1 đến 17h thứ 2 tuần sau");
    expect(text).toContain("Đã đổi hạn việc #1");
    const after = await taskRow(channelId, 1);
    expect(after.dueAt?.getTime()).not.toBe(before.dueAt?.getTime());
    expect(after.version).toBe(before.version + 1);
    const event = await harness.database.prisma.taskEvent.findFirstOrThrow({
      where: { taskId: after.id, action: "due_changed" },
      select: { oldValue: true, newValue: true },
    });
    expect(event.oldValue).toEqual({ dueAt: before.dueAt?.toISOString(), hasTime: true });
    expect(event.newValue).toEqual({ dueAt: after.dueAt?.toISOString(), hasTime: true });
  });

  it("reassigns, adds and removes assignees", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan lập dự toán");
    expect(await chat.sayText("giao lại #1 cho @Minh")).toContain("@Lan → @Minh");
    expect(await chat.sayText("thêm người #1 @Hoa")).toContain("@Minh → @Minh, @Hoa");
    const assignees = await harness.database.prisma.taskAssignee.findMany({
      where: { task: { channelId: await chat.channelId(), number: 1 } },
      select: { member: { select: { externalId: true } } },
    });
    expect(assignees.map((a) => a.member.externalId).sort()).toEqual(["U_HOA", "U_MINH"]);
  });

  it("keeps assignees in the order the person wrote them, in replies, cards and lists", async () => {
    const chat = channelChat(harness);
    /** The names in the order they first appear in `text`. */
    const orderIn = (text: string, names: string[]) =>
      [...names].sort((a, b) => text.indexOf(`@${a}`) - text.indexOf(`@${b}`));
    // Three orders of the same three people: with any fixed tie-break, at least one would come out reordered.
    const orders = [
      ["Minh", "Lan", "Hoa"],
      ["Hoa", "Minh", "Lan"],
      ["Lan", "Hoa", "Minh"],
    ];
    for (const [i, names] of orders.entries()) {
      const created = await chat.sayText(`giao ${names.map((name) => `@${name}`).join(" ")} soạn tờ trình ${"ABC"[i]}`);
      expect(orderIn(created, names)).toEqual(names);
      expect(orderIn(await chat.sayText(`xem #${i + 1}`), names)).toEqual(names);
    }
    await chat.say("thêm người #1 @Sếp");
    const shown = await chat.sayText("xem #1");
    expect(orderIn(shown.slice(shown.indexOf("Người làm")), ["Minh", "Lan", "Hoa", "Sếp"])).toEqual([
      "Minh",
      "Lan",
      "Hoa",
      "Sếp",
    ]);
  });

  it("acknowledges per assignee and politely refuses a non-assignee", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan @Minh gửi công văn");
    expect(await chat.sayText("nhận việc #1", people.lan)).toContain("Bạn đã nhận việc #1");
    expect(await chat.sayText("nhận việc #1", people.lan)).toContain("đã nhận việc #1 từ trước");
    const [refusal] = await chat.say("nhận việc #1", people.hoa);
    expect(refusal?.isError).toBe(true);
    expect(toPlainText(refusal?.text ?? "")).toContain("không giao cho bạn");
    const list = await chat.sayText("danh sách");
    expect(list).toContain("@Lan (đang làm)");
    expect(list).toContain("@Minh (chưa nhận)");
  });

  it("counts status for the channel and for a person", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc một trước hôm qua");
    await chat.say("1");
    await chat.say("giao @Lan việc hai");
    await chat.say("giao @Minh việc ba");
    await chat.say("xong #3");
    const text = await chat.sayText("tình hình");
    expect(text).toContain("Đang mở: 2");
    expect(text).toContain("Quá hạn: 1");
    expect(text).toContain("Xong tuần này (từ thứ Hai): 1");
    expect(await chat.sayText("tình hình @Lan")).toContain("Đang mở: 2");
    const minh = await chat.sayText("tình hình @Minh");
    expect(minh).toContain("Đang mở: 0");
    expect(minh).toContain("Xong tuần này (từ thứ Hai): 1");
  });

  it("gives help in the channel's language", async () => {
    const chat = channelChat(harness);
    const [help] = await chat.say("trợ giúp");
    expect(help?.visibility).toBe("private");
    expect(toPlainText(help?.text ?? "")).toContain("Rõ Việc");
    expect(await chat.sayText("trợ giúp gia hạn")).toContain("gia hạn #12");
  });

  it("answers remind, summary and export politely until they exist", async () => {
    const chat = channelChat(harness);
    const [reply] = await chat.say("nhắc #1 lúc 9h mai");
    expect(reply?.isError).toBe(true);
    expect(toPlainText(reply?.text ?? "")).toContain("sắp có");
  });
});
