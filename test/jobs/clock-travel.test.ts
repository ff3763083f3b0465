import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClockTravel } from "../../jobs/clock-travel.js";
import type { Jobs } from "../../jobs/index.js";
import { AdjustableClock } from "../../src/core/clock.js";
import { toPlainText } from "../../src/core/reply.js";
import {
  createJobsFixture,
  type JobsFixture,
  RecordingSender,
  seedChannel,
  seedTask,
  silentLogger,
} from "./helpers.js";

/**
 * The terminal chat's jumping clock, on the jobs alone: a jump from Wednesday to the next Monday runs each ping and
 * the Monday summary due on the way, in order, once, through the real workers and outbox; a jump back does nothing.
 */
const WEDNESDAY = new Date("2026-12-02T02:00:00Z"); // 09:00 in Hanoi
const FRIDAY_17 = new Date("2026-12-04T10:00:00Z");
const MONDAY_0930 = new Date("2026-12-07T02:30:00Z");

describe("a jumping clock runs what falls due on the way", () => {
  let fx: JobsFixture;
  let jobs: Jobs;
  const clock = new AdjustableClock();
  const sender = new RecordingSender("console");
  const sentAt: string[] = [];

  beforeAll(async () => {
    clock.set(WEDNESDAY);
    fx = await createJobsFixture("postgres");
    const recorded = sender.send.bind(sender);
    sender.send = async (target, reply, meta) => {
      sentAt.push(clock.now().toISOString());
      return recorded(target, reply, meta);
    };
    jobs = await fx.startJobs({ senders: [sender], now: () => clock.now() });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("sends the heads-up, the hour before, the deadline, the Monday summary and the overdue ping, in order", async () => {
    const seeded = await seedChannel(fx.prisma, { platform: "console", externalId: "nhom-du-an" });
    const taskId = await seedTask(fx.prisma, seeded, { number: 1, title: "nộp báo cáo", dueAt: FRIDAY_17 });
    await jobs.scheduler.syncTask(taskId);

    await createClockTravel(jobs, clock, silentLogger).moveTo(MONDAY_0930);

    expect(clock.now().toISOString()).toBe(MONDAY_0930.toISOString());
    const kinds = sender.sent.map((message) => toPlainText(message.text).split("\n")[0]);
    expect(kinds).toEqual([
      expect.stringContaining("Sắp đến hạn: #1"),
      expect.stringContaining("Còn 1 giờ: #1"),
      expect.stringContaining("Đến hạn: #1"),
      expect.stringContaining("Tổng kết tuần 30/11–06/12"),
      expect.stringContaining("Quá hạn 2 ngày: #1"),
    ]);
    expect(sentAt).toEqual([
      "2026-12-03T02:00:00.000Z", // Thursday 09:00
      "2026-12-04T09:00:00.000Z", // Friday 16:00
      "2026-12-04T10:00:00.000Z", // Friday 17:00
      "2026-12-07T01:00:00.000Z", // Monday 08:00
      "2026-12-07T02:00:00.000Z", // Monday 09:00
    ]);
    expect(sender.sent.every((message) => message.target === "nhom-du-an")).toBe(true);
  });

  it("does not move back, and sends nothing more where nothing is due", async () => {
    const before = sender.sent.length;
    await createClockTravel(jobs, clock, silentLogger).moveTo(WEDNESDAY);
    expect(clock.now().toISOString()).toBe(MONDAY_0930.toISOString());
    await createClockTravel(jobs, clock, silentLogger).moveTo(new Date("2026-12-07T08:00:00Z"));
    expect(sender.sent.length).toBe(before);
  });
});
