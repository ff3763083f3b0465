// Messages prepared ahead of their time (JobTuning.pingLeadMs), on real Redis and PostgreSQL: claimed and written
// to the outbox before the deadline, sent at it and never before, as the tasks stand at that time, and kept across
// a Redis that lost its keys in between.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import { outboxJobId } from "../../jobs/job-types.js";
import {
  createJobsFixture,
  deletePrefix,
  type JobsFixture,
  RecordingSender,
  type Seeded,
  seedChannel,
  seedTask,
  waitFor,
  waitUntilSettled,
} from "./helpers.js";

/**
 * How long before its deadline a message is prepared. These tests must seed before the preparing starts and change
 * tasks between it and the deadline, in real time (BullMQ's delays): the windows are wide enough for a busy machine.
 */
const LEAD_MS = 8_000;

describe("pings prepared ahead of their time", () => {
  let fx: JobsFixture;
  const start = async (sender: RecordingSender) => {
    const jobs = await fx.startJobs({ senders: [sender], tuning: { pingLeadMs: LEAD_MS } });
    return jobs;
  };

  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
  });
  afterEach(async () => {
    await fx.close();
  });

  /**
   * A whole second far enough ahead that seeding ends, and the tasks' last change is older than the outbox's change
   * margin (2 s), before the message is prepared (LEAD_MS before it).
   */
  const deadlineAhead = () => new Date(Math.ceil((Date.now() + LEAD_MS + 6_000) / 1000) * 1000);

  const planned = (jobs: Jobs, s: Seeded, taskId: string) =>
    jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });

  /** Waits until every at-deadline ping is claimed (the message prepared), and returns their outbox rows. */
  async function preparedRows(count: number) {
    await waitFor(
      async () => (await fx.prisma.ping.count({ where: { kind: "at_deadline", status: "sent" } })) >= count,
      10_000,
    );
    return fx.prisma.outboxMessage.findMany({ select: { id: true, status: true, sendAfter: true, target: true } });
  }

  it("claims the channel's pings before the deadline and sends the one message at it, not before", async () => {
    const sender = new RecordingSender("slack");
    const jobs = await start(sender);
    const a = await seedChannel(fx.prisma);
    const b = await seedChannel(fx.prisma, { workspaceId: a.workspaceId });
    const dueAt = deadlineAhead();
    const tasks = [
      [a, await seedTask(fx.prisma, a, { number: 1, title: "Nộp báo cáo quy hoạch", dueAt })],
      [a, await seedTask(fx.prisma, a, { number: 2, title: "Gửi công văn", dueAt })],
      [b, await seedTask(fx.prisma, b, { number: 1, title: "Họp giao ban", dueAt })],
    ] as const;
    for (const [s, taskId] of tasks) await planned(jobs, s, taskId);

    const rows = await preparedRows(3);
    expect(Date.now()).toBeLessThan(dueAt.getTime());
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ status: "pending", sendAfter: dueAt });
    expect(sender.sent).toEqual([]);

    await waitFor(() => sender.sent.length >= 2, 10_000);
    await waitUntilSettled(fx, jobs, LEAD_MS);
    expect(sender.sent).toHaveLength(2);
    for (const message of sender.sent) expect(message.at).toBeGreaterThanOrEqual(dueAt.getTime());
    // The prepared rows themselves went out: nothing was claimed again.
    expect(new Set(sender.sent.map((m) => m.outboxId))).toEqual(new Set(rows.map((r) => r.id)));
    const toA = sender.sent.find((m) => m.target === a.channelExternalId)?.text ?? "";
    expect(toA).toContain("Nhắc hạn (2 việc)");
    expect(toA).toContain("#2 Gửi công văn");
    const pings = await fx.prisma.ping.findMany({ where: { kind: "at_deadline" }, select: { late: true } });
    expect(pings.every((p) => !p.late)).toBe(true);
    // The overdue chain was planned after the claim, as for a ping claimed at its time.
    await waitFor(
      async () => (await fx.prisma.ping.count({ where: { kind: "overdue", status: "planned" } })) === 3,
      5_000,
    );
  });

  it("sends the tasks as they stand at the deadline when they changed after the message was prepared", async () => {
    const sender = new RecordingSender("slack");
    const jobs = await start(sender);
    const a = await seedChannel(fx.prisma);
    const b = await seedChannel(fx.prisma, { workspaceId: a.workspaceId });
    const c = await seedChannel(fx.prisma, { workspaceId: a.workspaceId });
    const dueAt = deadlineAhead();
    const silenced = await seedTask(fx.prisma, c, { number: 1, title: "Kênh tắt nhắc", dueAt });
    const finished = await seedTask(fx.prisma, a, { number: 1, title: "Xong sớm", dueAt });
    const renamed = await seedTask(fx.prisma, a, { number: 2, title: "Tên cũ", dueAt });
    const untouched = await seedTask(fx.prisma, a, { number: 3, title: "Giữ nguyên", dueAt });
    const alone = await seedTask(fx.prisma, b, { number: 1, title: "Việc duy nhất", dueAt });
    for (const taskId of [finished, renamed, untouched]) await planned(jobs, a, taskId);
    await planned(jobs, b, alone);
    await planned(jobs, c, silenced);
    const prepared = await preparedRows(5);
    expect(prepared).toHaveLength(3);

    // Before the deadline: #1 is finished, #2 renamed, B's only task finished, and C turned its pings off.
    await fx.prisma.task.update({ where: { id: finished }, data: { status: "done", closedAt: new Date() } });
    await fx.prisma.task.update({ where: { id: renamed }, data: { title: "Tên mới" } });
    await fx.prisma.task.update({ where: { id: alone }, data: { status: "done", closedAt: new Date() } });
    await jobs.scheduler.onTaskChanged({ taskId: finished, channelId: a.channelId, kind: "closed" });
    await jobs.scheduler.onTaskChanged({ taskId: alone, channelId: b.channelId, kind: "closed" });
    await fx.prisma.channel.update({ where: { id: c.channelId }, data: { pingPolicy: { enabled: false } } });
    await jobs.scheduler.onChannelSettingsChanged(c.channelId);
    expect(Date.now()).toBeLessThan(dueAt.getTime());

    await waitFor(() => sender.sent.length >= 1, 10_000);
    await waitUntilSettled(fx, jobs, LEAD_MS);
    expect(sender.sent).toHaveLength(1);
    const [message] = sender.sent;
    expect(message?.target).toBe(a.channelExternalId);
    expect(message?.at).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(message?.text).toContain("#2 Tên mới");
    expect(message?.text).toContain("#3 Giữ nguyên");
    expect(message?.text).not.toContain("Xong sớm");
    expect(message?.text).not.toContain("Tên cũ");
    // The prepared rows were withdrawn, not sent; the finished tasks' pings cancelled, the others sent once.
    expect(await fx.prisma.outboxMessage.count({ where: { id: { in: prepared.map((r) => r.id) } } })).toBe(0);
    const status = async (taskId: string) =>
      (await fx.prisma.ping.findFirst({ where: { taskId, kind: "at_deadline" }, select: { status: true } }))?.status;
    expect(await status(finished)).toBe("cancelled");
    expect(await status(alone)).toBe("cancelled");
    expect(await status(silenced)).toBe("cancelled");
    expect(await status(renamed)).toBe("sent");
    expect(await status(untouched)).toBe("sent");
  });

  it("keeps a prepared message's time when Redis lost its keys before the deadline", async () => {
    const sender = new RecordingSender("slack");
    const jobs = await start(sender);
    const s = await seedChannel(fx.prisma);
    const dueAt = deadlineAhead();
    const taskId = await seedTask(fx.prisma, s, { number: 1, title: "Qua sự cố Redis", dueAt });
    await planned(jobs, s, taskId);
    const [row] = await preparedRows(1);
    if (!row) throw new Error("no prepared row");

    await deletePrefix(fx.redisUrl, fx.prefix);
    await jobs.reconcile();
    const job = await jobs.queues.outboxQueue("slack").getJob(outboxJobId(row.id));
    expect(await job?.getState()).toBe("delayed");

    await waitFor(() => sender.sent.length >= 1, 10_000);
    await waitUntilSettled(fx, jobs, LEAD_MS);
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]?.at).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(sender.sent[0]?.outboxId).toBe(row.id);
  });
});
