import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/core/bot.js";
import { createTaskService } from "../../src/services/task-service.js";
import { coreServices } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { eventCallback, slashCommand } from "./slack-requests.js";

type Block = { type: string; text?: { text: string } };

describe("App Home", () => {
  let database: TestDatabase;
  let harness: SlackHarness;
  const channel = "C0HOME";

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const { logger, tasks, directory, questions } = coreServices(database);
    harness = await startSlackHarness({
      bot: createBot({ services: { tasks, directory, questions }, logger }),
      prisma: database.prisma,
    });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  const publishesTo = (user: string) => harness.fake.callsOf("views.publish").filter((c) => c.args.user_id === user);
  async function openHome(user: string, n: number): Promise<string[]> {
    const seen = publishesTo(user).length;
    await harness.post(
      eventCallback({ type: "app_home_opened", user, channel: `D${user}`, tab: "home", event_ts: `2.${n}` }),
    );
    await eventually(() => expect(publishesTo(user).length).toBeGreaterThan(seen));
    const view = publishesTo(user).at(-1)?.args.view as { blocks: Block[] };
    return view.blocks.map((b) => b.text?.text ?? "");
  }
  const sectionOf = (texts: string[], title: string) => {
    const start = texts.findIndex((t) => t.includes(title));
    const end = texts.findIndex((t, i) => i > start && /^\*.+\* \(\d+\)$/.test(t));
    return texts.slice(start, end === -1 ? undefined : end).join("\n");
  };

  it("shows the open tasks a person gave others, and re-renders on every open", async () => {
    for (const [i, text] of [
      "giao <@U0HOA> gửi báo giá trước 17h ngày 30/12/2030",
      "giao <@U0LAN> tự làm báo cáo",
    ].entries()) {
      await harness.post(
        slashCommand({ text, channel_id: channel, user_id: "U0LAN", responseUrl: harness.fake.responseUrl(`h${i}`) }),
      );
      await eventually(() => expect(harness.fake.responsesTo(`h${i}`)).toHaveLength(1));
    }
    const first = await openHome("U0LAN", 1);
    const assigned = sectionOf(first, "Việc tôi giao / Tasks I assigned");
    expect(assigned).toContain("*📤 Việc tôi giao / Tasks I assigned* (1)");
    expect(assigned).toContain("gửi báo giá");
    // A task Lan gave herself is hers to do, listed once, under her own tasks.
    expect(assigned).not.toContain("tự làm báo cáo");
    expect(sectionOf(first, "Sau này / Later")).toContain("tự làm báo cáo");
    // Hoa sees it as her own task and has assigned nothing.
    const hoa = await openHome("U0HOA", 2);
    expect(sectionOf(hoa, "Sau này / Later")).toContain("gửi báo giá");
    expect(sectionOf(hoa, "Việc tôi giao")).toContain("(0)");

    // Hoa finishes it somewhere else (another platform, a job): Lan's next open shows it gone.
    const tasks = createTaskService({ prisma: database.prisma });
    const row = await database.prisma.task.findFirstOrThrow({
      where: { channel: { externalId: channel }, title: { contains: "gửi báo giá" } },
      select: { channelId: true, number: true },
    });
    const hoaMember = await database.prisma.member.findFirstOrThrow({
      where: { externalId: "U0HOA" },
      select: { id: true, displayName: true, externalId: true },
    });
    const done = await tasks.markDone(
      { channelId: row.channelId, number: row.number },
      { ...hoaMember, isManager: false },
    );
    expect(done.ok).toBe(true);
    const again = await openHome("U0LAN", 3);
    expect(sectionOf(again, "Việc tôi giao")).toContain("(0)");
    expect(sectionOf(again, "Việc tôi giao")).not.toContain("gửi báo giá");
  });
});
