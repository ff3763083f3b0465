// Drill: the findings of issue 15 ("close the holes an ordinary member can use today"), each replayed as the attack
// it was and shown refused, in the core (the platform-specific ones are in permissions-platforms.test.ts). Each test
// is named after its finding.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPermissionProperty } from "./permission-property.js";
import { buttonCommand, cast, createPermissionWorld, DRILL_NOW, type PermissionWorld } from "./permission-world.js";

let world: PermissionWorld;
let groupCount = 0;
const newGroup = () => ({ group: `g-${process.pid}-${++groupCount}` });

beforeAll(async () => {
  world = await createPermissionWorld();
});
afterAll(async () => {
  await world?.close();
});

const prisma = () => world.env.prisma;

describe("drill: permissions and abuse (issue 15)", () => {
  it("finding 1: days off for the whole workspace cannot be set from a private chat, nor by a channel manager", async () => {
    const where = newGroup();
    await world.say(cast.minh, "việc của tôi", where);
    const [fromPrivate] = await world.say(cast.minh, "cài đặt ngày nghỉ 2026-12-07", "private");
    expect(fromPrivate?.isError).toBe(true);
    await world.say(cast.admin, "thêm quản lý @Minh", where);
    const [fromManager] = await world.say(cast.minh, "cài đặt ngày nghỉ 2026-12-07", where);
    expect(fromManager?.isError).toBe(true);
    expect(await prisma().workspaceDayOff.count()).toBe(0);
    // A workspace admin may, and the channel's history says who did it.
    expect(await world.sayText(cast.admin, "cài đặt ngày nghỉ 2026-12-07", where)).toContain("07/12/2026");
    expect(await prisma().workspaceDayOff.count()).toBe(1);
    expect(await prisma().channelEvent.count({ where: { action: "day_off_declared" } })).toBe(1);
    await prisma().workspaceDayOff.deleteMany({});
  });

  it("finding 2: the first member to change a setting does not become manager, and the lead is not locked out", async () => {
    const where = newGroup();
    await world.say(cast.lead, "giao @Lan nộp báo cáo quý trước 17h thứ 6", where);
    await world.say(cast.lan, "việc của tôi", where);
    const [taken] = await world.say(cast.minh, "giờ kết thúc 17:30", where);
    expect(taken?.isError).toBe(true);
    expect(await prisma().channelManager.count({ where: { channel: { externalId: where.group } } })).toBe(0);
    const [cancel] = await world.say(cast.minh, "hủy #1", where);
    expect(cancel?.isError).toBe(true);
    const [rename] = await world.say(cast.minh, "đổi tên #1 thành việc của tôi", where);
    expect(rename?.isError).toBe(true);
    // The admin names the lead manager; the lead then changes what the channel needs, Minh still cannot.
    expect(await world.sayText(cast.admin, "thêm quản lý @Sếp Tùng", where)).toContain("Đã thêm quản lý");
    expect(await world.sayText(cast.lead, "giờ kết thúc 17:30", where)).toContain("Đã lưu");
    const [stillNot] = await world.say(cast.minh, "bỏ quản lý @Sếp Tùng", where);
    expect(stillNot?.isError).toBe(true);
    const task = await prisma().task.findFirstOrThrow({
      where: { number: 1, channel: { externalId: where.group } },
      select: { status: true, title: true },
    });
    expect(task).toEqual({ status: "open", title: "nộp báo cáo quý" });
    const listed = await world.sayText(cast.minh, "quản lý kênh", where);
    expect(listed).toContain("@Sếp Tùng");
    expect(listed).toContain("@Quản trị thêm @Sếp Tùng làm quản lý");
  });

  it("finding 3: reminders need the right to change the task, and a task has at most 5 waiting", async () => {
    const where = newGroup();
    await world.say(cast.lead, "giao @Lan chuẩn bị phòng họp trước thứ 6 tuần sau", where);
    await world.say(cast.lan, "việc của tôi", where);
    const taskId = await world.taskId(where.group, 1);
    const reminders = () => prisma().ping.count({ where: { taskId, kind: "reminder", status: "planned" } });
    const [outsider] = await world.say(cast.minh, "nhắc #1 lúc 15h", where);
    expect(outsider?.isError).toBe(true);
    expect(await reminders()).toBe(0);
    for (const hour of [14, 15, 16])
      expect(await world.sayText(cast.lan, `nhắc #1 lúc ${hour}h`, where)).toContain("#1");
    for (const day of ["thứ 2", "thứ 3"]) await world.say(cast.lead, `nhắc #1 lúc 9h ${day}`, where);
    expect(await reminders()).toBe(5);
    const [sixth] = await world.say(cast.lan, "nhắc #1 lúc 9h thứ 4", where);
    expect(sixth?.isError).toBe(true);
    expect(await reminders()).toBe(5);
  });

  it("finding 4: a button pressed in a private chat acts on the card's task (done, extend, reassign, snooze), not the chat's own #1", async () => {
    const where = newGroup();
    await world.say(cast.lead, "giao @Lan nộp hồ sơ thầu trước 17h thứ 6 tuần sau", where);
    await world.say(cast.lan, "việc của tôi", where);
    await world.say(cast.lan, "giao @Lan việc riêng của Lan", "private");
    const groupTask = await world.taskId(where.group, 1);
    const ownTask = await world.taskId(cast.lan.externalId, 1);
    const version = async (id: string) =>
      (await prisma().task.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    const ownVersion = await version(ownTask);
    const press = (person: typeof cast.lan, command: ReturnType<typeof buttonCommand>) =>
      world.say(person, `[button] ${command.command}`, "private", { command, targetTaskId: groupTask });
    const due = {
      deadline: new Date("2026-12-10T10:00:00Z"),
      hasTime: true,
      start: DRILL_NOW,
      grain: "day" as const,
      text: "",
    };
    const snoozeUntil = { ...due, deadline: new Date("2026-12-01T02:00:00Z") };
    for (const command of [
      buttonCommand("due", 1, { due }),
      buttonCommand("snooze", 1, { due: snoozeUntil }),
      buttonCommand("done", 1),
    ]) {
      const replies = await press(cast.lan, command);
      expect(
        replies.some((r) => r.isError),
        JSON.stringify(replies),
      ).toBe(false);
    }
    const after = await prisma().task.findUniqueOrThrow({
      where: { id: groupTask },
      select: { dueAt: true, snoozedUntil: true, status: true, assignees: { select: { doneAt: true } } },
    });
    expect(after.dueAt).toEqual(due.deadline);
    expect(after.snoozedUntil).toEqual(snoozeUntil.deadline);
    expect(after.status).toBe("done");
    expect(await version(ownTask)).toBe(ownVersion);
    // Someone with no right to the task gets nothing from its card, wherever they press it.
    await world.say(cast.lead, "giao @Lan kiểm tra hợp đồng", where);
    const second = await world.taskId(where.group, 2);
    const before = await version(second);
    const reassign = buttonCommand("assign", 2, { assignees: ["Minh"], assignMode: "replace" });
    const [refused] = await world.say(cast.minh, "[button] assign", "private", {
      command: reassign,
      targetTaskId: second,
      mentions: [{ token: "Minh", externalId: cast.minh.externalId, displayName: "Minh" }],
    });
    expect(refused?.isError).toBe(true);
    expect(await version(second)).toBe(before);
    const [done] = await world.say(cast.minh, "[button] done", "private", {
      command: buttonCommand("done", 2),
      targetTaskId: second,
    });
    expect(done?.isError).toBe(true);
    expect(await version(second)).toBe(before);
  });

  it("finding 5: a typed @Name means a member of this channel only, never the workspace's oldest namesake", async () => {
    const elsewhere = newGroup();
    await world.say({ externalId: "z-hoa-real", displayName: "Hoa" }, "việc của tôi", elsewhere);
    const where = newGroup();
    await world.say(cast.lead, "giao @Hoa soạn hợp đồng", where);
    const task = await prisma().task.findFirstOrThrow({
      where: { channel: { externalId: where.group } },
      select: { assignees: { select: { member: { select: { externalId: true } } } } },
    });
    expect(task.assignees.map((a) => a.member.externalId)).toEqual([null]);
  });

  it('finding 5: a member who renamed herself "Ngân" does not receive a task meant for the real Ngân', async () => {
    const elsewhere = newGroup();
    // The impostor is the workspace's oldest member with that name once she renames; the real Ngân is newer.
    const impostor = { externalId: "z-impostor", displayName: "Thu Trang" };
    await world.say(impostor, "việc của tôi", elsewhere);
    await world.say({ ...impostor, displayName: "Ngân" }, "việc của tôi", elsewhere);
    const where = newGroup();
    const ngan = { externalId: "z-ngan", displayName: "Ngân" };
    await world.say(ngan, "việc của tôi", where);
    await world.say(cast.lead, "giao @Ngân soạn hợp đồng mua sắm", where);
    const renamed = { ...impostor, displayName: "Ngân" };
    expect(await world.sayText(renamed, "việc của tôi", "private")).not.toContain("hợp đồng mua sắm");
    expect(await world.sayText(ngan, "việc của tôi", where)).toContain("hợp đồng mua sắm");
    const [close] = await world.say(renamed, "xong #1", where);
    expect(close?.isError).toBe(true);
    const [reassign] = await world.say(renamed, "giao lại #1 cho @Thu", where);
    expect(reassign?.isError).toBe(true);
  });

  it("finding 5: a pending person binds only in its own channel, to exactly one newcomer of that exact name", async () => {
    const where = newGroup();
    await world.say(cast.lead, "giao @Hoàng kiểm kê kho", where);
    // Someone showing the same name who writes to the bot anywhere else gets nothing.
    const stranger = { externalId: "z-hoang-1", displayName: "Hoàng" };
    expect(await world.sayText(stranger, "việc của tôi", "private")).not.toContain("kiểm kê kho");
    const task = () =>
      prisma().task.findFirstOrThrow({
        where: { channel: { externalId: where.group } },
        select: { assignees: { select: { member: { select: { externalId: true } } } } },
      });
    expect((await task()).assignees.map((a) => a.member.externalId)).toEqual([null]);
    // The first of that exact name to write in the channel is the one meant.
    const hoang = { externalId: "z-hoang-2", displayName: "Hoàng" };
    expect(await world.sayText(hoang, "việc của tôi", where)).toContain("kiểm kê kho");
    expect((await task()).assignees.map((a) => a.member.externalId)).toEqual(["z-hoang-2"]);
  });

  it("finding 5: a pending name that no newcomer matches exactly is bound only when its writer confirms", async () => {
    const where = newGroup();
    await world.say(cast.lead, "giao @Hoa soạn hợp đồng thuê xe", where);
    const hoa = { externalId: "z-hoa-full", displayName: "Nguyễn Thị Hoa" };
    expect(await world.sayText(hoa, "việc của tôi", where)).not.toContain("hợp đồng thuê xe");
    // Someone else cannot say who "Hoa" was; the lead, who typed it, can.
    await world.say(cast.minh, "việc của tôi", where);
    expect(await world.sayText(cast.minh, "xác nhận @Hoa là @Minh", where)).not.toContain("Đã ghi nhận");
    expect(await world.sayText(cast.minh, "việc của tôi", where)).not.toContain("hợp đồng thuê xe");
    expect(await world.sayText(cast.lead, "xác nhận @Hoa là @Nguyễn Thị Hoa", where)).toContain("Đã ghi nhận");
    expect(await world.sayText(hoa, "việc của tôi", where)).toContain("hợp đồng thuê xe");
  });

  it("finding 5: two people answering to a name are asked about, nothing is written; @Lân is not @Lan", async () => {
    const where = newGroup();
    await world.say({ externalId: "z-hoa-1", displayName: "Nguyễn Thị Hoa" }, "việc của tôi", where);
    await world.say({ externalId: "z-hoa-2", displayName: "Trần Thị Hoa" }, "việc của tôi", where);
    await world.say({ externalId: "z-lan-2", displayName: "Lan" }, "việc của tôi", where);
    await world.say({ externalId: "z-lan-3", displayName: "Lân" }, "việc của tôi", where);
    const before = await prisma().task.count();
    const members = await prisma().member.count();
    const [asked] = await world.say(cast.lead, "giao @Hoa soạn hợp đồng", where);
    // Asked with one choice per person (the question flow of issue 14), never guessed.
    expect(asked?.question?.choices).toHaveLength(2);
    expect(asked?.text).toContain("Nguyễn Thị Hoa");
    expect(asked?.text).toContain("Trần Thị Hoa");
    expect(await prisma().task.count()).toBe(before);
    expect(await prisma().member.count()).toBe(members);
    await world.say(cast.lead, "giao @Lân kiểm kê kho", where);
    const task = await prisma().task.findFirstOrThrow({
      where: { channel: { externalId: where.group } },
      select: { assignees: { select: { member: { select: { externalId: true } } } } },
    });
    expect(task.assignees.map((a) => a.member.externalId)).toEqual(["z-lan-3"]);
  });

  it("finding 5: @channel, @here, @everyone and @all are never people", async () => {
    const where = newGroup();
    await world.say(cast.lead, "việc của tôi", where);
    const before = { tasks: await prisma().task.count(), members: await prisma().member.count() };
    for (const group of ["channel", "here", "everyone", "all"]) {
      const [refused] = await world.say(cast.lead, `giao @${group} nộp báo cáo`, where);
      expect(refused?.isError).toBe(true);
    }
    expect(await prisma().task.count()).toBe(before.tasks);
    expect(await prisma().member.count()).toBe(before.members);
  });

  it("finding 6: a huge title is cut to 500 characters and the reply says so; 1,000 mentions are refused; a 20,000-character name is cut", async () => {
    const where = newGroup();
    const [created] = await world.say(cast.lead, `giao @Lan ${"báo cáo ".repeat(30_000)}`, where);
    expect(created?.text).toContain("500");
    const titles = await prisma().task.findMany({
      where: { channel: { externalId: where.group } },
      select: { title: true },
    });
    expect(titles).toHaveLength(1);
    expect(Array.from(titles[0]?.title ?? "").length).toBeLessThanOrEqual(500);
    const members = await prisma().member.count();
    const mentions = Array.from({ length: 1000 }, (_, i) => `@u${i}`).join(" ");
    const [refused] = await world.say(cast.lead, `giao ${mentions} dọn kho`, where);
    expect(refused?.isError).toBe(true);
    expect(await prisma().member.count()).toBe(members);
    const long = { externalId: "z-long", displayName: "Hương".repeat(4000) };
    await world.say(long, "việc của tôi", where);
    const stored = await prisma().member.findFirstOrThrow({
      where: { externalId: "z-long" },
      select: { displayName: true },
    });
    expect(Array.from(stored.displayName).length).toBeLessThanOrEqual(100);
  });

  it("finding 8: bidi overrides and zero-width characters never reach a title or a name", async () => {
    const where = newGroup();
    const spoof = { externalId: "z-spoof", displayName: "Lan\u200B\u202E" };
    await world.say(spoof, "giao @Lan kiểm tra tệp \u202Egpj.exe\u200B\u2066 đính kèm", where);
    const task = await prisma().task.findFirstOrThrow({
      where: { channel: { externalId: where.group } },
      select: { title: true },
    });
    expect(task.title).toBe("kiểm tra tệp gpj.exe đính kèm");
    const member = await prisma().member.findFirstOrThrow({
      where: { externalId: "z-spoof" },
      select: { displayName: true },
    });
    expect(member.displayName).toBe("Lan");
  });

  it("property: whatever members without rights send, nothing they have no right to changes", async () => {
    const result = await runPermissionProperty(world, { numRuns: 20, maxCommands: 15 });
    console.info("permission property", result);
    expect(result.counterexample).toBe("");
    expect(result.forbiddenChanges).toBe(0);
    expect(result.tasksCreated).toBeGreaterThan(0);
    expect(result.ownPartsDone).toBeGreaterThan(0);
  });
});
