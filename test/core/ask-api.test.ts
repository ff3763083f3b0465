import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import type { Middleware } from "../../src/core/middleware.js";
import type { CoreServices } from "../../src/core/ports/index.js";
import { askWhichPerson } from "../../src/core/questions/index.js";
import { toPlainText } from "../../src/core/reply.js";
import type { PersonView } from "../../src/core/task-view.js";
import { FIXED_NOW, harnessFor } from "../helpers/chat-harness.js";
import { incomingMessage } from "../helpers/incoming.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";

/**
 * The question flow as other parts of the core use it: people resolution asks "which @Hoa?" through askWhichPerson,
 * and the chosen answer runs the same command with that person pinned. (Here a middleware stands in for the people
 * resolution of the permissions issue, which calls the same function.)
 */
describe("asking which person a typed name means", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("asks, writes nothing, and assigns the person chosen", async () => {
    const harness = harnessFor(database, async () => {});
    const channel = { externalId: "which-hoa" };
    const hoa = (externalId: string, displayName: string) =>
      harness.say("trợ giúp", { externalId, displayName }, { channel });
    await hoa("U_HOA_1", "Hoa");
    await hoa("U_HOA_2", "Hoa Nguyễn");
    const rows = await database.prisma.member.findMany({
      where: { externalId: { in: ["U_HOA_1", "U_HOA_2"] } },
      select: { id: true, externalId: true, displayName: true },
      orderBy: { externalId: "asc" },
    });
    const candidates: PersonView[] = rows;
    const whichHoa: Middleware<CoreServices> = async (context, next) => {
      const parsed = context.parsed;
      const typed = parsed.ok && parsed.command.assignees.includes("Hoa") && context.incoming.text.includes("@Hoa");
      if (!typed || !parsed.ok) return next();
      return askWhichPerson(context, parsed.command, "Hoa", candidates);
    };
    const bot = createAppBot({
      services: { tasks: harness.tasks, directory: harness.directory, questions: harness.questions },
      logger: pino({ level: "silent" }),
      middleware: [whichHoa],
      now: () => FIXED_NOW,
    });
    const say = async (text: string) =>
      toPlainText((await bot.handle(incomingMessage({ text, channel, mentionStyle: "names" })))[0]?.text ?? "");
    const question = await say("giao @Hoa soạn hợp đồng");
    expect(question).toContain('có nhiều người tên "Hoa".');
    expect(question).toContain('1. Tạo việc "soạn hợp đồng" cho @Hoa, không có hạn');
    expect(question).toContain('2. Tạo việc "soạn hợp đồng" cho @Hoa Nguyễn, không có hạn');
    expect(await database.prisma.task.count({ where: { channel: { externalId: channel.externalId } } })).toBe(0);
    expect(await say("2")).toContain("Giao cho: @Hoa Nguyễn");
    const task = await database.prisma.task.findFirstOrThrow({
      where: { channel: { externalId: channel.externalId } },
      select: { assignees: { select: { member: { select: { externalId: true } } } } },
    });
    expect(task.assignees.map((a) => a.member.externalId)).toEqual(["U_HOA_2"]);
  });
});
