import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportTasks } from "../../handlers/export.js";
import { summary } from "../../handlers/summary.js";
import { createBot } from "../../src/core/bot.js";
import { renderSummaryBlocks } from "../../src/platforms/slack/summary-blocks.js";
import { renderPeopleChart } from "../../src/platforms/slack/summary-chart.js";
import {
  buildSummaryView,
  buildWeeklyReport,
  type ReportTaskRow,
  renderWeeklySummaryReply,
} from "../../src/scheduling/index.js";
import { createReportService } from "../../src/services/report-service.js";
import { coreServices } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { slashCommand } from "./slack-requests.js";

type Block = { type: string; text?: { type: string; text: string }; elements?: { text: string }[] };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Monday 07/12/2026 08:00 in Hà Nội; last week is 30/11–06/12.
const NOW = new Date("2026-12-07T01:00:00Z");
const row = (overrides: Partial<ReportTaskRow>): ReportTaskRow => ({
  number: 1,
  title: "Việc",
  status: "open",
  dueAt: null,
  dueHasTime: true,
  createdAt: new Date("2026-11-20T02:00:00Z"),
  closedAt: null,
  closedByName: null,
  assignees: [{ memberId: "m-lan", name: "Lan", doneAt: null }],
  ...overrides,
});
const rows: ReportTaskRow[] = [
  row({
    number: 1,
    title: "Nộp báo cáo quý",
    status: "done",
    dueAt: new Date("2026-12-04T10:00:00Z"),
    closedAt: new Date("2026-12-03T03:00:00Z"),
    closedByName: "Lan",
  }),
  row({ number: 2, title: "Gửi <!channel> công văn", dueAt: new Date("2026-12-02T10:00:00Z") }),
  row({
    number: 3,
    title: "Họp giao ban",
    dueAt: new Date("2026-12-09T10:00:00Z"),
    assignees: [{ memberId: "m-minh", name: "Minh", doneAt: null }],
  }),
];

describe("summary Block Kit and chart", () => {
  const view = buildSummaryView(buildWeeklyReport(rows, NOW, "Asia/Ho_Chi_Minh"), "vi", "phong-ke-hoach");

  it("has a header, the three lists with counts, the per-person table and the change, escaped", () => {
    const blocks = renderSummaryBlocks(view) as Block[];
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Tổng kết tuần 30/11–06/12", emoji: true },
    });
    const text = blocks.map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(" ") ?? "").join("\n");
    expect(text).toContain("#phong-ke-hoach");
    expect(text).toContain("*Đã xong tuần trước (1)*\n• #1 Nộp báo cáo quý — Lan (đúng hạn)");
    expect(text).toContain("*Quá hạn (1)*\n• #2 Gửi &lt;!channel&gt; công văn — Lan — trễ");
    expect(text).toContain("*Đến hạn tuần này (1)*\n• #3 Họp giao ban — Minh — hạn 17:00 thứ Tư 09/12/2026");
    expect(text).toContain("```\nNgười  Đang mở  Quá hạn  Đã xong  Đúng hạn\nLan");
    expect(text).toContain("*So với tuần trước:* Đã xong 1");
    expect(text).not.toContain("<!channel>");
  });

  it("stays within Slack's limits for a channel with hundreds of tasks", () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      row({
        number: i + 1,
        title: `Việc rất dài số ${i + 1} `.repeat(8),
        dueAt: new Date("2026-12-01T10:00:00Z"),
        assignees: [{ memberId: `m${i}`, name: `Người thứ ${i + 1}`, doneAt: null }],
      }),
    );
    const big = buildSummaryView(buildWeeklyReport(many, NOW, "Asia/Ho_Chi_Minh"), "en");
    const blocks = renderSummaryBlocks(big) as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) expect((block.text?.text ?? "").length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(blocks)).toMatch(/Overdue \(400\)\*\\n.*… and \d+ more_/);
    expect(JSON.stringify(blocks)).toContain("… and 324 more people");
  });

  it("draws the per-person chart as a PNG, and nothing when nobody has tasks", async () => {
    const png = Buffer.from((await renderPeopleChart(view)) as Uint8Array);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    expect(png.readUInt32BE(16)).toBe(960);
    expect(png.readUInt32BE(20)).toBe(160 + 2 * 44);
    const empty = buildSummaryView(buildWeeklyReport([], NOW, "Asia/Ho_Chi_Minh"), "en");
    expect(await renderPeopleChart(empty)).toBeUndefined();
  });
});

describe("summary and export through Slack", () => {
  let database: TestDatabase;
  let harness: SlackHarness;
  const channel = "C0REPORT";

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const { logger, tasks, directory, questions } = coreServices(database);
    const reports = createReportService({ prisma: database.prisma });
    const bot = createBot({
      services: { tasks, directory, questions, reports, reminders: { addReminder: async () => null } },
      handlers: { summary, export: exportTasks },
      logger,
    });
    harness = await startSlackHarness({ bot, prisma: database.prisma });
    for (const [i, text] of ["giao <@U0MINH> in hợp đồng", "giao <@U0HOA> gửi báo giá"].entries()) {
      const id = `seed-${i}`;
      await harness.post(slashCommand({ text, channel_id: channel, responseUrl: harness.fake.responseUrl(id) }));
      await eventually(() => expect(harness.fake.responsesTo(id)).toHaveLength(1));
    }
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it("the summary command answers in Block Kit and uploads the per-person chart to the channel", async () => {
    await harness.post(
      slashCommand({ text: "tổng kết tuần", channel_id: channel, responseUrl: harness.fake.responseUrl("sum") }),
    );
    await eventually(() => expect(harness.fake.filesIn(channel)).toHaveLength(1));
    const [answer] = harness.fake.responsesTo("sum") as { response_type: string; blocks: Block[]; text: string }[];
    expect(answer?.response_type).toBe("in_channel");
    expect(answer?.blocks[0]?.type).toBe("header");
    expect(answer?.text).toContain("Tổng kết tuần");
    expect(JSON.stringify(answer?.blocks)).toContain("Minh");
    const [chart] = harness.fake.filesIn(channel);
    expect(chart?.filename).toBe("theo-nguoi.png");
    expect(chart?.body?.includes(PNG_SIGNATURE)).toBe(true);
    expect(chart?.length).toBeGreaterThan(1000);
    expect(harness.fake.callsOf("files.completeUploadExternal")).toHaveLength(1);
  });

  it("export csv uploads the file to the channel with files.uploadV2", async () => {
    const before = harness.fake.filesIn(channel).length;
    await harness.post(
      slashCommand({ text: "export csv", channel_id: channel, responseUrl: harness.fake.responseUrl("csv") }),
    );
    await eventually(() => expect(harness.fake.filesIn(channel).length).toBe(before + 1));
    const file = harness.fake.filesIn(channel).at(-1);
    expect(file?.filename).toMatch(/^bao-cao-\d{4}-\d{2}-\d{2}\.csv$/);
    const content = file?.body?.toString("utf8") ?? "";
    expect(content).toContain("in hợp đồng");
    expect(content).toContain("gửi báo giá");
    expect(JSON.stringify(harness.fake.responsesTo("csv"))).toContain("CSV");
  });

  it("a scheduled summary through the outbox sender posts Block Kit with its metadata, then the chart", async () => {
    const reports = createReportService({ prisma: database.prisma });
    const channelRow = await database.prisma.channel.findFirstOrThrow({
      where: { externalId: channel },
      select: { id: true },
    });
    const found = await reports.weeklyReport(channelRow.id, new Date());
    const reply = renderWeeklySummaryReply(found?.report as NonNullable<typeof found>["report"], "en", "general");
    // The outbox stores replies as JSON: send what comes back out of it.
    const stored = JSON.parse(JSON.stringify(reply));
    const outboxId = "00000000-0000-4000-8000-00000000beef";
    const target = "C0OUTBOX";
    await harness.adapter.sender.send(target, stored, { outboxId });
    const [message] = harness.fake.history.get(target) ?? [];
    expect((message?.blocks as Block[] | undefined)?.[0]?.text?.text).toMatch(/^Weekly summary/);
    expect(message?.metadata?.event_payload).toEqual({ outbox_id: outboxId });
    expect(harness.fake.filesIn(target).map((f) => f.filename)).toEqual(["by-person.png"]);

    // A failed chart upload costs only the picture: the send still succeeds (a retry would double the summary).
    harness.fake.failNext("files.getUploadURLExternal", { error: "not_allowed_token_type" });
    await expect(
      harness.adapter.sender.send("C0OUTBOX2", stored, { outboxId: `${outboxId.slice(0, -4)}cafe` }),
    ).resolves.toMatchObject({});
    expect(harness.fake.history.get("C0OUTBOX2")).toHaveLength(1);
    expect(harness.fake.filesIn("C0OUTBOX2")).toHaveLength(0);
  });
});
