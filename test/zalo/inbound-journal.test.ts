// Zalo updates are journaled before the webhook's 200: an instance that dies before handling one loses nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/core/bot.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { coreServices } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";
import { textUpdate } from "./fixtures.js";
import { type Harness, RecordingBot, startHarness, WEBHOOK_SECRET } from "./harness.js";

describe.each(testDatabaseKinds)("Zalo updates through the journal on %s", (kind) => {
  let db: TestDatabase;
  const harnesses: Harness[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    await db?.close();
  });

  const deliver = (harness: Harness, body: unknown) =>
    fetch(`${harness.baseUrl}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
      body: JSON.stringify(body),
    });

  it("an update acked by an instance that died before handling it is handled by the next one, once", async () => {
    const hanging = new RecordingBot();
    hanging.answer = () => new Promise(() => {});
    const first = await startHarness({
      bot: hanging,
      secret: WEBHOOK_SECRET,
      journal: createInboundJournal(db.priorityLane),
      journalTiming: { leaseMs: 300 },
    });
    const chat = `journal-${kind}`;
    const update = textUpdate("/viec them Gửi công văn", { fromId: chat, name: "Minh", messageId: `j-${kind}` });
    expect((await deliver(first, update)).status).toBe(200);
    await eventually(() => expect(hanging.received).toHaveLength(1));

    const { logger, tasks, directory, questions } = coreServices(db);
    const next = await startHarness({
      bot: createBot({ services: { tasks, directory, questions }, logger }),
      secret: WEBHOOK_SECRET,
      journal: createInboundJournal(db.priorityLane),
      journalTiming: { leaseMs: 300, sweepEveryMs: 50 },
    });
    harnesses.push(next);
    await eventually(() => expect(next.zalo.sentTexts(chat)).toHaveLength(1), { timeout: 10_000 });
    expect(next.zalo.sentTexts(chat)[0]).toContain("Gửi công văn");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(next.zalo.sentTexts(chat)).toHaveLength(1);
    expect(await db.prisma.task.count({ where: { channel: { externalId: chat } } })).toBe(1);
    const pending = await db.priorityLane.query(`SELECT 1 FROM "InboundRequest" WHERE "platform" = 'zalo'`);
    expect(pending).toEqual([]);
    // The dead instance is never stopped gracefully (stop() waits for its hung handler); its servers end with the run.
    void first.close();
  });
});
