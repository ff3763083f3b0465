import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import { recurringQueueName, recurringSchedulerId } from "../../jobs/recurring-occurrences.js";
import { createRecurringSeriesService } from "../../src/services/recurring-series-service.js";
import { fridaysAt16, MONDAY_AFTER, WEDNESDAY } from "../helpers/recurring-rules.js";
import {
  createJobsFixture,
  deletePrefix,
  type JobsFixture,
  RecordingSender,
  type Seeded,
  seedChannel,
  waitFor,
} from "./helpers.js";

describe("the recurring job (PostgreSQL, Redis)", () => {
  let fx: JobsFixture;
  let seeded: Seeded;
  let seriesId: string;
  let clock = WEDNESDAY;
  const running: Jobs[] = [];
  const start = async () => {
    const jobs = await fx.startJobs({ senders: [new RecordingSender("slack")], now: () => clock });
    running.push(jobs);
    return jobs;
  };
  const occurrenceTasks = () =>
    fx.prisma.recurringOccurrence.findMany({
      where: { seriesId },
      select: { key: true, late: true, task: { select: { number: true, title: true, dueAt: true } } },
      orderBy: { key: "asc" },
    });

  beforeAll(async () => {
    fx = await createJobsFixture("postgres");
    seeded = await seedChannel(fx.prisma);
    const series = createRecurringSeriesService({ prisma: fx.prisma, now: () => clock });
    const made = await series.create({
      channelId: seeded.channelId,
      creatorId: seeded.boss,
      title: "nộp báo cáo tuần",
      assigneeIds: [seeded.lan, seeded.minh],
      rule: fridaysAt16,
      timezone: "Asia/Ho_Chi_Minh",
    });
    seriesId = made.id;
  });
  afterAll(async () => {
    for (const jobs of running.splice(0)) await jobs.close();
    await fx?.close();
  });

  it("makes this week's occurrence at start, an ordinary task whose pings are planned", async () => {
    await start();
    const [occurrence] = await occurrenceTasks();
    expect(occurrence?.key).toBe("2026-12-04");
    expect(occurrence?.task).toMatchObject({ title: "nộp báo cáo tuần" });
    expect(occurrence?.task?.dueAt?.toISOString()).toBe("2026-12-04T09:00:00.000Z");
    const task = await fx.prisma.task.findFirstOrThrow({
      where: { channelId: seeded.channelId, number: occurrence?.task?.number ?? 0 },
      select: { id: true, assignees: { select: { memberId: true }, orderBy: { position: "asc" } } },
    });
    expect(task.assignees.map((a) => a.memberId)).toEqual([seeded.lan, seeded.minh]);
    await waitFor(async () => (await fx.prisma.ping.count({ where: { taskId: task.id } })) > 0, 60_000);
  });

  it("never doubles an occurrence: two runs at once, and a restart", async () => {
    const [jobs] = running;
    await Promise.all([jobs?.recurring?.runNow(), jobs?.recurring?.runNow(), jobs?.recurring?.runNow()]);
    await jobs?.close();
    running.splice(0);
    await start();
    expect((await occurrenceTasks()).map((o) => o.key)).toEqual(["2026-12-04"]);
    expect(await fx.prisma.task.count({ where: { channelId: seeded.channelId } })).toBe(1);
  });

  it("puts its scheduler back when Redis lost every key", async () => {
    await deletePrefix(fx.redisUrl, fx.prefix);
    const queue = new Queue(recurringQueueName, { connection: { url: fx.redisUrl }, prefix: fx.prefix });
    try {
      expect(await queue.getJobSchedulers()).toEqual([]);
      await running[0]?.recurring?.ensureScheduled();
      expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual([recurringSchedulerId]);
    } finally {
      await queue.close();
    }
  });

  it("makes what it missed while down, marked late, and nothing twice", async () => {
    for (const jobs of running.splice(0)) await jobs.close();
    clock = MONDAY_AFTER;
    await start();
    const occurrences = await occurrenceTasks();
    expect(occurrences.map((o) => [o.key, o.late])).toEqual([
      ["2026-12-04", false],
      ["2026-12-11", true],
      ["2026-12-18", true],
    ]);
    expect(new Set(occurrences.map((o) => o.task?.number)).size).toBe(3);
  });
});
