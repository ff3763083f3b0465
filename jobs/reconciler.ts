/**
 * Makes Redis match the database, at start and periodically: every planned ping gets its job (a ping whose time
 * passed while the bot was down fires at once and is marked late if still relevant, cancelled otherwise), every
 * unfinished outbox row gets its job, and every channel's summary scheduler is upserted or removed.
 *
 * Cheap when nothing is wrong, so it scales to 100 000 open tasks: only tasks whose plan is stale are re-planned
 * (`Task.pingsPlannedVersion`, see ping-planning.ts), and jobs are restored by set difference (restore-jobs.ts)
 * instead of one Redis call per ping. Several workers may reconcile at once (job ids are deterministic); a Redis
 * lease keeps their runs from piling up, and a run that finds the lease taken is skipped.
 */
import type { JobContext } from "./job-context.js";
import { withReconcileLock } from "./reconcile-lock.js";
import type { ReconcileReport } from "./reconcile-report.js";
import { restoreOutboxJobs, restorePingJobs } from "./restore-jobs.js";
import type { PingScheduler } from "./scheduler.js";
import { catchUpSummary } from "./summary-catch-up.js";

export type { ReconcileReport };

const skippedReport: ReconcileReport = Object.freeze({
  skipped: true,
  tasksPlanned: 0,
  pingsCancelled: 0,
  pingJobsAdded: 0,
  outboxJobsAdded: 0,
  summarySchedulers: 0,
  summariesCaughtUp: 0,
});

/** Upserts or removes every channel's summary scheduler and posts a slot lost with Redis' data. */
async function reconcileSummaries(context: JobContext, scheduler: PingScheduler) {
  let summarySchedulers = 0;
  let summariesCaughtUp = 0;
  for (const channel of await context.reports.listChannels()) {
    try {
      await scheduler.syncSummarySchedule(channel);
      if (channel.summaryEnabled) summarySchedulers++;
      if (await catchUpSummary(context, channel)) summariesCaughtUp++;
    } catch (error) {
      context.logger.warn({ err: error, channelId: channel.id }, "summary scheduler not updated (bad cron or zone?)");
    }
  }
  return { summarySchedulers, summariesCaughtUp };
}

async function reconcileOnce(context: JobContext, scheduler: PingScheduler): Promise<ReconcileReport> {
  const { pings, queues, now } = context;
  // Re-planning first: the pings it plans are then restored with the rest.
  const { tasks, cancelled } = await pings.syncStale(now());
  for (const id of cancelled) await queues.removePing(id);
  const pingJobsAdded = await restorePingJobs(context);
  const outboxJobsAdded = await restoreOutboxJobs(context);
  const summaries = await reconcileSummaries(context, scheduler);
  return {
    skipped: false,
    tasksPlanned: tasks,
    pingsCancelled: cancelled.length,
    pingJobsAdded,
    outboxJobsAdded,
    ...summaries,
  };
}

/** `lockKey`: the Redis lease shared by every process of this deployment (`<prefix>:reconcile-lock`). */
export async function reconcile(
  context: JobContext,
  scheduler: PingScheduler,
  lockKey: string,
): Promise<ReconcileReport> {
  // The producer connection fails fast while Redis is down, so a run then fails instead of hanging.
  const client = await context.queues.pings.backend.client;
  const report = await withReconcileLock(client, { key: lockKey }, () => reconcileOnce(context, scheduler));
  return report ?? { ...skippedReport };
}
