import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/reply.js";
import { people, type TestPerson } from "../helpers/incoming.js";
import { linkIn, wireOrgBot } from "../helpers/org-bot.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";

/** Monday 07/12/2026 10:00 in Hà Nội. */
const NOW = new Date("2026-12-07T03:00:00Z");

describe.each(testDatabaseKinds)("organisation commands in chat on %s", (kind) => {
  let db: TestDatabase;
  let chat: ReturnType<typeof wireOrgBot>;
  let clock = NOW;
  const text = async (message: string, as: TestPerson = people.admin, channel = "so-kh") =>
    (await chat.say(message, as, { channel: { externalId: channel, name: channel } }))
      .map((r) => toPlainText(r.text))
      .join("\n");

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    chat = wireOrgBot(db, () => clock);
  });
  afterAll(async () => db?.close());

  it("lets only a workspace admin change the tree, and writes nothing otherwise", async () => {
    expect(await text("đơn vị: Sở Kế hoạch", people.lan)).toContain("Chỉ quản trị viên");
    expect(await db.prisma.orgUnit.count()).toBe(0);
    expect(await text("đơn vị: Sở Kế hoạch thuộc Ủy ban tỉnh")).toContain(
      "Đã gắn kênh này vào đơn vị Sở Kế hoạch, trực thuộc Ủy ban tỉnh",
    );
    expect(await text("đơn vị: Phòng Tổng hợp thuộc Sở Kế hoạch", people.admin, "phong-th")).toContain(
      "Phòng Tổng hợp",
    );
    expect(await text("unit: Phòng Đầu tư under so ke hoach", people.admin, "phong-dt")).toContain(
      "Đã gắn kênh này vào đơn vị Phòng Đầu tư, trực thuộc Sở Kế hoạch",
    );
    expect(await text("đơn vị: Ủy ban tỉnh thuộc Phòng Tổng hợp", people.admin, "ubnd")).toContain("Không thể xếp");
    const tree = await text("đơn vị", people.lan, "phong-th");
    expect(tree).toContain("Ủy ban tỉnh");
    expect(tree.indexOf("Sở Kế hoạch")).toBeLessThan(tree.indexOf("Phòng Tổng hợp"));
    expect(tree).toContain("Kênh này thuộc: Phòng Tổng hợp");
  });

  it("names leaders, who then see their subtree's roll-up; others see nothing", async () => {
    await text("xin chào", people.lan);
    await text("xin chào", people.minh, "phong-th");
    expect(await text("lãnh đạo Sở Kế hoạch: @Lan", people.minh)).toContain("Chỉ quản trị viên");
    expect(await text("lãnh đạo Sở Kế hoạch: @Lan")).toContain("Đã thêm lãnh đạo Sở Kế hoạch: @Lan");
    await text("giao @Minh nộp báo cáo quý trước 17h thứ 6", people.minh, "phong-th");
    await text("giao @Minh soạn công văn trước 17h hôm nay", people.minh, "phong-th");
    clock = new Date(NOW.getTime() + 8 * 3_600_000);
    const rollup = await text("tình hình các đơn vị", people.lan);
    expect(rollup).toContain("Tình hình các đơn vị (tuần từ 07/12/2026)");
    expect(rollup).toContain("Sở Kế hoạch: mở 2 · quá hạn 1");
    expect(rollup).toContain("Phòng Tổng hợp: mở 2 · quá hạn 1 (trễ nhất 1 giờ)");
    expect(rollup).not.toContain("Ủy ban tỉnh");
    expect(await text("status of units", people.minh)).toContain("Bạn chưa được xem đơn vị nào");
    const overdue = await text("việc quá hạn các đơn vị", people.lan);
    expect(overdue).toContain("soạn công văn");
    expect(overdue).toContain("chờ: Minh");
  });

  it("sends a single-use dashboard link privately, and refuses to put one in a Zalo group", async () => {
    const [reply] = await chat.say("bảng điều khiển", people.lan, { channel: { externalId: "so-kh" } });
    expect(reply?.visibility).toBe("private");
    expect(linkIn(reply?.text ?? "")).toMatch(/^http:\/\/127\.0\.0\.1:9\/dashboard\/open\?t=/);
    const zalo = await chat.say("bảng điều khiển", people.lan, {
      platform: "zalo",
      channel: { externalId: "zalo-group" },
    });
    expect(linkIn(zalo.map((r) => r.text).join("\n"))).toBeNull();
    expect(zalo[0]?.text).toContain("tin nhắn riêng");
    expect(await text("đăng xuất mọi nơi", people.lan)).toContain("Đã đăng xuất mọi nơi");
  });

  it("answers `xuất báo cáo xlsx` on Zalo with a download link in the private chat, not a file", async () => {
    // As the Zalo adapter reports a private chat's sender: the chat where the bot may write to them.
    const zaloLan = { externalId: "z-lan", displayName: "Lan Zalo", privateChatId: "z-lan" };
    const privately = await chat.say("xuất báo cáo xlsx", zaloLan, {
      platform: "zalo",
      channel: { externalId: "z-lan", isPrivateChat: true },
    });
    expect(privately[0]?.attachment).toBeUndefined();
    expect(linkIn(privately[0]?.text ?? "")).not.toBeNull();
    const stored = await db.prisma.dashboardLink.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(stored.path).toMatch(/^\/dashboard\/channel\/[0-9a-f-]{36}\/export\.xlsx$/);
    // Only the hash is stored: the secret in the link is not in the database.
    const secret = decodeURIComponent(new URL(linkIn(privately[0]?.text ?? "") as string).searchParams.get("t") ?? "");
    expect(JSON.stringify(await db.prisma.dashboardLink.findMany())).not.toContain(secret);
    // In a group the link goes to the person's private chat with the bot, which they have opened.
    const inGroup = await chat.say(
      "xuất báo cáo csv",
      { externalId: "z-lan", displayName: "Lan Zalo" },
      { platform: "zalo", channel: { externalId: "z-group-2" } },
    );
    expect(inGroup[0]?.visibility).toBe("private");
    expect(linkIn(inGroup[0]?.text ?? "")).not.toBeNull();
  });
});
