// Personal pings on real Redis and PostgreSQL: an assignee with a private chat also gets the ping there, in their
// own zone, merged per person and minute; never someone who finished their part, never twice, and a Redis that lost
// its keys gets them back from the reconciler.
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import { pingJobId } from "../../jobs/job-types.js";
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

describe("personal pings", () => {
  let fx: JobsFixture;
  const start = async (sender: RecordingSender, role: "all" | "web" = "all") => {
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

  /** Lan (Tokyo) and Minh (no zone of his own) both have a private chat with the bot. */
  async function seedPeople(s: Seeded): Promise<void> {
    await fx.prisma.member.update({
      where: { id: s.lan },
      data: { privateChatId: "private-lan", timezone: "Asia/Tokyo" },
    });
    await fx.prisma.member.update({ where: { id: s.minh }, data: { privateChatId: "private-minh" } });
  }

  const changed = (jobs: Jobs, s: Seeded, taskId: string) =>
    jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });

  it("reaches each unfinished assignee's private chat in their zone, merged per person, once", async () => {
    const sender = new RecordingSender("zalo");
    const jobs = await start(sender);
    const s = await seedChannel(fx.prisma, { platform: "zalo", externalId: "group-1" });
    await seedPeople(s);
    const dueAt = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000);
    const both = await seedTask(fx.prisma, s, {
      number: 1,
      title: "Báo cáo quý",
      dueAt,
      assignees: [s.lan, s.minh],
    });
    const lanOnly = await seedTask(fx.prisma, s, { number: 2, title: "Công văn", dueAt, assignees: [s.lan] });
    // Minh finished his part of #1: no more pings for him about it, in the channel or privately.
    await fx.prisma.taskAssignee.update({
      where: { taskId_memberId: { taskId: both, memberId: s.minh } },
      data: { doneAt: new Date() },
    });
    await changed(jobs, s, both);
    await changed(jobs, s, lanOnly);

    await waitFor(() => sender.sent.length >= 2, 10_000);
    await waitUntilSettled(fx, jobs);
    expect(sender.sent.map((m) => m.target).sort()).toEqual(["group-1", "private-lan"]);
    const group = sender.sent.find((m) => m.target === "group-1")?.text ?? "";
    const lan = sender.sent.find((m) => m.target === "private-lan")?.text ?? "";
    expect(group).toContain("Nhắc hạn (2 việc)");
    expect(group).not.toContain("Minh");
    // One private message naming both of Lan's tasks, the deadline in Tokyo time.
    expect(lan).toContain("Nhắc hạn (2 việc)");
    expect(lan).toContain("#1 Báo cáo quý");
    expect(lan).toContain("#2 Công văn");
    const tokyo = DateTime.fromJSDate(dueAt, { zone: "Asia/Tokyo" }).toFormat("HH:mm");
    const hanoi = DateTime.fromJSDate(dueAt, { zone: "Asia/Ho_Chi_Minh" }).toFormat("HH:mm");
    expect(lan).toContain(`hạn ${tokyo}`);
    expect(group).toContain(`hạn ${hanoi}`);

    // Nothing twice: a reconcile and another sync after sending add nothing that fires again.
    await jobs.reconcile();
    await changed(jobs, s, both);
    await waitUntilSettled(fx, jobs);
    expect(sender.sent).toHaveLength(2);
    const personal = await fx.prisma.ping.findMany({
      where: { kind: "at_deadline", memberId: { not: null } },
      select: { memberId: true, status: true },
    });
    expect(personal).toEqual([
      { memberId: s.lan, status: "sent" },
      { memberId: s.lan, status: "sent" },
    ]);
    // Lan's overdue pings roll on at 09:00 Tokyo time.
    const overdue = await fx.prisma.ping.findFirstOrThrow({
      where: { taskId: lanOnly, kind: "overdue", memberId: s.lan, status: "planned" },
      select: { fireAt: true },
    });
    expect(DateTime.fromJSDate(overdue.fireAt, { zone: "Asia/Tokyo" }).toFormat("HH:mm")).toBe("09:00");
  });

  it("plans heads-up and overdue at the member's local morning; finishing or a policy turns them off", async () => {
    const jobs = await start(new RecordingSender("zalo"), "web");
    const s = await seedChannel(fx.prisma, { platform: "zalo" });
    await seedPeople(s);
    const dueAt = new Date(Date.now() + 10 * 24 * 3600_000);
    const taskId = await seedTask(fx.prisma, s, { dueAt, dueHasTime: true, assignees: [s.lan, s.minh] });
    await changed(jobs, s, taskId);
    const planned = (memberId: string | null) =>
      fx.prisma.ping.findMany({
        where: { taskId, memberId, status: "planned" },
        select: { kind: true, fireAt: true },
        orderBy: { fireAt: "asc" },
      });
    const local = (rows: { kind: string; fireAt: Date }[], zone: string) =>
      Object.fromEntries(rows.map((r) => [r.kind, DateTime.fromJSDate(r.fireAt, { zone }).toFormat("HH:mm")]));
    expect(local(await planned(s.lan), "Asia/Tokyo")).toMatchObject({ heads_up: "09:00", overdue: "09:00" });
    expect(local(await planned(s.minh), "Asia/Ho_Chi_Minh")).toMatchObject({ heads_up: "09:00", overdue: "09:00" });
    const channelRows = await planned(null);
    expect((await planned(s.lan)).find((p) => p.kind === "at_deadline")?.fireAt).toEqual(
      channelRows.find((p) => p.kind === "at_deadline")?.fireAt,
    );

    await fx.prisma.taskAssignee.update({
      where: { taskId_memberId: { taskId, memberId: s.lan } },
      data: { doneAt: new Date() },
    });
    await jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "progress" });
    expect(await planned(s.lan)).toEqual([]);
    expect((await planned(s.minh)).length).toBeGreaterThan(0);
    expect(await planned(null)).toEqual(channelRows);

    await fx.prisma.channel.update({ where: { id: s.channelId }, data: { pingPolicy: { personal: false } } });
    await jobs.scheduler.onChannelSettingsChanged(s.channelId);
    expect(await planned(s.minh)).toEqual([]);
    expect(await planned(null)).toEqual(channelRows);
  });

  it("after Redis lost every key, reconcile restores the jobs of personal pings too", async () => {
    const jobs = await start(new RecordingSender("zalo"), "web");
    const s = await seedChannel(fx.prisma, { platform: "zalo" });
    await seedPeople(s);
    const taskId = await seedTask(fx.prisma, s, {
      dueAt: new Date(Date.now() + 5 * 24 * 3600_000),
      assignees: [s.lan, s.minh],
    });
    await changed(jobs, s, taskId);
    const personal = await fx.prisma.ping.findMany({
      where: { status: "planned", memberId: { not: null } },
      select: { id: true },
    });
    expect(personal.length).toBeGreaterThanOrEqual(6); // heads-up, hour before, at deadline, overdue × 2 people
    const all = await fx.prisma.ping.count({ where: { status: "planned" } });

    await deletePrefix(fx.redisUrl, fx.prefix);
    const report = await jobs.reconcile();
    expect(report.pingJobsAdded).toBe(all);
    for (const { id } of personal)
      expect(await (await jobs.queues.pings.getJob(pingJobId(id)))?.getState()).toBe("delayed");
    expect((await jobs.reconcile()).pingJobsAdded).toBe(0);
    expect(await fx.prisma.ping.count({ where: { status: "planned" } })).toBe(all);
  });
});
