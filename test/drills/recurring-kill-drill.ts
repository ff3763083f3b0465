// Drill: the worker is SIGKILLed while the recurring job is making occurrences (a backlog of missed days, as after a
// long outage), Redis' keys are emptied once, and the worker is started again. Afterwards every occurrence due is
// there exactly once, each with exactly one task: nothing doubled, nothing lost.
import { createWorkingCalendar } from "../../src/calendar/index.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { Recurrence } from "../../src/recurrence/index.js";
import { dueOccurrences } from "../../src/services/recurring-occurrences.js";
import { deletePrefix, seedChannel } from "../jobs/helpers.js";
import {
  type Child,
  createDrillEnvironment,
  RECURRING_CHILD_ENV,
  RECURRING_READY,
  RECURRING_STARTING,
  type RecurringChildOptions,
  spawnTsChild,
  waitUntil,
} from "./drill-kit.js";

export interface RecurringKillOptions {
  channels: number;
  seriesPerChannel: number;
  /** How many days the series have been missed: each missed working day is one occurrence to make. */
  missedDays: number;
  /** Kill when this share of the occurrences is made, one kill per share (e.g. [0.25, 0.6]). */
  killAt: number[];
}

export interface RecurringKillResult {
  series: number;
  /** Occurrences due when the last worker started, and those that exist at the end. */
  expected: number;
  made: number;
  /** How many occurrences existed at each kill (each below `expected`: the kill fell mid-run). */
  madeAtKills: number[];
  /** Series whose occurrences are not exactly the ones due (missing or extra keys). */
  wrongSeries: number;
  /** Occurrences without their task, tasks without their occurrence, tasks with other than one "created" entry. */
  occurrencesWithoutTask: number;
  tasksWithoutOccurrence: number;
  tasksWithoutOneCreation: number;
  seconds: number;
}

const ZONE = "Asia/Ho_Chi_Minh";

/** Every working day at 17:00. */
const daily: Recurrence = {
  kind: "solar",
  rrule: "FREQ=DAILY",
  lunarDays: null,
  anchor: "2026-01-01",
  at: 17 * 60,
  // As the parser makes a daily rule: days off are left out.
  dayOff: "skip",
  skipTet: false,
  until: null,
  leadWorkingDays: null,
  text: "hằng ngày",
};

async function seedSeries(prisma: PrismaClient, options: RecurringKillOptions, coveredUntil: Date): Promise<void> {
  for (let c = 0; c < options.channels; c += 1) {
    const seeded = await seedChannel(prisma, { externalId: `CREC${c}` });
    await prisma.recurringSeries.createMany({
      data: Array.from({ length: options.seriesPerChannel }, (_, s) => ({
        channelId: seeded.channelId,
        number: s + 1,
        title: `báo cáo ngày ${c}-${s}`,
        creatorId: seeded.boss,
        assigneeIds: [seeded.lan],
        rule: { ...daily },
        timezone: ZONE,
        coveredUntil,
        createdAt: coveredUntil,
        updatedAt: coveredUntil,
      })),
    });
  }
}

/** The keys due at `now` for one series of the drill (all share a rule and the channels' default calendar). */
function dueKeys(coveredUntil: Date, now: Date): string[] {
  const where = {
    timezone: ZONE,
    endOfDayMinutes: 17 * 60,
    calendar: createWorkingCalendar({ workingDays: [1, 2, 3, 4, 5] }),
  };
  return dueOccurrences(daily, coveredUntil, now, where).map((o) => o.key);
}

async function check(prisma: PrismaClient, coveredUntil: Date, from: Date, to: Date) {
  const least = new Set(dueKeys(coveredUntil, from));
  const most = new Set(dueKeys(coveredUntil, to));
  const occurrences = await prisma.recurringOccurrence.findMany({
    select: { seriesId: true, key: true, taskId: true },
  });
  const bySeries = new Map<string, string[]>();
  for (const o of occurrences) bySeries.set(o.seriesId, [...(bySeries.get(o.seriesId) ?? []), o.key]);
  const seriesIds = (await prisma.recurringSeries.findMany({ select: { id: true } })).map((s) => s.id);
  const wrongSeries = seriesIds.filter((id) => {
    const keys = bySeries.get(id) ?? [];
    return [...least].some((k) => !keys.includes(k)) || keys.some((k) => !most.has(k));
  }).length;
  const taskIds = new Set(occurrences.flatMap((o) => (o.taskId ? [o.taskId] : [])));
  const tasks = await prisma.task.findMany({
    select: { id: true, _count: { select: { events: { where: { action: "created" } } } } },
  });
  return {
    expected: seriesIds.length * least.size,
    made: occurrences.length,
    wrongSeries,
    occurrencesWithoutTask: occurrences.filter((o) => o.taskId === null).length,
    tasksWithoutOccurrence: tasks.filter((t) => !taskIds.has(t.id)).length,
    tasksWithoutOneCreation: tasks.filter((t) => t._count.events !== 1).length,
  };
}

export async function runRecurringKillDrill(options: RecurringKillOptions): Promise<RecurringKillResult> {
  const started = Date.now();
  const env = await createDrillEnvironment("recurring");
  let worker: Child | undefined;
  try {
    env.defer(() => worker?.kill());
    const coveredUntil = new Date(Date.now() - options.missedDays * 86_400_000);
    await seedSeries(env.prisma, options, coveredUntil);
    const series = options.channels * options.seriesPerChannel;
    const total = series * dueKeys(coveredUntil, new Date()).length;
    const childOptions: RecurringChildOptions = {
      databaseUrl: env.databaseUrl,
      schema: env.schema,
      redisUrl: env.redisUrl,
      prefix: env.prefix,
    };
    // The last start waits for the whole backlog to be made (its start-up run), which a loaded machine takes minutes on.
    const start = (ready: string) =>
      spawnTsChild("./recurring-child.ts", { [RECURRING_CHILD_ENV]: JSON.stringify(childOptions) }, ready, 170_000);
    const made = () => env.prisma.recurringOccurrence.count();
    const madeAtKills: number[] = [];
    for (const [i, share] of options.killAt.entries()) {
      worker = await start(RECURRING_STARTING);
      await waitUntil(async () => (await made()) >= total * share, 60_000, `${share * 100} % made`, 20);
      await worker.kill("SIGKILL");
      madeAtKills.push(await made());
      // Once, Redis loses the jobs' keys too (restarted empty): the next worker finds no scheduler and no jobs.
      if (i === options.killAt.length - 1) await deletePrefix(env.redisUrl, env.prefix);
    }
    const lastStart = new Date();
    worker = await start(RECURRING_READY);
    const result = await check(env.prisma, coveredUntil, lastStart, new Date());
    return { series, ...result, madeAtKills, seconds: Math.round((Date.now() - started) / 100) / 10 };
  } finally {
    await env.close();
  }
}
