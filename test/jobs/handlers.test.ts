// remind / summary / export through the real bot pipeline and task service, with the scheduler plugged into the
// task service exactly as src/main.ts wires it.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import { pingJobId, summarySchedulerId } from "../../jobs/job-types.js";
import { rescheduleAfterSettings } from "../../jobs/settings-middleware.js";
import type { Bot } from "../../src/core/handler.js";
import { type Reply, toPlainText } from "../../src/core/reply.js";
import { incomingMessage, people, type TestPerson } from "../helpers/incoming.js";
import { createJobsFixture, type JobsFixture, RecordingSender } from "./helpers.js";

describe("remind, summary and export commands", () => {
  let fx: JobsFixture;
  let jobs: Jobs;
  let bot: Bot;
  const say = async (text: string, sender: TestPerson = people.sep): Promise<Reply[]> =>
    bot.handle(incomingMessage({ text, sender, channel: { externalId: "C-JOBS" }, sentAt: new Date() }));
  const channelId = async () =>
    (await fx.prisma.channel.findFirstOrThrow({ where: { externalId: "C-JOBS" }, select: { id: true } })).id;

  beforeAll(async () => {
    fx = await createJobsFixture("postgres");
    ({ bot, jobs } = await fx.startBot({
      jobs: { senders: [new RecordingSender("console")], role: "all" },
      middleware: (started) => [rescheduleAfterSettings(started.scheduler)],
    }));
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("plans pings when a task is added, adds a reminder, and drops every ping when the task is done", async () => {
    const [added] = await say("giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau");
    expect(toPlainText(added?.text ?? "")).toContain("#1");
    const task = await fx.prisma.task.findFirstOrThrow({
      where: { number: 1, channelId: await channelId() },
      select: { id: true },
    });
    const planned = await fx.prisma.ping.findMany({
      where: { taskId: task.id, status: "planned" },
      select: { id: true, kind: true },
    });
    expect(planned.map((p) => p.kind).sort()).toEqual(["at_deadline", "heads_up", "hour_before", "overdue"]);
    for (const p of planned) expect(await jobs.queues.pings.getJob(pingJobId(p.id))).toBeDefined();

    const [reminded] = await say("nhắc #1 lúc 9h sáng mai");
    expect(reminded?.isError).toBeFalsy();
    expect(reminded?.text).toMatch(/^Đã hẹn nhắc việc #1 lúc 09:00 /);
    const reminder = await fx.prisma.ping.findFirstOrThrow({
      where: { taskId: task.id, kind: "reminder" },
      select: { id: true, status: true },
    });
    expect(reminder.status).toBe("planned");

    const [missing] = await say("nhắc #99 lúc 9h sáng mai");
    expect(missing?.isError).toBe(true);

    await say("xong #1");
    expect(await fx.prisma.task.findUniqueOrThrow({ where: { id: task.id }, select: { status: true } })).toEqual({
      status: "done",
    });
    expect(await fx.prisma.ping.count({ where: { taskId: task.id, status: "planned" } })).toBe(0);
    expect(await jobs.queues.pings.getJob(pingJobId(reminder.id))).toBeUndefined();
  });

  it("answers the summary command with the weekly summary", async () => {
    await say("giao @Minh gửi công văn trước 17h thứ 2 tuần sau");
    const [reply] = await say("báo cáo tuần");
    expect(reply?.visibility).toBe("channel");
    expect(reply?.text).toMatch(/^\*Tổng kết tuần \d\d\/\d\d–\d\d\/\d\d\* — ke-hoach/);
    expect(reply?.text).toContain("*Theo người:*");
  });

  it("exports CSV and XLSX files", async () => {
    const [csv] = await say("xuất csv");
    expect(csv?.attachment?.filename).toMatch(/^bao-cao-\d{4}-\d\d-\d\d\.csv$/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv?.attachment?.content);
    expect(
      text.startsWith("\uFEFFSố,Việc,Trạng thái,Người nhận,Hạn,Hoàn thành lúc,Đúng hạn,Trễ (giờ),Việc định kỳ\r\n"),
    ).toBe(true);
    expect(text).toContain("1,nộp báo cáo quy hoạch,xong,Lan,");

    const [xlsx] = await say("export xlsx");
    expect(xlsx?.attachment?.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx?.attachment?.content ?? new Uint8Array()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell("A2").value).toBe(1);
    expect(sheet?.getCell("B2").value).toBe("nộp báo cáo quy hoạch");
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Công việc", "Tổng quan", "Theo người"]);
  });

  it("leaves cancelled tasks out of an export unless they are asked for, and says how to ask", async () => {
    await say("giao @Lan in tài liệu họp");
    const number = (await fx.prisma.task.count({ where: { channelId: await channelId() } })) as number;
    await say(`hủy #${number}`);
    const decode = (reply?: Reply) =>
      new TextDecoder("utf-8", { ignoreBOM: true }).decode(reply?.attachment?.content ?? new Uint8Array());

    const [plain] = await say("xuất csv");
    expect(decode(plain)).not.toContain("in tài liệu họp");
    expect(plain?.text).toContain('Không kèm 1 việc đã hủy (muốn có thì gõ "xuất báo cáo csv kèm việc đã hủy")');

    const [withCancelled] = await say("xuất báo cáo csv kèm việc đã hủy");
    expect(decode(withCancelled)).toContain(`${number},in tài liệu họp,đã hủy,Lan,`);
    expect(withCancelled?.text).not.toContain("Không kèm");

    const [english] = await say("export csv with cancelled tasks");
    expect(decode(english)).toContain("in tài liệu họp");
  });

  it("turning the weekly summary off removes the channel's job scheduler at once", async () => {
    const id = await channelId();
    await jobs.reconcile();
    expect(await jobs.queues.summaries.getJobScheduler(summarySchedulerId(id))).toBeDefined();
    const [reply] = await say("settings summary off", people.admin);
    expect(reply?.isError).toBeFalsy();
    expect(await jobs.queues.summaries.getJobScheduler(summarySchedulerId(id))).toBeUndefined();
  });
});
