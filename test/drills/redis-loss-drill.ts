// Drill: our own Redis (no persistence) is killed while tasks exist and a fresh, empty one takes its port. The
// running app is not restarted: its periodic reconcile must give every future ping its job back (job ids compared
// with the planned Ping rows), and a ping due after the loss must still go out, once.
import { type Jobs, startJobs } from "../../jobs/index.js";
import { pingJobId } from "../../jobs/job-types.js";
import { RecordingSender, seedChannel, seedTask } from "../jobs/helpers.js";
import { createDrillEnvironment, freePort, OwnRedis, quietLogger, sleep, waitUntil } from "./drill-kit.js";

export interface RedisLossOptions {
  /** Tasks with deadlines days ahead, each with several planned pings. */
  tasks: number;
  /** Reconcile period of the running app, in ms. */
  reconcileEveryMs: number;
}

export interface RedisLossResult {
  tasks: number;
  /** Planned Ping rows (future pings) before the loss, and their jobs. */
  plannedPings: number;
  jobsBeforeLoss: number;
  jobsAfterLoss: number;
  jobsAfterReconcile: number;
  /** Planned pings without a job, and jobs without a planned ping, after reconcile. */
  missingJobs: number;
  strayJobs: number;
  /** The ping due after the loss: messages received for it. */
  freshPingMessages: number;
  secondsToRestore: number;
}

async function jobIds(jobs: Jobs): Promise<Set<string>> {
  const all = await jobs.queues.pings.getJobs(["delayed", "waiting", "active", "prioritized"], 0, -1);
  return new Set(all.flatMap((job) => (job?.id ? [job.id] : [])));
}

export async function runRedisLossDrill(options: RedisLossOptions): Promise<RedisLossResult> {
  const env = await createDrillEnvironment("redis-loss");
  const redis = new OwnRedis(await freePort());
  try {
    await redis.start();
    env.defer(() => redis.kill());
    const sender = new RecordingSender("slack");
    const jobs = await startJobs({
      prisma: env.prisma,
      redisUrl: redis.url,
      senders: [sender],
      logger: quietLogger,
      role: "all",
      prefix: env.prefix,
      tuning: {
        drainDelaySeconds: 1,
        reconcileEveryMs: options.reconcileEveryMs,
        channelIntervalMs: { slack: 0, zalo: 0, console: 0 },
      },
    });
    env.defer(() => Promise.race([jobs.close(), sleep(5_000)]));
    const channel = await seedChannel(env.prisma);
    const day = 24 * 3600_000;
    for (let n = 1; n <= options.tasks; n++) {
      const dueAt = new Date(Date.now() + (3 + (n % 20)) * day + n * 60_000);
      const taskId = await seedTask(env.prisma, channel, { number: n, title: `Việc dài hạn ${n}`, dueAt });
      await jobs.scheduler.onTaskChanged({ taskId, channelId: channel.channelId, kind: "created" });
    }
    const jobsBeforeLoss = (await jobIds(jobs)).size;
    const plannedPings = await env.prisma.ping.count({ where: { status: "planned" } });

    await redis.kill();
    await redis.start();
    const lostAt = Date.now();
    const jobsAfterLoss = (await jobIds(jobs).catch(() => new Set<string>())).size;

    const planned = async () =>
      new Set(
        (await env.prisma.ping.findMany({ where: { status: "planned" }, select: { id: true } })).map((p) =>
          pingJobId(p.id),
        ),
      );
    await waitUntil(
      async () => {
        const [want, have] = await Promise.all([planned(), jobIds(jobs).catch(() => new Set<string>())]);
        return want.size > 0 && [...want].every((id) => have.has(id));
      },
      options.reconcileEveryMs * 3 + 20_000,
      "every planned ping has its job again",
      250,
    );
    const secondsToRestore = Math.round((Date.now() - lostAt) / 100) / 10;

    // A task created after the loss, due in two seconds: the queues work on the new Redis without a restart.
    const freshId = await seedTask(env.prisma, channel, {
      number: options.tasks + 1,
      title: "Việc sau sự cố",
      dueAt: new Date(Date.now() + 2_000),
    });
    await jobs.scheduler.onTaskChanged({ taskId: freshId, channelId: channel.channelId, kind: "created" });
    await waitUntil(() => sender.sent.some((m) => m.text.includes("Việc sau sự cố")), 20_000, "fresh ping sent");
    await sleep(500);

    const want = await planned();
    const have = await jobIds(jobs);
    return {
      tasks: options.tasks,
      plannedPings,
      jobsBeforeLoss,
      jobsAfterLoss,
      jobsAfterReconcile: have.size,
      missingJobs: [...want].filter((id) => !have.has(id)).length,
      strayJobs: [...have].filter((id) => !want.has(id)).length,
      freshPingMessages: sender.sent.filter((m) => m.text.includes("Việc sau sự cố")).length,
      secondsToRestore,
    };
  } finally {
    await env.close();
  }
}
