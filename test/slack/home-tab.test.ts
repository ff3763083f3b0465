import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import { createTaskService } from "../../src/services/task-service.js";
import { coreServices } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { fridaysAt16 } from "../helpers/recurring-rules.js";
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
      bot: createAppBot({ services: { tasks, directory, questions }, logger }),
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

  it("lists the series a person made or is assigned to, with the rule in words", async () => {
    const member = (externalId: string) =>
      database.prisma.member.findFirstOrThrow({ where: { externalId }, select: { id: true } });
    const [lan, hoa] = [await member("U0LAN"), await member("U0HOA")];
    const { id: channelId } = await database.prisma.channel.findFirstOrThrow({
      where: { externalId: channel },
      select: { id: true },
    });
    const at = new Date("2026-12-02T03:00:00Z");
    const rule = { ...fridaysAt16 };
    const series = (number: number, title: string, status: string) => ({
      channelId,
      number,
      title,
      creatorId: lan.id,
      assigneeIds: [hoa.id],
      rule,
      timezone: "Asia/Ho_Chi_Minh",
      status,
      coveredUntil: at,
      createdAt: at,
      updatedAt: at,
    });
    await database.prisma.recurringSeries.createMany({
      data: [
        series(1, "nộp báo cáo tuần", "active"),
        series(2, "họp giao ban", "paused"),
        series(3, "việc đã dừng", "stopped"),
      ],
    });
    const texts = await openHome("U0HOA", 4);
    const list = sectionOf(texts, "Việc định kỳ / Recurring tasks");
    expect(list).toContain("*🔁 Việc định kỳ / Recurring tasks* (2)");
    expect(list).toContain("• *#L1* nộp báo cáo tuần — 16:00 thứ Sáu hằng tuần — <#C0HOME>");
    expect(list).toContain("• *#L2* họp giao ban — 16:00 thứ Sáu hằng tuần — <#C0HOME> ⏸️");
    expect(list).not.toContain("việc đã dừng");
    expect(sectionOf(await openHome("U0LAN", 5), "Việc định kỳ")).toContain("#L1");
  });
});
