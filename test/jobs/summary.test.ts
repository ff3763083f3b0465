// Weekly summaries: exact content for a seeded channel in both languages, one cron job scheduler per channel in
// its zone (upserted, removed when turned off), and one message per scheduled slot however often the job runs.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import { summarySchedulerId } from "../../jobs/job-types.js";
import { createWeeklySummaryProcessor, summaryOutboxId } from "../../jobs/weekly-summary.processor.js";
import { renderWeeklySummary } from "../../src/scheduling/index.js";
import { createReportService } from "../../src/services/report-service.js";
import {
  createJobsFixture,
  type JobsFixture,
  RecordingSender,
  type Seeded,
  seedChannel,
  seedTask,
  silentLogger,
  waitFor,
  waitUntilSettled,
} from "./helpers.js";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-12-07T08:00:00+07:00"); // Monday 08:00, the default summary time

async function seedWeek(fx: JobsFixture): Promise<Seeded> {
  const s = await seedChannel(fx.prisma, { name: "phong-ke-hoach" });
  const createdAt = at("2026-11-20T09:00:00+07:00");
  const t1 = await seedTask(fx.prisma, s, {
    number: 1,
    title: "Nộp báo cáo quy hoạch",
    dueAt: at("2026-12-04T17:00:00+07:00"),
    status: "done",
    closedAt: at("2026-12-03T10:00:00+07:00"),
    createdAt,
  });
  await fx.prisma.taskAssignee.update({
    where: { taskId_memberId: { taskId: t1, memberId: s.lan } },
    data: { doneAt: at("2026-12-03T10:00:00+07:00") },
  });
  const t2 = await seedTask(fx.prisma, s, {
    number: 2,
    title: "Gửi công văn số 45",
    dueAt: at("2026-12-01T17:00:00+07:00"),
    status: "done",
    closedAt: at("2026-12-02T09:00:00+07:00"),
    assignees: [s.minh],
    createdAt,
  });
  await fx.prisma.taskAssignee.update({
    where: { taskId_memberId: { taskId: t2, memberId: s.minh } },
    data: { doneAt: at("2026-12-02T09:00:00+07:00") },
  });
  await seedTask(fx.prisma, s, {
    number: 3,
    title: "Họp giao ban",
    dueAt: at("2026-12-04T17:00:00+07:00"),
    assignees: [s.lan, s.minh],
    createdAt,
  });
  await seedTask(fx.prisma, s, {
    number: 4,
    title: "Kiểm tra hồ sơ",
    dueAt: at("2026-12-09T17:00:00+07:00"),
    createdAt,
  });
  await seedTask(fx.prisma, s, {
    number: 5,
    title: "Dọn kho",
    dueAt: at("2026-11-27T17:00:00+07:00"),
    status: "done",
    closedAt: at("2026-11-26T15:00:00+07:00"),
    assignees: [s.minh],
    createdAt,
  });
  await seedTask(fx.prisma, s, {
    number: 6,
    title: "Việc đã huỷ",
    dueAt: at("2026-11-24T17:00:00+07:00"),
    status: "cancelled",
    closedAt: at("2026-11-25T09:00:00+07:00"),
    createdAt,
  });
  return s;
}

describe("weekly summary", () => {
  let fx: JobsFixture;
  let jobs: Jobs | undefined;
  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
  });
  afterEach(async () => {
    await jobs?.close();
    jobs = undefined;
    await fx.close();
  });

  it("has exact content for a seeded channel, in Vietnamese and English", async () => {
    const s = await seedWeek(fx);
    const found = await createReportService({ prisma: fx.prisma }).weeklyReport(s.channelId, NOW);
    if (!found) throw new Error("no report");
    expect(renderWeeklySummary(found.report, "vi", "phong-ke-hoach")).toBe(
      [
        "*Tổng kết tuần 30/11–06/12* — phong-ke-hoach",
        "",
        "*Đã xong tuần trước (2):*",
        "• #1 Nộp báo cáo quy hoạch — Lan (đúng hạn)",
        "• #2 Gửi công văn số 45 — Minh (trễ hạn)",
        "",
        "*Quá hạn (1):*",
        "• #3 Họp giao ban — Lan, Minh — trễ 2 ngày",
        "",
        "*Đến hạn tuần này (1):*",
        "• #4 Kiểm tra hồ sơ — Lan — hạn 17:00 thứ Tư 09/12/2026",
        "",
        "*Theo người:*",
        "```",
        "Người  Đang mở  Quá hạn  Đã xong  Đúng hạn",
        "Lan    2        1        1        100%",
        "Minh   1        1        1        0%",
        "```",
        "",
        "*So với tuần trước:* Đã xong 2 (+1) · Quá hạn 1 (+1) · Tỉ lệ đúng hạn 50% (−50 điểm)",
      ].join("\n"),
    );
    expect(renderWeeklySummary(found.report, "en", "phong-ke-hoach")).toBe(
      [
        "*Weekly summary 30/11–06/12* — phong-ke-hoach",
        "",
        "*Done last week (2):*",
        "• #1 Nộp báo cáo quy hoạch — Lan (on time)",
        "• #2 Gửi công văn số 45 — Minh (late)",
        "",
        "*Overdue (1):*",
        "• #3 Họp giao ban — Lan, Minh — late 2 days",
        "",
        "*Due this week (1):*",
        "• #4 Kiểm tra hồ sơ — Lan — due 17:00 Wednesday 09/12/2026",
        "",
        "*By person:*",
        "```",
        "Person  Open  Overdue  Done  On time",
        "Lan     2     1        1     100%",
        "Minh    1     1        1     0%",
        "```",
        "",
        "*Against the week before:* Done 2 (+1) · Overdue 1 (+1) · On-time rate 50% (−50 pts)",
      ].join("\n"),
    );
  });

  it("keeps one cron job scheduler per channel in its zone, removed when turned off", async () => {
    const sender = new RecordingSender("slack");
    const s = await seedChannel(fx.prisma, { timezone: "Asia/Ho_Chi_Minh" });
    jobs = await fx.startJobs({
      senders: [sender],
      role: "all",
    });
    const scheduler = await jobs.queues.summaries.getJobScheduler(summarySchedulerId(s.channelId));
    expect(scheduler).toMatchObject({ pattern: "0 8 * * 1", tz: "Asia/Ho_Chi_Minh" });
    expect(scheduler?.every).toBeUndefined();
    // Upserting again (every reconcile does) keeps exactly one scheduler and one next job.
    await jobs.reconcile();
    expect(await jobs.queues.summaries.getJobSchedulersCount()).toBe(1);
    expect(await jobs.queues.summaries.getDelayedCount()).toBe(1);

    await fx.prisma.channel.update({ where: { id: s.channelId }, data: { summaryEnabled: false } });
    await jobs.scheduler.onChannelSettingsChanged(s.channelId);
    expect(await jobs.queues.summaries.getJobScheduler(summarySchedulerId(s.channelId))).toBeUndefined();
    expect(await jobs.queues.summaries.getDelayedCount()).toBe(0);
  });

  it("fires on its cron and posts one message per slot, even when a slot's job runs twice", async () => {
    const sender = new RecordingSender("slack");
    const s = await seedWeek(fx);
    await fx.prisma.channel.update({ where: { id: s.channelId }, data: { summaryCron: "*/2 * * * * *" } });
    jobs = await fx.startJobs({
      senders: [sender],
      role: "all",
      tuning: { channelIntervalMs: { slack: 0, zalo: 0, console: 0 } },
    });
    await waitFor(() => sender.sent.length >= 2, 15_000);
    expect(sender.sent[0]?.text).toContain("*Tổng kết tuần");

    // The same slot processed again (a retry, a stalled job re-run) adds no second row and no second message.
    const slot = Date.now() + 3_600_000;
    const processor = createWeeklySummaryProcessor({
      ...jobs.services,
      queues: jobs.queues,
      logger: silentLogger,
      now: () => new Date(),
    } as never);
    const job = {
      id: `repeat:${summarySchedulerId(s.channelId)}:${slot}`,
      data: { channelId: s.channelId },
      timestamp: slot,
      delay: 0,
    };
    await processor(job as never);
    await processor(job as never);
    await waitFor(() => sender.sent.some((m) => m.outboxId === summaryOutboxId(s.channelId, slot)), 10_000);
    await waitUntilSettled(fx, jobs);
    expect(sender.sent.filter((m) => m.outboxId === summaryOutboxId(s.channelId, slot))).toHaveLength(1);
    const ids = sender.sent.map((m) => m.outboxId);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it("posts a summary whose slot was lost with Redis' data once, late, and never twice", async () => {
    const sender = new RecordingSender("slack");
    const s = await seedChannel(fx.prisma);
    const slotTime = new Date(Math.floor((Date.now() - 5 * 60_000) / 60_000) * 60_000);
    const pattern = `${slotTime.getUTCMinutes()} ${slotTime.getUTCHours()} * * *`;
    await fx.prisma.channel.update({
      where: { id: s.channelId },
      data: { summaryCron: pattern, timezone: "UTC", createdAt: new Date(Date.now() - 30 * 86_400_000) },
    });
    // Redis is empty (as after a loss): the worker's start-up reconcile finds the slot unposted.
    jobs = await fx.startJobs({
      senders: [sender],
      role: "all",
    });
    const expected = summaryOutboxId(s.channelId, slotTime.getTime());
    await waitFor(() => sender.sent.some((m) => m.outboxId === expected), 10_000);
    expect((await jobs.reconcile()).summariesCaughtUp).toBe(0);
    await waitUntilSettled(fx, jobs);
    expect(sender.sent.map((m) => m.outboxId)).toEqual([expected]);
  });
});
