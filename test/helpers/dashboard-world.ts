/**
 * An organisation set up through chat as people would (units, leaders, tasks), with the dashboard served on loopback
 * by the bot's own HTTP server, and links taken from the bot's replies.
 */
import type { Server } from "node:http";
import { pino } from "pino";
import { toPlainText } from "../../src/core/reply.js";
import { createDashboardRoute } from "../../src/http/dashboard/dashboard-route.js";
import { createHttpServer, listen } from "../../src/http/server.js";
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from "../setup/db.js";
import { people, type TestPerson } from "./incoming.js";
import { linkIn, wireOrgBot } from "./org-bot.js";

/** Monday 07/12/2026 10:00 in Hà Nội. */
export const WORLD_NOW = new Date("2026-12-07T03:00:00Z");

export const hoa = people.hoa;

export interface DashboardWorld {
  db: TestDatabase;
  baseUrl: string;
  clock: { now: Date };
  chat: ReturnType<typeof wireOrgBot>;
  say(text: string, as: TestPerson, channel: string): Promise<string>;
  /** A fresh single-use link for `as`, as the bot sent it. */
  linkFor(as: TestPerson, command?: string): Promise<string>;
  unitId(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function createDashboardWorld(
  kind: TestDatabaseKind,
  options: { publicUrl?: string } = {},
): Promise<DashboardWorld> {
  const db = await createTestDatabase(kind);
  const clock = { now: WORLD_NOW };
  let port = 0;
  const publicUrl = () => options.publicUrl ?? `http://127.0.0.1:${port}`;
  const chat = wireOrgBot(db, () => clock.now, publicUrl);
  const logger = pino({ level: "silent" });
  const server: Server = createHttpServer({
    routes: {},
    subtrees: {
      "/dashboard": createDashboardRoute({
        org: chat.org,
        reports: chat.reports,
        logger,
        now: () => clock.now,
        publicUrl,
        defaultTimezone: "Asia/Ho_Chi_Minh",
      }),
    },
    logger,
  });
  port = await listen(server, 0, "127.0.0.1");
  const say = async (text: string, as: TestPerson, channel: string) =>
    (await chat.say(text, as, { channel: { externalId: channel, name: channel } }))
      .map((r) => toPlainText(r.text))
      .join("\n");
  const world: DashboardWorld = {
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    clock,
    chat,
    say,
    async linkFor(as, command = "bảng điều khiển") {
      const link = linkIn(await say(command, as, "so-kh"));
      if (!link) throw new Error(`no link in the reply to ${command}`);
      // The link names PUBLIC_URL; the test reaches the same server on loopback.
      const url = new URL(link);
      return `http://127.0.0.1:${port}${url.pathname}${url.search}`;
    },
    async unitId(name) {
      const unit = await db.prisma.orgUnit.findFirstOrThrow({ where: { name }, select: { id: true } });
      return unit.id;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
  return world;
}

/**
 * Ủy ban → Sở Kế hoạch (Lan leads) → Phòng Tổng hợp, Phòng Đầu tư; and Sở Tài chính beside it (Hoa leads). Tasks in
 * each, some overdue by 9 hours at the world's clock after this (18:00 that Monday).
 */
export async function seedOrganisation(world: DashboardWorld): Promise<void> {
  const { say } = world;
  const admin = people.admin;
  await say("đơn vị: Ủy ban tỉnh", admin, "ubnd");
  await say("đơn vị: Sở Kế hoạch thuộc Ủy ban tỉnh", admin, "so-kh");
  await say("đơn vị: Phòng Tổng hợp thuộc Sở Kế hoạch", admin, "phong-th");
  await say("đơn vị: Phòng Đầu tư thuộc Sở Kế hoạch", admin, "phong-dt");
  await say("đơn vị: Sở Tài chính thuộc Ủy ban tỉnh", admin, "so-tc");
  for (const channel of ["so-kh", "phong-th", "phong-dt", "so-tc"]) {
    await say("xin chào", people.lan, channel);
    await say("xin chào", people.minh, channel);
    await say("xin chào", hoa, channel);
  }
  await say("lãnh đạo Sở Kế hoạch: @Lan", admin, "so-kh");
  await say("lãnh đạo Sở Tài chính: @Hoa", admin, "so-tc");
  await say("giao @Minh nộp báo cáo quý trước 17h thứ 6", people.lan, "phong-th");
  await say("giao @Minh soạn công văn <i>số 12</i> trước 17h hôm nay", people.lan, "phong-th");
  await say('giao @Hoa @Minh rà soát dự án =HYPERLINK("x") trước 12h hôm nay', people.lan, "phong-dt");
  await say("giao @Minh lập kế hoạch năm 2027", people.lan, "so-kh");
  await say("giao @Hoa lập dự toán ngân sách trước 11h hôm nay", hoa, "so-tc");
  // 18:00 that Monday: two deadlines of Sở Kế hoạch's subtree and one of Sở Tài chính have passed.
  world.clock.now = new Date(WORLD_NOW.getTime() + 8 * 3_600_000);
}
