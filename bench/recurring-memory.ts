/**
 * Recurring tasks' memory figure (issue 18): the worker's resident memory, measured as the memory scenario measures
 * it (bench/memory-child.mjs: the worker role started in a process of its own, then GC, then RSS), with S series
 * whose week of occurrences the worker makes at its start (the recurring job's start-up run: tasks written, pings
 * planned and queued), against the same worker on the same channels without series. The child's clock stands on
 * the scenario's Monday, and the channels' weekly summaries off in both (recurring-seed.ts says why). Target: no
 * more than 50 MB above.
 */

import { createDatabase } from "../src/db/client.js";
import { createBenchDatabase, deleteRedisPrefix, uniqueName } from "./lib/env.js";
import { type BenchFigure, figure } from "./lib/result.js";
import { seedTasks } from "./lib/seed.js";
import { type ChildReport, mb, runChild } from "./memory.js";
import { countWeekTasks, MONDAY, seedSeries, turnSummariesOff } from "./recurring-seed.js";

export interface RecurringMemoryOptions {
  channels: number;
  seriesPerChannel: number;
  /** Bound on each child's start, in ms. */
  timeoutMs: number;
  log: (line: string) => void;
}

const TARGET_MB = 50;

export async function benchRecurringMemory(options: RecurringMemoryOptions): Promise<BenchFigure[]> {
  const { log } = options;
  const total = options.channels * options.seriesPerChannel;
  const db = await createBenchDatabase("recurmem");
  const prefixes: string[] = [];
  const run = async (stage: string): Promise<ChildReport> => {
    const prefix = uniqueName(`recurmem${stage}`).replaceAll("_", "-");
    prefixes.push(prefix);
    const report = await runChild("tsx", db.url, prefix, options.timeoutMs, log, MONDAY);
    if (report?.type !== "done") throw new Error(`the ${stage} worker did not finish starting`);
    return report;
  };
  try {
    // Migrated as the app migrates at start, so the channels can be seeded before the first child.
    await (await createDatabase({ databaseUrl: db.url, dataDir: "memory://" })).close();
    await seedTasks(db.url, { channels: options.channels, tasksPerChannel: 0, layout: { kind: "future" } });
    await turnSummariesOff(db.url);
    const without = await run("without");
    log(
      `recurring memory: worker without series RSS ${mb(without.rss).toFixed(0)} MB, ` +
        `heap ${mb(without.heapUsed).toFixed(0)} MB`,
    );
    await seedSeries(db.url, options.seriesPerChannel);
    const withSeries = await run("with");
    const made = await countWeekTasks(db.url);
    log(
      `recurring memory: worker with ${total} series, ${made} occurrences made at its start, ` +
        `${withSeries.pingJobs ?? "?"} ping jobs: RSS ${mb(withSeries.rss).toFixed(0)} MB, ` +
        `heap ${mb(withSeries.heapUsed).toFixed(0)} MB ` +
        `(${withSeries.seconds.toFixed(0)} s to start)`,
    );
    const above = mb(withSeries.rss) - mb(without.rss);
    return [
      figure(
        `recurring: worker RSS with ${total} series and the week's occurrences, after GC`,
        mb(withSeries.rss),
        "MB",
        {
          baseline: mb(without.rss),
          target: `≤ ${TARGET_MB} MB above the worker without series`,
          met: made === total && above <= TARGET_MB,
          digits: 0,
        },
      ),
      // RSS after a burst of work keeps pages the allocator has not given back (it varied by ±40 MB between runs of
      // the same worker); the heap shows what the worker retains.
      figure("recurring: worker heap used with the series, after GC", mb(withSeries.heapUsed), "MB", {
        baseline: mb(without.heapUsed),
        digits: 0,
      }),
    ];
  } finally {
    for (const prefix of prefixes) await deleteRedisPrefix(prefix);
    await db.drop();
  }
}
