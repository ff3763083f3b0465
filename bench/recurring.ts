/**
 * Scenario 5, recurring tasks (issue 18): S series across C channels (a weekly Friday 16:00 rhythm each). At Monday
 * 08:01 the recurring job makes the week's occurrences; the time runs until every one is a task with its pings
 * planned (pingsPlannedVersion caught up). Baseline, in the same run: the same number of plain tasks written one by
 * one through the task service's insert and planned by the same scheduler. Targets: ≤ 30 s, and ≤ 3× the baseline.
 * The job's scheduled run is off (tuning `recurringEveryMs: 0`), so `runNow()` is the one run timed; the week's
 * tasks are still counted in the database. The worker's memory with the series is measured apart
 * (recurring-memory.ts).
 */
import { type Jobs, startJobs } from "../jobs/index.js";
import { createDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { insertTask } from "../src/services/task-writes.js";
import { createBenchDatabase, deleteRedisPrefix, REDIS_URL, uniqueName, waitFor } from "./lib/env.js";
import { type BenchFigure, figure } from "./lib/result.js";
import { seedTasks } from "./lib/seed.js";
import { MONDAY, seedSeries, WEEK_KEY } from "./recurring-seed.js";

export interface RecurringOptions {
  channels: number;
  seriesPerChannel: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export async function benchRecurring(options: RecurringOptions): Promise<BenchFigure[]> {
  const { log, channels } = options;
  const total = channels * options.seriesPerChannel;
  const db = await createBenchDatabase("recurring");
  const prefix = uniqueName("recurring").replaceAll("_", "-");
  const database = await createDatabase({ databaseUrl: db.url, dataDir: "memory://" });
  const prisma = database.prisma;
  let jobs: Jobs | undefined;
  const unplanned = async () => prisma.task.count({ where: { pingsPlannedVersion: null } });
  /** The week's occurrences that have their task. */
  const weekTasks = async () => prisma.recurringOccurrence.count({ where: { key: WEEK_KEY, taskId: { not: null } } });
  try {
    await seedTasks(db.url, { channels, tasksPerChannel: 0, layout: { kind: "future" } });
    jobs = await startJobs({
      prisma,
      redisUrl: REDIS_URL,
      senders: [],
      logger: createLogger("silent"),
      role: "worker",
      prefix,
      now: () => MONDAY,
      // No scheduled recurring run beside the timed runNow(): the figure is one run of the job's work.
      tuning: { reconcileEveryMs: 0, recurringEveryMs: 0 },
    });
    const { scheduler, recurring } = jobs;
    const channelRows = await prisma.channel.findMany({ select: { id: true } });
    const creator = await prisma.member.findFirstOrThrow({ select: { id: true } });

    let started = performance.now();
    for (let i = 0; i < total; i++) {
      const channelId = channelRows[i % channelRows.length]?.id as string;
      const dueAt = new Date("2027-03-05T09:00:00Z");
      const due = { dueAt, hasTime: true, start: dueAt, grain: "minute" as const };
      const task = await insertTask(
        prisma,
        { channelId, creatorId: creator.id, title: "việc thường", due },
        [creator.id],
        MONDAY,
      );
      await scheduler.onTaskChanged({ taskId: task.id, channelId, kind: "created" });
    }
    const baselineDone = await waitFor(async () => (await unplanned()) === 0, options.timeoutMs, 100);
    const baseline = (performance.now() - started) / 1000;
    log(`recurring: baseline ${total} plain tasks written and planned in ${baseline.toFixed(1)} s`);

    await seedSeries(db.url, options.seriesPerChannel);
    started = performance.now();
    // Counted in the database, whoever made them: the occurrence key keeps it at one per series and week.
    const made = (await recurring?.runNow()) ?? [];
    const done = await waitFor(
      async () => (await weekTasks()) === total && (await unplanned()) === 0,
      options.timeoutMs,
      100,
    );
    const seconds = (performance.now() - started) / 1000;
    const counted = await weekTasks();
    log(
      `recurring: ${counted}/${total} occurrences made (${made.length} by this run) and planned in ` +
        `${seconds.toFixed(1)} s`,
    );
    const ok = done && baselineDone && counted === total;
    return [
      figure("recurring: week's occurrences made + pings planned", ok ? seconds : null, "s", {
        baseline,
        target: "≤ 30 s and ≤ 3× plain tasks",
        met: ok && seconds <= 30 && seconds <= 3 * baseline,
        digits: 2,
      }),
      figure("recurring: occurrences made (tasks in the database)", counted, "", {
        target: `${total}`,
        met: counted === total,
        digits: 0,
      }),
    ];
  } finally {
    await jobs?.close();
    await database.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  }
}
