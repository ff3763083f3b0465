// The one fixture of the jobs tests: a migrated database, a unique Redis prefix, the jobs started on them (closed
// with the fixture), the bot wired to them as the app wires it, seeded channels and tasks, a recording MessageSender
// (the platform edge, not a collaborator), and waits that end with an event, never after a fixed time.
import { Redis } from "ioredis";
import { pino } from "pino";
import {
  type JobProducerOptions,
  type Jobs,
  type JobsRole,
  type StartJobsOptions,
  startJobs,
} from "../../jobs/index.js";
import { createAppBot } from "../../src/app-bot.js";
import type { Bot } from "../../src/core/handler.js";
import type { Platform } from "../../src/core/incoming.js";
import type { Reply } from "../../src/core/reply.js";
import { type MessageSender, SendError } from "../../src/core/sender.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { createDirectoryService } from "../../src/services/directory-service.js";
import { createQuestionService } from "../../src/services/question-service.js";
import { createTaskService } from "../../src/services/task-service.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { testRedisUrl, uniquePrefix } from "../setup/redis.js";

export const silentLogger = pino({ level: "silent" });

export interface SentMessage {
  target: string;
  text: string;
  outboxId: string;
  at: number;
}

/** Records every send; can fail on demand; with `history` it answers wasDelivered like Slack does. */
export class RecordingSender implements MessageSender {
  readonly sent: SentMessage[] = [];
  readonly calls: number[] = [];
  private failures: SendError[] = [];
  readonly history = new Set<string>();
  declare wasDelivered?: (target: string, outboxId: string, since: Date) => Promise<boolean>;

  constructor(
    readonly platform: Platform,
    options: { withHistory?: boolean } = {},
  ) {
    if (options.withHistory) {
      this.wasDelivered = async (_target, outboxId) => this.history.has(outboxId);
    }
  }

  failNext(...errors: SendError[]): void {
    this.failures.push(...errors);
  }

  async send(target: string, reply: Reply, meta: { outboxId: string }): Promise<{ externalMessageId?: string }> {
    this.calls.push(Date.now());
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ target, text: reply.text, outboxId: meta.outboxId, at: Date.now() });
    this.history.add(meta.outboxId);
    return { externalMessageId: `m${this.sent.length}` };
  }
}

export function rateLimited(platform: Platform, retryAfterMs?: number): SendError {
  return new SendError("rate limited", {
    platform,
    method: "chat.postMessage",
    retryable: true,
    status: 429,
    retryAfterMs,
  });
}

export interface Seeded {
  workspaceId: string;
  channelId: string;
  channelExternalId: string;
  lan: string;
  minh: string;
  boss: string;
}

/** A workspace with one channel and three members (Lan, Minh, and Sếp Hùng who creates tasks). */
export async function seedChannel(
  prisma: PrismaClient,
  options: {
    platform?: Platform;
    externalId?: string;
    locale?: string;
    timezone?: string;
    name?: string;
    workspaceId?: string;
  } = {},
): Promise<Seeded> {
  const platform = options.platform ?? "slack";
  const workspaceId =
    options.workspaceId ??
    (
      await prisma.workspace.create({
        data: { platform, externalId: `T${Math.random().toString(36).slice(2, 8)}` },
        select: { id: true },
      })
    ).id;
  const externalId = options.externalId ?? `C${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const channel = await prisma.channel.create({
    data: {
      workspaceId,
      externalId,
      name: options.name ?? "phong-ke-hoach",
      locale: options.locale ?? "vi",
      timezone: options.timezone ?? "Asia/Ho_Chi_Minh",
    },
    select: { id: true },
  });
  const member = async (name: string, normalized: string) =>
    (
      await prisma.member.upsert({
        where: { workspaceId_externalId: { workspaceId, externalId: `U_${normalized}` } },
        create: { workspaceId, externalId: `U_${normalized}`, displayName: name, normalizedName: normalized },
        update: {},
        select: { id: true },
      })
    ).id;
  return {
    workspaceId,
    channelId: channel.id,
    channelExternalId: externalId,
    lan: await member("Lan", "lan"),
    minh: await member("Minh", "minh"),
    boss: await member("Hùng", "hung"),
  };
}

let taskCounter = 0;

export async function seedTask(
  prisma: PrismaClient,
  seeded: Seeded,
  data: {
    number?: number;
    title?: string;
    dueAt?: Date | null;
    dueHasTime?: boolean;
    assignees?: string[];
    status?: "open" | "done" | "cancelled";
    createdAt?: Date;
    closedAt?: Date | null;
  } = {},
): Promise<string> {
  const number = data.number ?? ++taskCounter + 100;
  const task = await prisma.task.create({
    data: {
      channelId: seeded.channelId,
      number,
      title: data.title ?? `Việc số ${number}`,
      creatorId: seeded.boss,
      dueAt: data.dueAt ?? null,
      dueHasTime: data.dueHasTime ?? true,
      status: data.status ?? "open",
      ...(data.createdAt ? { createdAt: data.createdAt } : {}),
      closedAt: data.closedAt ?? null,
      assignees: { create: (data.assignees ?? [seeded.lan]).map((memberId) => ({ memberId })) },
    },
    select: { id: true },
  });
  return task.id;
}

export interface JobsFixture {
  db: TestDatabase;
  prisma: PrismaClient;
  prefix: string;
  redisUrl: string;
  /**
   * Starts the jobs on this fixture's database, Redis prefix and a silent logger. Tests get quick drains and no
   * periodic reconcile unless `tuning` says otherwise. The fixture closes what it started (close()).
   */
  startJobs(options: TestJobsOptions): Promise<Jobs>;
  /** Starts jobs and a bot whose task service and commands use them, as src/app.ts wires them. */
  startBot(options: TestBotOptions): Promise<{ bot: Bot; jobs: Jobs }>;
  /** Closes every jobs instance it started (each given a few seconds: one may hang on a Redis that is gone), then
   * deletes its Redis keys and its database. */
  close(): Promise<void>;
}

export type TestJobsOptions = Pick<StartJobsOptions, "senders"> &
  Partial<Pick<JobProducerOptions, "now" | "tuning" | "redisUrl">> & { role?: JobsRole };

export interface TestBotOptions {
  jobs: TestJobsOptions;
  middleware?: (jobs: Jobs) => NonNullable<Parameters<typeof createAppBot>[0]["middleware"]>;
  /** The bot's and the task service's clock (default real time). */
  now?: () => Date;
}

/** How long close() waits for one jobs instance before giving up on it. */
const CLOSE_LIMIT_MS = 3_000;

export async function createJobsFixture(kind: "postgres" | "pglite" = "postgres"): Promise<JobsFixture> {
  const db = await createTestDatabase(kind);
  const prefix = uniquePrefix("rvjobs");
  const redisUrl = testRedisUrl();
  const started: Jobs[] = [];
  const startTestJobs = async ({ tuning, ...options }: TestJobsOptions) => {
    const jobs = await startJobs({
      prisma: db.prisma,
      redisUrl,
      logger: silentLogger,
      role: "all",
      prefix,
      ...options,
      tuning: { drainDelaySeconds: 1, reconcileEveryMs: 0, ...tuning },
    });
    started.push(jobs);
    return jobs;
  };
  return {
    db,
    prisma: db.prisma,
    prefix,
    redisUrl,
    startJobs: startTestJobs,
    async startBot({ jobs: jobsOptions, middleware, now }) {
      const jobs = await startTestJobs(jobsOptions);
      const clock = now ? { now } : {};
      const tasks = createTaskService({
        prisma: db.prisma,
        logger: silentLogger,
        onTaskChanged: jobs.scheduler.onTaskChanged,
        ...clock,
      });
      const directory = createDirectoryService({
        prisma: db.prisma,
        defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
      });
      const bot = createAppBot({
        services: {
          tasks,
          directory,
          questions: createQuestionService({ prisma: db.prisma }),
          reminders: jobs.scheduler,
          reports: jobs.services.reports,
        },
        ...(middleware ? { middleware: middleware(jobs) } : {}),
        logger: silentLogger,
        ...clock,
      });
      return { bot, jobs };
    },
    async close() {
      const closing = started.splice(0).map((jobs) => jobs.close());
      await Promise.race([Promise.all(closing), timeLimit(CLOSE_LIMIT_MS)]);
      await deletePrefix(redisUrl, prefix);
      await db.close();
    },
  };
}

/** Resolves after `ms`: a bound on a wait that may never end, never a way to let something happen. */
export const timeLimit = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Deletes every key under `prefix` — our FLUSHALL for a shared Redis. */
export async function deletePrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/**
 * Waits until `check` holds. The wait ends with the event; `timeoutMs` only stops a test that would wait forever,
 * so it is never taken below {@link MIN_WAIT_MS}: a busy CI machine may be many times slower than the one the test
 * was written on, and a generous limit costs nothing when the event comes.
 */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 50): Promise<void> {
  const deadline = Date.now() + Math.max(timeoutMs, MIN_WAIT_MS);
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${Math.max(timeoutMs, MIN_WAIT_MS)} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export const MIN_WAIT_MS = 60_000;

/**
 * Waits until the jobs have nothing left to do now: no planned ping due (within the lead a message is prepared
 * ahead), no outbox row pending or in doubt, no job running or waiting and none delayed to within a second. What a
 * test then sees is all that its events caused: a message doubled or sent late would be in flight, not settled.
 */
export async function waitUntilSettled(fx: JobsFixture, jobs: Jobs, leadMs = 0): Promise<void> {
  await waitFor(async () => {
    const soon = new Date(Date.now() + leadMs);
    const [duePings, unfinished] = await Promise.all([
      fx.prisma.ping.count({ where: { status: "planned", fireAt: { lte: soon } } }),
      fx.prisma.outboxMessage.count({ where: { status: { in: ["pending", "in_doubt"] } } }),
    ]);
    if (duePings > 0 || unfinished > 0) return false;
    for (const queue of jobs.queues.all) {
      const counts = await queue.getJobCounts("active", "waiting", "prioritized");
      if ((counts.active ?? 0) + (counts.waiting ?? 0) + (counts.prioritized ?? 0) > 0) return false;
      const delayed = await queue.getDelayed();
      if (delayed.some((job) => job.timestamp + (job.opts.delay ?? 0) <= Date.now() + 1_000)) return false;
    }
    return true;
  }, 10_000);
}
