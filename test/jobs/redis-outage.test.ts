// BullMQ's known failure modes, as regression tests: a worker must resume after a Redis outage longer than its
// drain delay (bullmq #4585), and a cron summary around a short outage must be neither lost nor doubled (#1658,
// #2876). The outage is a TCP proxy cut between the worker and the shared Redis.

import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkRedisHealth } from "../../jobs/redis-health.js";
import { summaryOutboxId } from "../../jobs/weekly-summary.processor.js";
import {
  createJobsFixture,
  type JobsFixture,
  RecordingSender,
  seedChannel,
  seedTask,
  waitFor,
  waitUntilSettled,
} from "./helpers.js";
import { TcpProxy } from "./tcp-proxy.js";

describe("Redis outages", () => {
  let fx: JobsFixture;
  let proxy: TcpProxy;
  const tuning = { drainDelaySeconds: 1, reconcileEveryMs: 0, channelIntervalMs: { slack: 0, zalo: 0, console: 0 } };

  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
    const target = new URL(fx.redisUrl);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
  });
  afterEach(async () => {
    await proxy.start().catch(() => undefined); // let closing clients reach Redis
    await fx.close();
    await proxy.stop();
  });

  const start = (redisUrl: string, role: "web" | "worker", sender: RecordingSender) =>
    fx.startJobs({ redisUrl, senders: [sender], role, tuning });
  /** The outage is the scenario itself, not a wait for something to happen: the cut lasts this long. */
  const keepCut = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("a worker resumes after an outage longer than its drain delay (bullmq #4585)", async () => {
    const sender = new RecordingSender("slack");
    await start(proxy.url, "worker", sender);
    const web = await start(fx.redisUrl, "web", sender);
    const s = await seedChannel(fx.prisma);
    // At-deadline pings keep their instant in quiet hours, so this test runs at any time of day.
    const taskId = await seedTask(fx.prisma, s, { number: 1, title: "Trước sự cố", dueAt: new Date(Date.now() + 500) });
    await web.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });
    // Generous waits: they end as soon as the message arrives, and a busy machine may take long to get there.
    await waitFor(() => sender.sent.length === 1, 60_000);

    await proxy.stop();
    await keepCut(4_000); // drainDelay 1 s, so the blocking call's watchdog fires during the outage
    await proxy.start();

    const after = await seedTask(fx.prisma, s, { number: 2, title: "Sau sự cố", dueAt: new Date(Date.now() + 500) });
    await web.scheduler.onTaskChanged({ taskId: after, channelId: s.channelId, kind: "created" });
    await waitFor(() => sender.sent.length === 2, 60_000, 100);
    expect(sender.sent[1]?.text).toContain("#2 Sau sự cố");
  });

  it("a cron summary around a short outage is neither lost nor doubled (bullmq #1658, #2876)", async () => {
    const sender = new RecordingSender("slack");
    const s = await seedChannel(fx.prisma);
    await fx.prisma.channel.update({ where: { id: s.channelId }, data: { summaryCron: "*/3 * * * * *" } });
    const startedAt = Date.now();
    const worker = await start(proxy.url, "worker", sender);
    await waitFor(() => sender.sent.length >= 1, 60_000);
    await proxy.stop();
    await keepCut(2_000);
    await proxy.start();
    const resumedAt = Date.now();
    await waitFor(() => sender.sent.some((m) => m.at > resumedAt + 3_500), 60_000, 100);
    await waitUntilSettled(fx, worker); // a message doubled by the outage would be in flight still

    const ids = sender.sent.map((m) => m.outboxId);
    expect(new Set(ids).size).toBe(ids.length); // nothing doubled
    const slotOf = new Map<string, number>();
    const last = Math.ceil((sender.sent.at(-1)?.at ?? 0) / 3000) * 3000;
    for (let slot = Math.floor(startedAt / 3000) * 3000; slot <= last; slot += 3000) {
      slotOf.set(summaryOutboxId(s.channelId, slot), slot);
    }
    const sent = sender.sent.map((m) => ({ slot: slotOf.get(m.outboxId), at: m.at }));
    expect(sent.every((m) => m.slot !== undefined)).toBe(true);
    // Nothing lost: the scheduler plans the next slot when it takes a job, from then on. So a slot may be skipped
    // only after a job that was taken when the next slot had already come (a machine too busy for a 3 s rhythm);
    // a job sent in time must be followed by the very next slot, outage or not.
    const bySlot = [...(sent as { slot: number; at: number }[])].sort((a, b) => a.slot - b.slot);
    for (let i = 1; i < bySlot.length; i++) {
      const previous = bySlot[i - 1] as { slot: number; at: number };
      const gap = (bySlot[i]?.slot as number) - previous.slot;
      expect(gap).toBeGreaterThan(0);
      if (previous.at < previous.slot + 3000) expect(gap).toBe(3000);
    }
  });

  it("says clearly when Redis may evict keys or does not persist", async () => {
    const redis = new Redis(fx.redisUrl);
    try {
      const health = await checkRedisHealth(redis);
      const policy = ((await redis.config("GET", "maxmemory-policy")) as string[])[1];
      expect(health.maxmemoryPolicy).toBe(policy);
      if (policy !== "noeviction") expect(health.problems.join("\n")).toContain("set maxmemory-policy noeviction");
      if (health.appendonly !== "yes") expect(health.problems.join("\n")).toContain("set appendonly yes");
    } finally {
      redis.disconnect();
    }
    const fake = {
      config: async (_: string, name: string) => ["x", name === "maxmemory-policy" ? "allkeys-lru" : "no"],
      info: async () => "",
    };
    const health = await checkRedisHealth(fake as never);
    expect(health.problems).toEqual([
      "maxmemory-policy is allkeys-lru: Redis may evict queue keys and lose pings; set maxmemory-policy noeviction",
      "append-only persistence is no: a Redis restart loses queued jobs (the reconciler restores pings from the database, but set appendonly yes)",
    ]);
  });
});

describe("a worker killed mid-send", () => {
  let fx: JobsFixture;
  let proxy: TcpProxy;
  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
    const target = new URL(fx.redisUrl);
    proxy = new TcpProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
  });
  afterEach(async () => {
    await fx.close(); // worker A hangs in its send for good: the fixture gives up on closing it after a while
    await proxy.stop();
  });

  it("and replaced by another worker sends the ping exactly once (Slack history decides)", async () => {
    // Worker A delivers the message, then hangs and loses Redis before it can record anything: as good as dead.
    const a = new RecordingSender("slack", { withHistory: true });
    const deliverAndHang = a.send.bind(a);
    a.send = async (target, reply, meta) => {
      await deliverAndHang(target, reply, meta);
      return new Promise(() => undefined);
    };
    const tuning = { drainDelaySeconds: 1, reconcileEveryMs: 0, lockDurationMs: 2_000, stalledIntervalMs: 1_000 };
    const workerA = await fx.startJobs({ tuning, redisUrl: proxy.url, senders: [a], role: "all" });
    const s = await seedChannel(fx.prisma);
    const taskId = await seedTask(fx.prisma, s, { number: 1, title: "Chỉ một lần", dueAt: new Date(Date.now() + 500) });
    await workerA.scheduler.onTaskChanged({ taskId, channelId: s.channelId, kind: "created" });
    await waitFor(() => a.sent.length === 1, 10_000);
    await proxy.stop();

    // Worker B shares the platform's history (same Slack channel) and takes over the stalled job.
    const b = new RecordingSender("slack", { withHistory: true });
    b.history.add(a.sent[0]?.outboxId as string);
    const workerB = await fx.startJobs({ tuning, redisUrl: fx.redisUrl, senders: [b], role: "worker" });
    await waitFor(async () => (await fx.prisma.outboxMessage.count({ where: { status: "sent" } })) === 1, 20_000, 200);
    await waitUntilSettled(fx, workerB);
    expect(a.sent).toHaveLength(1);
    expect(b.sent).toHaveLength(0);
    expect(await fx.prisma.ping.count({ where: { taskId, kind: "at_deadline", status: "sent" } })).toBe(1);
    expect(await fx.prisma.outboxMessage.findFirstOrThrow({ select: { status: true, attempts: true } })).toEqual({
      status: "sent",
      attempts: 1,
    });
  });
});
