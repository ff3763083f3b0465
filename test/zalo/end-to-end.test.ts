import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import { createLogger } from "../../src/logger.js";
import { createDirectoryService } from "../../src/services/directory-service.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { createQuestionService } from "../../src/services/question-service.js";
import { createTaskService } from "../../src/services/task-service.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";
import { FAKE_BOT } from "./fake-zalo-server.js";
import { textUpdate } from "./fixtures.js";
import { type Harness, startHarness, WEBHOOK_SECRET } from "./harness.js";

// The whole way through: fake Zalo → our webhook → the real core → a real database → replies back to fake Zalo.
describe.each(testDatabaseKinds)("Zalo end to end on %s", (kind) => {
  let db: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.close());

  beforeEach(async () => {
    const logger = createLogger("silent");
    const services = {
      tasks: createTaskService({ prisma: db.prisma, logger }),
      directory: createDirectoryService({
        prisma: db.prisma,
        defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
      }),
      questions: createQuestionService({ prisma: db.prisma }),
    };
    // As in the app: updates are journaled before the webhook's 200.
    h = await startHarness({
      bot: createAppBot({ services, logger }),
      secret: WEBHOOK_SECRET,
      journal: createInboundJournal(db.priorityLane),
    });
  });
  afterEach(() => h.close());

  async function deliver(body: unknown) {
    const response = await fetch(`${h.baseUrl}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    await h.adapter.whenIdle();
  }

  async function tasksWithAssignees(chatId: string) {
    return db.prisma.task.findMany({
      where: { channel: { externalId: chatId } },
      select: {
        number: true,
        title: true,
        assignees: { select: { member: { select: { externalId: true, displayName: true } } } },
      },
      orderBy: { number: "asc" },
    });
  }

  it("creates one task for a message delivered twice (wrapped, then bare) and answers once", async () => {
    const chat = `private-${kind}-1`;
    const update = textUpdate("/viec them Nộp báo cáo quý", { fromId: chat, name: "Minh", messageId: `dup-${kind}` });
    await deliver({ ok: true, result: update });
    await deliver(update);
    expect(await tasksWithAssignees(chat)).toHaveLength(1);
    expect(h.zalo.sentTexts(chat)).toHaveLength(1);
    expect(h.zalo.sentTexts(chat)[0]).toContain("#1");
    const workspace = await db.prisma.workspace.findFirst({ where: { externalId: FAKE_BOT.id }, select: { id: true } });
    expect(workspace).not.toBeNull();
  });

  it("in a group: strips the bot mention, resolves a typed @name against members seen, keeps titles as typed", async () => {
    const group = `group-${kind}-2`;
    await deliver(
      textUpdate("@Rõ Việc /viec help", { chatType: "GROUP", chatId: group, fromId: "lan-id", name: "Trần Thị Lan" }),
    );
    await deliver(
      textUpdate("@ro viec giao @Lan nộp báo cáo quy hoạch", {
        chatType: "GROUP",
        chatId: group,
        fromId: "minh-id",
        name: "Minh",
      }),
    );
    const tasks = await tasksWithAssignees(group);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.title).toContain("nộp báo cáo quy hoạch");
    expect(tasks[0]?.assignees.map((a) => a.member.externalId)).toEqual(["lan-id"]);
    expect(h.zalo.sentTexts(group).join("\n")).toContain("Lan");
  });

  it("keeps an unknown name pending and binds it when that person first writes", async () => {
    const group = `group-${kind}-3`;
    await deliver(
      textUpdate("@Rõ Việc giao @Hoà soạn hợp đồng", {
        chatType: "GROUP",
        chatId: group,
        fromId: "minh-3",
        name: "Minh",
      }),
    );
    let [task] = await tasksWithAssignees(group);
    expect(task?.assignees.map((a) => a.member.externalId)).toEqual([null]);
    await deliver(
      textUpdate("@Rõ Việc /viec help", { chatType: "GROUP", chatId: group, fromId: "hoa-3", name: "Hoà" }),
    );
    [task] = await tasksWithAssignees(group);
    expect(task?.assignees.map((a) => a.member.externalId)).toEqual(["hoa-3"]);
  });

  it("resolves a multi-word typed name, diacritics and case tolerant, and replies in plain text", async () => {
    const group = `group-${kind}-4`;
    await deliver(
      textUpdate("@Rõ Việc /viec help", { chatType: "GROUP", chatId: group, fromId: "an-4", name: "Nguyễn Văn An" }),
    );
    await deliver(
      textUpdate("@Rõ Việc giao @nguyen van an nộp hồ sơ thầu", {
        chatType: "GROUP",
        chatId: group,
        fromId: "minh-4",
        name: "Minh",
      }),
    );
    const [task] = await tasksWithAssignees(group);
    expect(task?.assignees.map((a) => a.member.externalId)).toEqual(["an-4"]);
    const answer = h.zalo.sentTexts(group).at(-1) ?? "";
    expect(answer).toContain("Nguyễn Văn An");
    expect(answer).not.toMatch(/[\uE000-\uE002]|\*[^*\n]+\*/);
  });
});
