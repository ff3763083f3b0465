// Pings on real Redis and PostgreSQL: on time, merged per channel-minute, never stale, restored after Redis loses
// its keys, and a ping missed while the bot was down is sent once, late.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pingJobId } from "../../jobs/job-types.js";
import {
  createJobsFixture,
  deletePrefix,
  type JobsFixture,
  RecordingSender,
  seedChannel,
  seedTask,
  waitFor,
  waitUntilSettled,
} from "./helpers.js";

describe("pings", () => {
  let fx: JobsFixture;
  const start = async (sender: RecordingSender, role: "all" | "web" | "worker" = "all") => {
    const jobs = await fx.startJobs({
      senders: [sender],
      role,
    });
    return jobs;
  };

  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
  });
  afterEach(async () => {
    await fx.close();
  });

  it("fires at the deadline, merging a channel's pings of the same minute into one message", async () => {
    const sender = new RecordingSender("slack");
    const jobs = await start(sender);
    const a = await seedChannel(fx.prisma);
    const b = await seedChannel(fx.prisma, { workspaceId: a.workspaceId });
    const dueAt = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000);
    const t1 = await seedTask(fx.prisma, a, { number: 1, title: "Nộp báo cáo quy hoạch", dueAt });
    const t2 = await seedTask(fx.prisma, a, { number: 2, title: "Gửi công văn", dueAt, assignees: [a.minh] });
    const t3 = await seedTask(fx.prisma, b, { number: 1, title: "Họp giao ban", dueAt });
    for (const [taskId, s] of [
      [t1, a],
      [t2, a],
      [t3, b],
    ] as const) {
      await jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });
    }
    await waitFor(() => sender.sent.length >= 2, 10_000);
    await waitUntilSettled(fx, jobs);
    expect(sender.sent).toHaveLength(2);
    const toA = sender.sent.find((m) => m.target === a.channelExternalId);
    expect(toA?.text).toContain("#1 Nộp báo cáo quy hoạch");
    expect(toA?.text).toContain("#2 Gửi công văn");
    expect(toA?.text).toContain("Nhắc hạn (2 việc)");
    for (const message of sender.sent) {
      expect(message.at).toBeGreaterThanOrEqual(dueAt.getTime() - 50);
      expect(message.at).toBeLessThan(dueAt.getTime() + 4000);
    }
    const sentPings = await fx.prisma.ping.findMany({
      where: { kind: "at_deadline" },
      select: { status: true, late: true },
    });
    expect(sentPings.map((p) => p.status)).toEqual(["sent", "sent", "sent"]);
    expect(sentPings.every((p) => !p.late)).toBe(true);
    // The overdue chain rolls on: each task now has its first overdue ping planned.
    expect(await fx.prisma.ping.count({ where: { kind: "overdue", status: "planned" } })).toBe(3);
  });

  it("editing the due date, completing or cancelling a task removes its stale pings at once", async () => {
    const sender = new RecordingSender("slack");
    const jobs = await start(sender);
    const s = await seedChannel(fx.prisma);
    const dueAt = new Date(Date.now() + 3000);
    const moved = await seedTask(fx.prisma, s, { number: 1, dueAt });
    const done = await seedTask(fx.prisma, s, { number: 2, dueAt });
    const cancelled = await seedTask(fx.prisma, s, { number: 3, dueAt });
    for (const taskId of [moved, done, cancelled])
      await jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });
    const planned = await fx.prisma.ping.findMany({ where: { kind: "at_deadline" }, select: { id: true } });
    expect(planned).toHaveLength(3);

    await fx.prisma.task.update({ where: { id: moved }, data: { dueAt: new Date(Date.now() + 7 * 24 * 3600_000) } });
    await fx.prisma.task.update({ where: { id: done }, data: { status: "done", closedAt: new Date() } });
    await fx.prisma.task.update({ where: { id: cancelled }, data: { status: "cancelled", closedAt: new Date() } });
    await jobs.scheduler.onTaskChanged({ taskId: moved, channelId: s.channelId, kind: "due_changed" });
    await jobs.scheduler.onTaskChanged({ taskId: done, channelId: s.channelId, kind: "closed" });
    await jobs.scheduler.onTaskChanged({ taskId: cancelled, channelId: s.channelId, kind: "cancelled" });

    for (const { id } of planned) expect(await jobs.queues.pings.getJob(pingJobId(id))).toBeUndefined();
    // The event under test is the deadline passing with nothing sent: wait for it, then for the jobs to settle.
    await waitFor(() => Date.now() > dueAt.getTime() + 1_500, 10_000);
    await waitUntilSettled(fx, jobs);
    expect(sender.sent).toEqual([]);
    const rows = await fx.prisma.ping.findMany({
      where: { id: { in: planned.map((p) => p.id) } },
      select: { status: true },
    });
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(await fx.prisma.ping.count({ where: { taskId: { in: [done, cancelled] }, status: "planned" } })).toBe(0);
    expect(await fx.prisma.ping.count({ where: { taskId: moved, status: "planned" } })).toBeGreaterThan(0);
  });

  it("after Redis lost every key (prefix deletion), reconcile restores a job for every future ping", async () => {
    const sender = new RecordingSender("slack");
    const jobs = await start(sender, "web");
    const s = await seedChannel(fx.prisma);
    const day = 24 * 3600_000;
    for (let n = 1; n <= 4; n++) {
      const taskId = await seedTask(fx.prisma, s, { number: n, dueAt: new Date(Date.now() + n * 3 * day) });
      await jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });
    }
    const planned = await fx.prisma.ping.findMany({ where: { status: "planned" }, select: { id: true } });
    expect(planned.length).toBeGreaterThanOrEqual(8);
    expect(await jobs.queues.pings.getDelayedCount()).toBe(planned.length);

    expect(await deletePrefix(fx.redisUrl, fx.prefix)).toBeGreaterThan(0);
    expect(await jobs.queues.pings.getDelayedCount()).toBe(0);

    const report = await jobs.reconcile();
    expect(report.pingJobsAdded).toBe(planned.length);
    for (const { id } of planned)
      expect(await (await jobs.queues.pings.getJob(pingJobId(id)))?.getState()).toBe("delayed");
    expect(await jobs.queues.summaries.getJobScheduler(`summary-${s.channelId}`)).toBeDefined();
    // Idempotent: a second pass adds nothing.
    expect((await jobs.reconcile()).pingJobsAdded).toBe(0);
  });

  it("a ping missed while the bot was down is sent once, marked late; a pointless one is dropped", async () => {
    const s = await seedChannel(fx.prisma, { locale: "en" });
    const overdueTask = await seedTask(fx.prisma, s, {
      number: 7,
      title: "Quarterly report",
      dueAt: new Date(Date.now() + 3600_000),
    });
    // Planned while up; the bot then went down over the reminder's time and the heads-up's deadline.
    const reminderAt = new Date(Date.now() - 10 * 60_000);
    const reminder = await fx.prisma.ping.create({
      data: { taskId: overdueTask, kind: "reminder", fireAt: reminderAt },
      select: { id: true },
    });
    const pastDue = await seedTask(fx.prisma, s, { number: 8, dueAt: new Date(Date.now() - 5 * 60_000) });
    const pointless = await fx.prisma.ping.create({
      data: { taskId: pastDue, kind: "hour_before", fireAt: new Date(Date.now() - 65 * 60_000) },
      select: { id: true },
    });

    const sender = new RecordingSender("slack");
    const jobs = await start(sender, "worker"); // reconciles at start
    await waitFor(() => sender.sent.length >= 1, 10_000);
    await waitUntilSettled(fx, jobs);
    const about7 = sender.sent.filter((m) => m.text.includes("#7 Quarterly report"));
    expect(about7).toHaveLength(1);
    expect(about7[0]?.text).toContain("Reminder");
    expect(about7[0]?.text).toContain("(sent late)");
    expect(
      await fx.prisma.ping.findUnique({ where: { id: reminder.id }, select: { status: true, late: true } }),
    ).toEqual({ status: "sent", late: true });
    expect((await fx.prisma.ping.findUnique({ where: { id: pointless.id }, select: { status: true } }))?.status).toBe(
      "cancelled",
    );
    expect(sender.sent.some((m) => m.text.includes("1 hour"))).toBe(false);
  });
});
