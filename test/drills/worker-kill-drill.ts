// Drill: the worker process is SIGKILLed at random moments during a burst of pings and started again. Every ping
// must reach the (fake) platform; on Slack none twice (the in-doubt check reads channel history with metadata), on
// Zalo, which keeps no history, an in-doubt message may be resent once, and each such resend is counted.
import { type Jobs, startJobs } from "../../jobs/index.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { seedChannel, seedTask } from "../jobs/helpers.js";
import { FakeSlackServer } from "../slack/fake-slack-server.js";
import { FakeZaloServer } from "../zalo/fake-zalo-server.js";
import {
  type Child,
  createDrillEnvironment,
  type DrillEnvironment,
  FaultRelay,
  quietLogger,
  sleep,
  spawnTsChild,
  WORKER_OPTIONS_ENV,
  WORKER_READY,
  type WorkerChildOptions,
  waitUntil,
} from "./drill-kit.js";

export interface WorkerKillOptions {
  slackChannels: number;
  zaloChats: number;
  /** Deadlines are spread evenly over this window, starting a few seconds after the first worker is ready. */
  spreadMs: number;
  kills: number;
  /** Upper bound of the extra answer delay of the fake platforms (the in-doubt window). */
  answerDelayMs: number;
  /** Worker processes sharing the burst (default 1); each kill takes the next one in turn. */
  workers?: number;
  /** Start a killed worker again (default true); false leaves the rest of the burst to the survivors. */
  restartKilled?: boolean;
}

export interface WorkerKillResult {
  pings: number;
  /** Tasks left out because seeding reached their deadline first (a loaded machine); should be 0. */
  seededLate: number;
  kills: number;
  slackPings: number;
  slackDelivered: number;
  slackDuplicates: number;
  zaloPings: number;
  zaloDelivered: number;
  zaloDuplicates: number;
  /** Resends of in-doubt Zalo messages the outbox counted (each may be one duplicate). */
  zaloInDoubtResendsCounted: number;
  /** Outbox rows that ended failed (a message in doubt twice is not sent a third time). */
  failedRows: number;
  /** In-doubt Slack sends settled by reading channel history (conversations.history calls). */
  slackHistoryChecks: number;
  /** Pings that never reached the platform. */
  lost: number;
  /** For each lost ping: its Ping rows and outbox rows, to tell where it stopped. */
  lostDetails: string;
  seconds: number;
}

interface DrillTask {
  id: string;
  title: string;
  platform: "slack" | "zalo";
  /** Planned after its own deadline (seeding too slow): it has no at-deadline ping, so it is not counted. */
  seededLate: boolean;
}

async function seedBurst(prisma: PrismaClient, jobs: Jobs, options: WorkerKillOptions, firstDue: number) {
  const platforms: DrillTask["platform"][] = [
    ...Array.from({ length: options.slackChannels }, () => "slack" as const),
    ...Array.from({ length: options.zaloChats }, () => "zalo" as const),
  ].sort(() => Math.random() - 0.5);
  const tasks: DrillTask[] = platforms.map((platform) => ({ id: "", title: "", platform, seededLate: false }));
  const slackWorkspace = await seedChannel(prisma, { platform: "slack", externalId: "CDRILL0" });
  const zaloWorkspace = await seedChannel(prisma, { platform: "zalo", externalId: "zdrill-0" });
  for (const [i, task] of tasks.entries()) {
    const seeded = await seedChannel(prisma, {
      platform: task.platform,
      workspaceId: task.platform === "slack" ? slackWorkspace.workspaceId : zaloWorkspace.workspaceId,
      externalId: task.platform === "slack" ? `CDRILL${i + 1}` : `zdrill-${i + 1}`,
    });
    task.title = `Drill viec ${String(i + 1).padStart(4, "0")} ${task.platform}`;
    const dueAt = new Date(firstDue + Math.floor((options.spreadMs * i) / tasks.length));
    task.id = await seedTask(prisma, seeded, { number: 1, title: task.title, dueAt });
    await jobs.scheduler.onTaskChanged({ taskId: task.id, channelId: seeded.channelId, kind: "created" });
  }
  // A task whose pings were planned after its deadline has no at-deadline ping (its first ping is tomorrow's).
  const withDeadlinePing = await prisma.ping.findMany({
    where: { taskId: { in: tasks.map((t) => t.id) }, kind: "at_deadline" },
    select: { taskId: true },
  });
  const planned = new Set(withDeadlinePing.map((p) => p.taskId));
  for (const task of tasks) task.seededLate = !planned.has(task.id);
  return tasks;
}

function countCopies(texts: string[], title: string): number {
  return texts.filter((text) => text.includes(title)).length;
}

export async function runWorkerKillDrill(options: WorkerKillOptions): Promise<WorkerKillResult> {
  const started = Date.now();
  const env: DrillEnvironment = await createDrillEnvironment("kill");
  const workers: (Child | undefined)[] = [];
  try {
    const slack = await new FakeSlackServer().start();
    env.defer(() => slack.stop());
    const zalo = await new FakeZaloServer().start();
    env.defer(() => zalo.close());
    const slackRelay = await new FaultRelay(slack.url, options.answerDelayMs).start();
    env.defer(() => slackRelay.stop());
    const zaloRelay = await new FaultRelay(zalo.url, options.answerDelayMs).start();
    env.defer(() => zaloRelay.stop());
    const web = await startJobs({
      prisma: env.prisma,
      redisUrl: env.redisUrl,
      senders: [],
      logger: quietLogger,
      role: "web",
      prefix: env.prefix,
    });
    env.defer(() => web.close());
    env.defer(async () => {
      await Promise.all(workers.map((worker) => worker?.kill()));
    });

    const childOptions: WorkerChildOptions = {
      databaseUrl: env.databaseUrl,
      schema: env.schema,
      redisUrl: env.redisUrl,
      prefix: env.prefix,
      slackApiUrl: `${slackRelay.url}/api/`,
      zaloApiUrl: zaloRelay.url,
      zaloToken: zalo.token,
    };
    const startWorker = () =>
      spawnTsChild("./worker-child.ts", { [WORKER_OPTIONS_ENV]: JSON.stringify(childOptions) }, WORKER_READY);
    for (let w = 0; w < (options.workers ?? 1); w++) workers.push(await startWorker());

    // Headroom for seeding on a loaded machine: a task planned after its deadline gets no at-deadline ping (it is
    // then left out, see seedBurst).
    const firstDue = Date.now() + 2_000 + 400 * (options.slackChannels + options.zaloChats);
    let tasks = await seedBurst(env.prisma, web, options, firstDue);
    const lastDue = firstDue + options.spreadMs;
    // Kill moments: random, spread over the burst so each restart meets pings that came due while it was down.
    const killAt = Array.from(
      { length: options.kills },
      (_, k) => firstDue + ((k + Math.random()) * options.spreadMs) / options.kills,
    );
    for (const [k, at] of killAt.entries()) {
      await sleep(Math.max(0, at - Date.now()));
      const victim = k % workers.length;
      await workers[victim]?.kill("SIGKILL");
      workers[victim] = options.restartKilled === false ? undefined : await startWorker();
    }
    await sleep(Math.max(0, lastDue - Date.now()));
    const unfinished = () => env.prisma.outboxMessage.count({ where: { status: { in: ["pending", "in_doubt"] } } });
    const unsent = () => env.prisma.ping.count({ where: { kind: "at_deadline", status: { not: "sent" } } });
    await waitUntil(
      async () => (await unsent()) === 0 && (await unfinished()) === 0,
      30_000 + options.slackChannels * 50,
      "every ping sent",
      250,
    );
    await sleep(500); // anything sent twice would show by now

    const slackTexts = [...slack.history.values()].flat().map((m) => JSON.stringify([m.text, m.blocks]));
    const zaloTexts = zalo.sentTexts();
    const seededLate = tasks.filter((t) => t.seededLate).length;
    tasks = tasks.filter((t) => !t.seededLate);
    const copies = tasks.map((task) => countCopies(task.platform === "slack" ? slackTexts : zaloTexts, task.title));
    const of = (platform: "slack" | "zalo") =>
      tasks.flatMap((t, i) => (t.platform === platform ? [copies[i] as number] : []));
    const slackCopies = of("slack");
    const zaloCopies = of("zalo");
    const lostDetails: string[] = [];
    for (const [i, task] of tasks.entries()) {
      if (copies[i] !== 0) continue;
      const pings = await env.prisma.ping.findMany({
        where: { taskId: task.id },
        select: { kind: true, status: true, late: true, outboxId: true },
      });
      const outboxIds = pings.flatMap((p) => (p.outboxId ? [p.outboxId] : []));
      const rows = await env.prisma.outboxMessage.findMany({
        where: { id: { in: outboxIds } },
        select: { status: true, attempts: true, inDoubtResends: true, externalMessageId: true, lastError: true },
      });
      lostDetails.push(`${task.title}: pings ${JSON.stringify(pings)} outbox ${JSON.stringify(rows)}`);
    }
    const resends = await env.prisma.outboxMessage.aggregate({
      where: { platform: "zalo" },
      _sum: { inDoubtResends: true },
    });
    return {
      pings: tasks.length,
      seededLate,
      kills: options.kills,
      slackPings: slackCopies.length,
      slackDelivered: slackCopies.filter((c) => c > 0).length,
      slackDuplicates: slackCopies.reduce((sum, c) => sum + Math.max(0, c - 1), 0),
      zaloPings: zaloCopies.length,
      zaloDelivered: zaloCopies.filter((c) => c > 0).length,
      zaloDuplicates: zaloCopies.reduce((sum, c) => sum + Math.max(0, c - 1), 0),
      zaloInDoubtResendsCounted: resends._sum.inDoubtResends ?? 0,
      slackHistoryChecks: slack.callsOf("conversations.history").length,
      failedRows: await env.prisma.outboxMessage.count({ where: { status: "failed" } }),
      lost: copies.filter((c) => c === 0).length,
      lostDetails: lostDetails.join("\n"),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await env.close();
  }
}
