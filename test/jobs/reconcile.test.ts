// The reconciler at scale, on real Redis and PostgreSQL: it re-plans only tasks whose plan is stale, restores
// missing jobs in bulk (never one Redis call per ping), does nothing when nothing is wrong, and two reconcilers
// at once never add a job twice.
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
} from "./helpers.js";

const DAY = 24 * 3600_000;

describe("reconcile", () => {
  let fx: JobsFixture;
  // Role "web": no worker processes a job while we count them.
  const start = async () => {
    const jobs = await fx.startJobs({
      senders: [new RecordingSender("slack")],
      role: "web",
    });
    return jobs;
  };
  /** Tasks due days ahead, planned through the scheduler as a command would. */
  const seedPlanned = async (jobs: Jobs, s: Seeded, count: number) => {
    const ids: string[] = [];
    for (let n = 1; n <= count; n++) {
      const taskId = await seedTask(fx.prisma, s, { number: n, dueAt: new Date(Date.now() + (2 + n) * DAY) });
      await jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });
      ids.push(taskId);
    }
    return ids;
  };
  const plannedJobIds = async () =>
    (await fx.prisma.ping.findMany({ where: { status: "planned" }, select: { id: true } })).map((p) => pingJobId(p.id));
  const liveJobIds = async (jobs: Jobs) =>
    (await jobs.queues.pings.getJobs(["delayed", "waiting", "active", "prioritized"], 0, -1)).map((j) => j?.id);

  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fx.close();
  });

  it("does no re-planning and adds no job when nothing is wrong", async () => {
    const jobs = await start();
    await seedPlanned(jobs, await seedChannel(fx.prisma), 5);
    const before = await fx.prisma.ping.findMany({ select: { id: true, status: true, updatedAt: true } });
    const tasks = await fx.prisma.task.findMany({ select: { id: true, updatedAt: true, pingsPlannedVersion: true } });
    const report = await jobs.reconcile();
    expect(report).toMatchObject({ skipped: false, tasksPlanned: 0, pingJobsAdded: 0, outboxJobsAdded: 0 });
    expect(await fx.prisma.task.findMany({ select: { id: true, updatedAt: true, pingsPlannedVersion: true } })).toEqual(
      tasks,
    );
    expect(await fx.prisma.ping.findMany({ select: { id: true, status: true, updatedAt: true } })).toEqual(before);
  });

  it("plans a task committed but never planned (a crash between the commit and its planning)", async () => {
    const jobs = await start();
    const s = await seedChannel(fx.prisma);
    const [planned] = await seedPlanned(jobs, s, 1);
    // Committed by the task service, then the process died before onTaskChanged: no rows, no marker.
    const lost = await seedTask(fx.prisma, s, { number: 9, dueAt: new Date(Date.now() + 4 * DAY) });
    const report = await jobs.reconcile();
    expect(report.tasksPlanned).toBe(1);
    const rows = await fx.prisma.ping.findMany({ where: { taskId: lost, status: "planned" }, select: { id: true } });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(report.pingJobsAdded).toBe(rows.length);
    for (const { id } of rows) expect(await jobs.queues.pings.getJob(pingJobId(id))).toBeDefined();
    // Its rows cleared and its marker reset (as after a crash mid-planning): planned again, the other task not.
    await fx.prisma.ping.deleteMany({ where: { taskId: planned } });
    await fx.prisma.$executeRaw`UPDATE "Task" SET "pingsPlannedVersion" = NULL WHERE id = ${planned}::uuid`;
    expect((await jobs.reconcile()).tasksPlanned).toBe(1);
    expect(await fx.prisma.ping.count({ where: { taskId: planned, status: "planned" } })).toBeGreaterThanOrEqual(2);
    expect((await jobs.reconcile()).tasksPlanned).toBe(0);
  });

  it("re-plans a task whose ping was claimed but whose next ping was never planned", async () => {
    const jobs = await start();
    const s = await seedChannel(fx.prisma);
    const taskId = await seedTask(fx.prisma, s, { number: 1, dueAt: new Date(Date.now() - 60_000) });
    const due = await fx.prisma.ping.create({
      data: { taskId, kind: "at_deadline", fireAt: new Date(Date.now() - 60_000) },
      select: { id: true },
    });
    await fx.prisma.$executeRaw`UPDATE "Task" SET "pingsPlannedVersion" = version WHERE id = ${taskId}::uuid`;
    // The ping job claimed it, then the worker died before re-planning the task (the overdue ping rolls).
    expect(await jobs.services.pings.claim(due.id, new Date())).not.toBeNull();
    expect(await fx.prisma.ping.count({ where: { taskId, status: "planned" } })).toBe(0);
    expect((await jobs.reconcile()).tasksPlanned).toBe(1);
    const next = await fx.prisma.ping.findMany({ where: { taskId, status: "planned" }, select: { kind: true } });
    expect(next.map((p) => p.kind)).toEqual(["overdue"]);
  });

  it("restores every job after Redis lost its keys, in bulk rather than one add per ping", async () => {
    const jobs = await start();
    await seedPlanned(jobs, await seedChannel(fx.prisma), 6);
    const want = await plannedJobIds();
    expect(await deletePrefix(fx.redisUrl, fx.prefix)).toBeGreaterThan(0);
    const add = vi.spyOn(jobs.queues.pings, "add");
    const addBulk = vi.spyOn(jobs.queues.pings, "addBulk");
    const report = await jobs.reconcile();
    expect(report.pingJobsAdded).toBe(want.length);
    expect(add).not.toHaveBeenCalled();
    expect(addBulk).toHaveBeenCalledTimes(1);
    expect((await liveJobIds(jobs)).sort()).toEqual([...want].sort());
    expect(await jobs.queues.pings.getDelayedCount()).toBe(want.length);
  });

  it("replaces a dead job (its hash left without a live state) for a ping still planned", async () => {
    const jobs = await start();
    await seedPlanned(jobs, await seedChannel(fx.prisma), 1);
    const [jobId] = await plannedJobIds();
    const redis = new Redis(fx.redisUrl);
    // As a job kept failed or left half-written: BullMQ would take a plain add of its id as a duplicate.
    await redis.zrem(`${fx.prefix}:pings:delayed`, jobId as string).finally(() => redis.disconnect());
    expect(await jobs.queues.pings.getJob(jobId as string)).toBeDefined();
    expect((await jobs.reconcile()).pingJobsAdded).toBe(1);
    expect(await (await jobs.queues.pings.getJob(jobId as string))?.getState()).toBe("delayed");
  });

  it("leaves alone a live job added while it runs (a task planned between its read of Redis and of the database)", async () => {
    const jobs = await start();
    const s = await seedChannel(fx.prisma);
    await seedPlanned(jobs, s, 1);
    const readPlanned = jobs.services.pings.plannedPage;
    // A command plans a task after the reconciler read the live jobs and before it reads the planned pings.
    vi.spyOn(jobs.services.pings, "plannedPage").mockImplementationOnce(async (after, limit) => {
      const taskId = await seedTask(fx.prisma, s, { number: 2, dueAt: new Date(Date.now() + 5 * DAY) });
      await jobs.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });
      return readPlanned(after, limit);
    });
    const remove = vi.spyOn(jobs.queues.pings, "remove");
    await jobs.reconcile();
    expect(remove).not.toHaveBeenCalled();
    expect((await liveJobIds(jobs)).sort()).toEqual((await plannedJobIds()).sort());
  });

  it("two reconcilers at once never add a job twice", async () => {
    const first = await start();
    const second = await start();
    await seedPlanned(first, await seedChannel(fx.prisma), 6);
    const want = await plannedJobIds();
    await deletePrefix(fx.redisUrl, fx.prefix);
    const reports = await Promise.all([first.reconcile(), second.reconcile(), first.reconcile()]);
    const added = reports.reduce((sum, r) => sum + r.pingJobsAdded, 0);
    expect(added).toBe(want.length);
    expect((await liveJobIds(first)).sort()).toEqual([...want].sort());
    // The lease is released after each run: a later reconcile runs (and finds nothing to do).
    expect(await second.reconcile()).toMatchObject({ skipped: false, pingJobsAdded: 0 });
  });
});
