/**
 * Makes Redis match the database, at start and periodically: every planned ping gets its job (a ping whose time
 * passed while the bot was down fires at once and is marked late if still relevant, cancelled otherwise), every
 * unfinished outbox row gets its job, and every channel's summary scheduler is upserted or removed. Idempotent:
 * job ids are deterministic, so several workers may reconcile at once.
 */
import type { JobContext } from "./job-context.js";
import type { PingScheduler } from "./scheduler.js";
import { catchUpSummary } from "./summary-catch-up.js";

export interface ReconcileReport {
  tasksPlanned: number;
  pingsCancelled: number;
  pingJobsAdded: number;
  outboxJobsAdded: number;
  summarySchedulers: number;
  /** Summaries of a slot lost with Redis' data, posted late. */
  summariesCaughtUp: number;
}

export async function reconcile(context: JobContext, scheduler: PingScheduler): Promise<ReconcileReport> {
  const { pings, outbox, reports, queues, now } = context;
  const { tasks, cancelled } = await pings.syncAll(now());
  for (const id of cancelled) await queues.removePing(id);
  let pingJobsAdded = 0;
  const at = now();
  for (const ping of await pings.listPlanned()) if (await queues.ensurePing(ping, at)) pingJobsAdded++;
  let outboxJobsAdded = 0;
  for (const row of await outbox.listUnfinished())
    if (await queues.ensureOutbox(row.platform, row.id)) outboxJobsAdded++;
  let summarySchedulers = 0;
  let summariesCaughtUp = 0;
  for (const channel of await reports.listChannels()) {
    try {
      await scheduler.syncSummarySchedule(channel);
      if (channel.summaryEnabled) summarySchedulers++;
      if (await catchUpSummary(context, channel)) summariesCaughtUp++;
    } catch (error) {
      context.logger.warn({ err: error, channelId: channel.id }, "summary scheduler not updated (bad cron or zone?)");
    }
  }
  return {
    tasksPlanned: tasks,
    pingsCancelled: cancelled.length,
    pingJobsAdded,
    outboxJobsAdded,
    summarySchedulers,
    summariesCaughtUp,
  };
}
