import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import type { Bot } from "../../src/core/handler.js";
import { toPlainText } from "../../src/core/reply.js";
import { normalizeMessage } from "../../src/platforms/zalo/normalize-update.js";
import { CLAIM_CODE_TTL_MS, newClaimCode, storeClaimCode } from "../../src/services/admin-claims.js";
import { createDirectoryService } from "../../src/services/directory-service.js";
import { createQuestionService } from "../../src/services/question-service.js";
import { createTaskService } from "../../src/services/task-service.js";
import { incomingMessage } from "../helpers/incoming.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { FAKE_BOT } from "../zalo/fake-zalo-server.js";
import { textUpdate } from "../zalo/fixtures.js";

/**
 * Zalo has no admins of its own: the operator names them (ZALO_ADMIN_IDS) or prints a one-time code
 * (`npm run zalo:claim`) that the future admin sends to the bot privately.
 */
describe("admin rights on Zalo", () => {
  let db: TestDatabase;
  let dropDir: string;
  let bot: Bot;
  const now = new Date("2026-11-27T03:00:00Z");
  const person = { externalId: "z-claimer", displayName: "Chị Mai" };
  const say = async (text: string, where: "private" | "group", who = person) =>
    (
      await bot.handle(
        incomingMessage({
          platform: "zalo",
          text,
          sender: who,
          channel: { externalId: where === "private" ? who.externalId : "z-group", isPrivateChat: where === "private" },
          mentionStyle: "names",
          team: [],
        }),
      )
    )
      .map((r) => toPlainText(r.text))
      .join("\n");
  const isAdmin = async () =>
    (
      await db.prisma.member.findFirstOrThrow({
        where: { externalId: person.externalId },
        select: { adminClaimedAt: true },
      })
    ).adminClaimedAt !== null;

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    dropDir = await mkdtemp(join(tmpdir(), "roviec-claims-"));
    const logger = pino({ level: "silent" });
    const tasks = createTaskService({ prisma: db.prisma, logger, now: () => now });
    const directory = createDirectoryService({
      prisma: db.prisma,
      defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
      claimDropDir: dropDir,
    });
    const questions = createQuestionService({ prisma: db.prisma });
    bot = createAppBot({ services: { tasks, directory, questions }, logger, now: () => now });
  });
  afterAll(async () => {
    await db?.close();
    await rm(dropDir, { recursive: true, force: true });
  });

  it("a code sent in a group is spent without effect; one sent privately makes an admin, once", async () => {
    const burnt = newClaimCode();
    await storeClaimCode({ prisma: db.prisma }, "zalo", burnt, now);
    expect(await say(burnt, "group")).toContain("đã bị hủy");
    expect(await say(burnt, "private")).toContain("không đúng");
    expect(await isAdmin()).toBe(false);
    expect(await say("cài đặt ngày nghỉ 2026-12-07", "group")).toContain("chỉ quản trị viên");
    const code = newClaimCode();
    await storeClaimCode({ prisma: db.prisma }, "zalo", code, now);
    expect(await say(code.toLowerCase(), "private")).toContain("bạn là quản trị viên");
    expect(await isAdmin()).toBe(true);
    expect(await say("cài đặt ngày nghỉ 2026-12-07", "group")).toContain("07/12/2026");
    const other = { externalId: "z-other", displayName: "Anh Tú" };
    expect(await say(code, "private", other)).toContain("không đúng");
  });

  it("refuses an expired code, and takes a code the CLI left in the data directory (embedded database)", async () => {
    const old = newClaimCode();
    await storeClaimCode({ prisma: db.prisma }, "zalo", old, new Date(now.getTime() - CLAIM_CODE_TTL_MS - 1));
    const someone = { externalId: "z-late", displayName: "Hùng" };
    expect(await say(old, "private", someone)).toContain("hết hạn");
    const dropped = newClaimCode();
    await storeClaimCode({ dropDir }, "zalo", dropped, now);
    expect(await readdir(dropDir)).toHaveLength(1);
    expect(await say(dropped, "private", someone)).toContain("bạn là quản trị viên");
    expect(await readdir(dropDir)).toHaveLength(0);
  });

  it("marks the people of ZALO_ADMIN_IDS as admins, and nobody else", () => {
    const update = textUpdate("quản lý kênh", { fromId: "z-boss" });
    const listed = normalizeMessage(update.message as never, FAKE_BOT, new Set(["z-boss"]));
    expect(listed?.sender.isWorkspaceAdmin).toBe(true);
    const unlisted = normalizeMessage(update.message as never, FAKE_BOT, new Set(["z-other"]));
    expect(unlisted?.sender.isWorkspaceAdmin).toBe(false);
  });
});
