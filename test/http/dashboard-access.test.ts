import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardWorld, type DashboardWorld, seedOrganisation } from "../helpers/dashboard-world.js";
import { people } from "../helpers/incoming.js";

/** The dashboard's doors over real HTTP on loopback: single-use links, the session cookie, and who sees what. */
describe("dashboard access over HTTP", () => {
  let world: DashboardWorld;
  const open = (url: string, cookie?: string) => fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

  beforeAll(async () => {
    world = await createDashboardWorld("postgres");
    await seedOrganisation(world);
  });
  afterAll(async () => world?.close());

  it("opens a session from a link once, with an HttpOnly SameSite=Lax cookie, and refuses the link again", async () => {
    const link = await world.linkFor(people.lan);
    const first = await open(link);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/dashboard");
    const setCookie = first.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^rv_session=[\w%-]+; Path=\/dashboard; Max-Age=43200; HttpOnly; SameSite=Lax$/);
    const page = await open(`${world.baseUrl}/dashboard`, cookieOf(first));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain("Sở Kế hoạch");
    const again = await open(link);
    expect(again.status).toBe(410);
    const body = await again.text();
    expect(body).toContain("Liên kết đã được dùng");
    expect(body).toContain("bảng điều khiển");
  });

  it("refuses a tampered link, an expired one, and any page without a session", async () => {
    const link = await world.linkFor(people.lan);
    const tampered = `${link.slice(0, -2)}${link.endsWith("A") ? "B" : "A"}x`;
    expect((await open(tampered)).status).toBe(400);
    const saved = world.clock.now;
    world.clock.now = new Date(saved.getTime() + 16 * 60_000);
    const expired = await open(link);
    world.clock.now = saved;
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("hết hạn");
    const anonymous = await open(`${world.baseUrl}/dashboard`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain("bảng điều khiển");
  });

  it("shows a leader only their subtree: another unit and a channel they are not in answer 404", async () => {
    const session = cookieOf(await open(await world.linkFor(people.lan)));
    const soTc = await world.unitId("Sở Tài chính");
    const phongTh = await world.unitId("Phòng Tổng hợp");
    expect((await open(`${world.baseUrl}/dashboard/unit/${phongTh}`, session)).status).toBe(200);
    expect((await open(`${world.baseUrl}/dashboard/unit/${soTc}`, session)).status).toBe(404);
    expect((await open(`${world.baseUrl}/dashboard/unit/${soTc}/export.csv`, session)).status).toBe(404);
    const foreignTask = await world.db.prisma.task.findFirstOrThrow({
      where: { channel: { externalId: "so-tc" } },
      select: { id: true, channelId: true },
    });
    // Lan writes in Sở Tài chính's channel too, so that channel is hers to see; a task of a channel she is not in is not.
    const ubnd = await world.db.prisma.channel.findFirstOrThrow({
      where: { externalId: "ubnd" },
      select: { id: true },
    });
    expect((await open(`${world.baseUrl}/dashboard/channel/${ubnd.id}`, session)).status).toBe(404);
    expect((await open(`${world.baseUrl}/dashboard/task/${foreignTask.id}`, session)).status).toBe(200);
    const overview = await (await open(`${world.baseUrl}/dashboard`, session)).text();
    expect(overview).not.toContain("Sở Tài chính");
    expect(overview).not.toContain("Ủy ban tỉnh");
  });

  it("escapes what people typed and defuses formulas in the downloads", async () => {
    const session = cookieOf(await open(await world.linkFor(people.lan)));
    const unit = await world.unitId("Sở Kế hoạch");
    const page = await (await open(`${world.baseUrl}/dashboard/unit/${unit}`, session)).text();
    expect(page).toContain("soạn công văn &lt;i&gt;số 12&lt;/i&gt;");
    expect(page).not.toContain("<i>số 12</i>");
    const csv = await (await open(`${world.baseUrl}/dashboard/unit/${unit}/export.csv`, session)).text();
    expect(csv).toContain("rà soát dự án");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const xlsx = await open(`${world.baseUrl}/dashboard/export/rollup.xlsx`, session);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(xlsx.headers.get("content-disposition")).toMatch(/^attachment; filename="tong-hop-2026-12-07\.xlsx"$/);
  });

  it("gives a Zalo user their channel's export through a private link (the file Zalo cannot send)", async () => {
    const zaloLan = { externalId: "z-lan", displayName: "Lan", privateChatId: "z-lan" };
    const replies = await world.chat.say("xuất báo cáo xlsx", zaloLan, {
      platform: "zalo",
      channel: { externalId: "z-lan", isPrivateChat: true },
    });
    const link = /(http\S+open\?t=[\w%-]+)/.exec(replies[0]?.text ?? "")?.[1] as string;
    const opened = await open(link);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toMatch(/^\/dashboard\/channel\/[0-9a-f-]{36}\/export\.xlsx$/);
    const file = await open(`${world.baseUrl}${opened.headers.get("location")}`, cookieOf(opened));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain("bao-cao-2026-12-07.xlsx");
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
  });

  it("ends every session with `đăng xuất mọi nơi`", async () => {
    const session = cookieOf(await open(await world.linkFor(people.lan)));
    expect((await open(`${world.baseUrl}/dashboard`, session)).status).toBe(200);
    expect(await world.say("đăng xuất mọi nơi", people.lan, "so-kh")).toContain("Đã đăng xuất mọi nơi");
    expect((await open(`${world.baseUrl}/dashboard`, session)).status).toBe(401);
  });

  it("marks the cookie Secure behind an https PUBLIC_URL", async () => {
    const secure = await createDashboardWorld("pglite", { publicUrl: "https://roviec.example.gov.vn" });
    try {
      await secure.say("xin chào", people.lan, "so-kh");
      const response = await open(await secure.linkFor(people.lan));
      expect(response.headers.get("set-cookie")).toMatch(/; Secure$/);
    } finally {
      await secure.close();
    }
  });
});
