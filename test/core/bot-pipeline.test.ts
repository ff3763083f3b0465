import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { toPlainText } from "../../src/core/reply.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { type ChatHarness, channelChat, createChatHarness, harnessFor } from "../helpers/chat-harness.js";
import { incomingMessage, people } from "../helpers/incoming.js";
import { createTestDatabase, testDatabaseKinds } from "../setup/db.js";

/** A bot whose PGlite database was closed under it (the process lost its embedded database). */
async function closedPglite() {
  const database = await createTestDatabase("pglite");
  const lost = harnessFor(database, async () => {});
  await lost.say("giao @Lan việc trước khi mất kết nối");
  await database.close();
  return lost;
}

/** A bot pointed at a PostgreSQL server that does not answer (nothing listens on port 1). */
function unreachablePostgres() {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: "postgresql://roviec@127.0.0.1:1/roviec",
      connectionTimeoutMillis: 2000,
    }),
  });
  const priorityLane = {
    query: async (): Promise<never> => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:1");
    },
  };
  return harnessFor({ prisma, kind: "postgres", priorityLane, close: () => prisma.$disconnect() }, async () => {});
}

describe.each(testDatabaseKinds)("bot pipeline on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("answers text it cannot understand politely, in the user's language, and writes nothing", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan việc đầu tiên");
    const before = await harness.counts();
    const [vi] = await chat.say("blah blah ???");
    expect(vi?.isError).toBe(true);
    expect(vi?.visibility).toBe("private");
    expect(toPlainText(vi?.text ?? "")).toMatch(/Mình chưa hiểu|Ví dụ/);
    const [noRef] = await chat.say("xong");
    expect(toPlainText(noRef?.text ?? "")).toContain('Cần ghi số việc, theo mẫu "xong #số". Ví dụ: "xong #12"');
    // The command failed to parse and is evidently English: the answer is in English, though the channel is not.
    const [english] = await chat.say("done");
    expect(toPlainText(english?.text ?? "")).toContain('in the form "done #number"');
    const [badDue] = await chat.say("gia hạn #1 đến ngày 45/13");
    expect(badDue?.isError).toBe(true);
    expect(await harness.counts()).toEqual(before);
  });

  it("says so when a number does not exist, and never reaches another channel's task", async () => {
    const mine = channelChat(harness);
    const other = channelChat(harness);
    await other.say("giao @Lan việc của kênh khác");
    await mine.say("trợ giúp");
    const before = await harness.counts();
    for (const text of ["xem #1", "xong #1", "hủy #1", "đổi tên #1 tên mới", "gia hạn #1 đến mai", "nhận việc #1"]) {
      const [reply] = await mine.say(text, people.lan);
      expect(reply?.isError, text).toBe(true);
      expect(toPlainText(reply?.text ?? ""), text).toContain("không có việc #1");
    }
    expect(await mine.sayText("show #99")).toContain("không có việc #99");
    expect(await harness.counts()).toEqual(before);
    const otherTask = await harness.database.prisma.task.findFirstOrThrow({
      where: { channel: { externalId: other.channelExternalId } },
      select: { status: true, title: true, version: true },
    });
    expect(otherTask).toEqual({ status: "open", title: "việc của kênh khác", version: 1 });
  });

  it("lets only the creator, an assignee or a manager change a task; refusals say who may and write nothing", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan chuẩn bị hồ sơ thầu", people.minh);
    const before = await harness.counts();
    for (const text of ["hủy #1", "xong #1", "đổi tên #1 tên khác", "giao lại #1 cho @Hoa", "gia hạn #1 đến mai"]) {
      const [reply] = await chat.say(text, people.hoa);
      expect(reply?.isError, text).toBe(true);
      expect(toPlainText(reply?.text ?? ""), text).toContain("@Minh (người giao), @Lan");
    }
    expect(await harness.counts()).toEqual(before);
    // A workspace admin counts as a manager.
    expect(await chat.sayText("đổi tên #1 hồ sơ thầu gói 2", people.admin)).toContain("hồ sơ thầu gói 2");
    // An assignee may change it too.
    expect(await chat.sayText("gia hạn #1 đến 17h thứ 6 tuần sau", people.lan)).toContain("Đã đổi hạn");
  });

  it("handles a duplicate delivery once: the second returns nothing and writes nothing", async () => {
    const chat = channelChat(harness);
    const message = incomingMessage({
      text: "giao @Lan việc giao hai lần",
      eventId: `evt-${kind}-1`,
      channel: { externalId: chat.channelExternalId },
    });
    const first = await harness.bot.handle(message);
    expect(first).toHaveLength(1);
    const after = await harness.counts();
    expect(await harness.bot.handle({ ...message })).toEqual([]);
    expect(await harness.counts()).toEqual(after);
    const read = incomingMessage({
      text: "danh sách",
      eventId: `evt-${kind}-2`,
      channel: { externalId: chat.channelExternalId },
    });
    expect(await harness.bot.handle(read)).toHaveLength(1);
    expect(await harness.bot.handle(read)).toEqual([]);
    // Two deliveries at the same moment: one answer.
    const racing = incomingMessage({
      text: "giao @Minh việc đua",
      eventId: `evt-${kind}-3`,
      channel: { externalId: chat.channelExternalId },
    });
    const results = await Promise.all([harness.bot.handle(racing), harness.bot.handle({ ...racing })]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 1]);
    const titled = await harness.database.prisma.task.count({ where: { title: "việc đua" } });
    expect(titled).toBe(1);
  });

  it("of two concurrent changes exactly one wins, the other is told, and history stays true", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan @Minh lập kế hoạch năm");
    const channelId = await chat.channelId();
    const task = await harness.tasks.findTask(channelId, 1);
    if (!task) throw new Error("task missing");
    const creator = {
      id: task.creator.id,
      isManager: false,
      displayName: task.creator.displayName,
      externalId: task.creator.externalId,
    };
    const ref = { channelId, number: 1, expectedVersion: task.version };
    const [done, renamed] = await Promise.all([
      harness.tasks.markDone(ref, creator),
      harness.tasks.renameTask(ref, creator, "kế hoạch năm 2027"),
    ]);
    expect([done.ok, renamed.ok].filter(Boolean)).toHaveLength(1);
    const loser = done.ok ? renamed : done;
    expect(loser).toMatchObject({ ok: false, reason: "conflict" });
    const events = await harness.database.prisma.taskEvent.findMany({
      where: { taskId: task.id },
      select: { action: true },
    });
    expect(events.map((e) => e.action)).toEqual(["created", done.ok ? "closed" : "renamed"]);
    const row = await harness.database.prisma.task.findUniqueOrThrow({
      where: { id: task.id },
      select: { version: true },
    });
    expect(row.version).toBe(task.version + 1);

    // Through the bot: two people close and cancel at once; exactly one change lands.
    await chat.say("giao @Lan việc tranh chấp");
    const replies = await Promise.all([chat.say("xong #2"), chat.say("hủy #2", people.lan)]);
    const errors = replies.flat().filter((r) => r.isError);
    expect(errors).toHaveLength(1);
    const loserText = toPlainText(errors[0]?.text ?? "");
    expect(loserText).toMatch(/vừa được người khác thay đổi|đã hoàn thành|đã bị hủy/);
    const second = await harness.tasks.findTask(channelId, 2);
    const actions = await harness.database.prisma.taskEvent.findMany({
      where: { taskId: second?.id },
      select: { action: true },
    });
    expect(actions.filter((a) => a.action === "closed" || a.action === "cancelled")).toHaveLength(1);
    expect(second?.version).toBe(2);
  });

  it("binds a pending member (a typed name) to the person when they first write", async () => {
    const chat = channelChat(harness);
    const zalo = { mentionStyle: "names" as const, team: [] };
    const newcomer = { externalId: `Z_HANH_${kind}`, displayName: "Hạnh" };
    await chat.say("giao @Hạnh nhập số liệu", people.sep, zalo);
    const pending = await harness.database.prisma.member.findFirstOrThrow({
      where: { displayName: "Hạnh" },
      select: { id: true, externalId: true },
    });
    expect(pending.externalId).toBeNull();
    const mine = await chat.sayText("việc của tôi", newcomer);
    expect(mine).toContain("nhập số liệu");
    const bound = await harness.database.prisma.member.findUniqueOrThrow({
      where: { id: pending.id },
      select: { externalId: true },
    });
    expect(bound.externalId).toBe(newcomer.externalId);
    // A typed name without diacritics finds the same, now known, person.
    await chat.say("giao @hanh kiểm tra số liệu", people.sep, zalo);
    const count = await harness.database.prisma.member.count({ where: { normalizedName: "hanh" } });
    expect(count).toBe(1);
  });

  it("settings: the first person to change them becomes manager; then only managers may", async () => {
    const chat = channelChat(harness);
    const text = await chat.sayText("cài đặt giờ kết thúc 17:30", people.minh);
    expect(text).toContain("Đã lưu giờ hết ngày làm việc: 17:30.");
    expect(text).toContain("quản lý đầu tiên");
    const before = await harness.counts();
    const [refusal] = await chat.say("cài đặt múi giờ Asia/Bangkok", people.hoa);
    expect(refusal?.isError).toBe(true);
    expect(toPlainText(refusal?.text ?? "")).toContain("@Minh");
    expect(await harness.counts()).toEqual(before);
    expect(await chat.sayText("cài đặt thêm quản lý @Hoa", people.minh)).toContain("Đã thêm quản lý: @Hoa");
    expect(await chat.sayText("cài đặt múi giờ Asia/Bangkok", people.hoa)).toContain("Đã lưu");
    const shown = await chat.sayText("cài đặt", people.lan);
    expect(shown).toContain("Múi giờ: Asia/Bangkok");
    expect(shown).toContain("Hết giờ làm: 17:30");
    expect(await chat.sayText("settings language en", people.minh)).toContain("Saved");
    expect(await chat.sayText("help")).toContain("helps your team");
  });

  it("turns a lost database into AppError database_unavailable", async () => {
    const lost = kind === "pglite" ? await closedPglite() : unreachablePostgres();
    await expect(lost.say("danh sách")).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.code === "database_unavailable",
    );
    await lost.database.prisma.$disconnect().catch(() => {});
  });
});
