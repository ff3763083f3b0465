import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/reply.js";
import { people, type TestPerson } from "../helpers/incoming.js";
import { wireOrgBot } from "../helpers/org-bot.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";

/** Monday 07/12/2026 10:00 in Hà Nội. */
const NOW = new Date("2026-12-07T03:00:00Z");

/** Renaming and deleting units in chat: a workspace admin's right; a deletion is asked about, saying what it does. */
describe.each(testDatabaseKinds)("renaming and deleting units on %s", (kind) => {
  let db: TestDatabase;
  let chat: ReturnType<typeof wireOrgBot>;
  const text = async (message: string, as: TestPerson = people.admin, channel = "so-kh") =>
    (await chat.say(message, as, { channel: { externalId: channel, name: channel } }))
      .map((r) => toPlainText(r.text))
      .join("\n");
  const unitNames = async () =>
    (await db.prisma.orgUnit.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((u) => u.name);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    chat = wireOrgBot(db, () => NOW);
    await text("đơn vị: Ủy ban tỉnh", people.admin, "ubnd");
    await text("đơn vị: Sở Kế hoạch thuộc Ủy ban tỉnh");
    await text("đơn vị: Phòng A thuộc Sở Kế hoạch", people.admin, "phong-a");
    await text("đơn vị: Phòng B thuộc Sở Kế hoạch", people.admin, "phong-b");
    await text("xin chào", people.lan);
    await text("lãnh đạo Sở Kế hoạch: @Lan");
    await text("giao @Lan nộp báo cáo quý trước 17h thứ 6", people.lan);
  });
  afterAll(async () => db?.close());

  it("renames a unit for a workspace admin only, and refuses a name another unit has", async () => {
    expect(await text("đổi tên đơn vị Phòng A thành Phòng Tổng hợp", people.lan)).toContain("Chỉ quản trị viên");
    expect(await unitNames()).toContain("Phòng A");
    expect(await text("đổi tên đơn vị phong a thành Phòng Tổng hợp")).toContain(
      "Đã đổi tên đơn vị Phòng A thành Phòng Tổng hợp",
    );
    expect(await text("rename unit Phòng B to phòng tổng hợp")).toContain('Đã có đơn vị tên "phòng tổng hợp"');
    expect(await text("đổi tên đơn vị Phòng Z thành Phòng Y")).toContain('Chưa có đơn vị "Phòng Z"');
    expect(await unitNames()).toEqual(["Phòng B", "Phòng Tổng hợp", "Sở Kế hoạch", "Ủy ban tỉnh"]);
  });

  it("asks before deleting, says what happens to channels, units and leaders, and deletes only on the answer", async () => {
    expect(await text("xóa đơn vị Sở Kế hoạch", people.lan)).toContain("Chỉ quản trị viên");
    const question = await text("xóa đơn vị Sở Kế hoạch");
    expect(question).toContain("Xóa đơn vị Sở Kế hoạch?");
    expect(question).toContain("1 kênh của nó không còn thuộc đơn vị nào (việc trong kênh giữ nguyên)");
    expect(question).toContain("Phòng B, Phòng Tổng hợp chuyển lên trực thuộc Ủy ban tỉnh");
    expect(question).toContain("1 lãnh đạo của nó không còn xem được qua đơn vị này");
    expect(question).toContain("1.");
    expect(await unitNames()).toContain("Sở Kế hoạch");
    // Someone else's answer is not the asker's.
    await text("1", people.lan);
    expect(await unitNames()).toContain("Sở Kế hoạch");
    expect(await text("1")).toContain("Đã xóa đơn vị Sở Kế hoạch");
    expect(await unitNames()).toEqual(["Phòng B", "Phòng Tổng hợp", "Ủy ban tỉnh"]);
    const ubnd = await db.prisma.orgUnit.findFirstOrThrow({ where: { name: "Ủy ban tỉnh" }, select: { id: true } });
    const moved = await db.prisma.orgUnit.findMany({ where: { parentId: ubnd.id }, select: { name: true } });
    expect(moved.map((u) => u.name).sort()).toEqual(["Phòng B", "Phòng Tổng hợp"]);
    expect(await db.prisma.task.count({ where: { title: "nộp báo cáo quý" } })).toBe(1);
    expect(await db.prisma.orgUnitLeader.count()).toBe(0);
  });

  it("drops a deletion question with 'hủy' (`delete unit` reads too), and nothing is deleted", async () => {
    expect(await text("delete unit Phòng B")).toContain("Xóa đơn vị Phòng B?");
    await text("hủy");
    await text("1");
    expect(await unitNames()).toContain("Phòng B");
  });
});
