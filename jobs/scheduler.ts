/**
 * The scheduler the task service calls after each committed change (`onTaskChanged`). The database is updated
 * first (pings planned or cancelled there); then Redis is made to match. A Redis failure is logged, not thrown:
 * the change is saved and the reconciler adds the missing jobs within minutes.
 */

import { Batcher } from "../src/core/batcher.js";
import { MAX_PENDING_REMINDERS } from "../src/core/limits.js";
import type { SummaryChannel } from "../src/services/report-service.js";
import type { TaskChange, TaskChangeKind } from "../src/services/task-service.js";
import type { JobContext } from "./job-context.js";
import { summarySchedulerId } from "./job-types.js";
import type { JobQueues } from "./queues.js";

/** What the task service tells the scheduler after each committed change. */
export type TaskChangeNotice = TaskChange;

/** Changes that cannot move a ping: names are read when the ping is sent, so a rename needs nothing. */
const NO_PING_EFFECT = new Set<TaskChangeKind>(["renamed", "acknowledged"]);

export type PingScheduler = ReturnType<typeof createScheduler>;

export function createScheduler(context: Omit<JobContext, "senders">) {
  const { pings, queues, reports, logger, now } = context;
  const log = logger.child({ module: "scheduler" });

  async function mirror(result: { planned: { id: string; fireAt: Date }[]; cancelled: string[] }): Promise<void> {
    try {
      await Promise.all(result.cancelled.map((id) => queues.removePing(id)));
      await queues.addPings(result.planned, now());
    } catch (error) {
      log.warn({ err: error }, "could not update ping jobs in Redis; the reconciler will repair them");
    }
  }

  async function syncTask(taskId: string): Promise<void> {
    await mirror(await pings.syncTask(taskId, now()));
  }

  /** syncTask for several tasks at once (the tasks of one sent ping message): a few statements, one Redis batch. */
  async function syncTasks(taskIds: readonly string[]): Promise<void> {
    await mirror(await pings.syncTasks(taskIds, now()));
  }

  // The changes of commands handled at the same moment are planned together: a batch of them costs about the
  // statements and Redis calls of one (a task read, a context per channel, one transaction, one addBulk).
  const changedTasks = new Batcher<string>(async (taskIds) => {
    await syncTasks(taskIds);
    return undefined;
  });

  const syncSummarySchedule = (channel: SummaryChannel) => upsertSummarySchedule(queues, channel);

  return {
    syncTask,
    syncTasks,
    syncSummarySchedule,

    /** Re-plans the changed task's pings; resolves once they are planned (with the changes queued before it). */
    onTaskChanged: async (change: TaskChangeNotice): Promise<void> => {
      if (NO_PING_EFFECT.has(change.kind)) return;
      await changedTasks.add([change.taskId]);
    },

    /** Plans tasks made together (a page of recurring occurrences) in the planner's batches, not one per task. */
    onTasksCreated: async (made: readonly { taskId: string }[]): Promise<void> => {
      await Promise.all(made.map((m) => changedTasks.add([m.taskId])));
    },

    /** Resolves once every change queued so far is planned (graceful shutdown, tests). */
    idle: () => changedTasks.idle(),

    /**
     * Call after a channel's settings changed (summary schedule, time zone, working days, ping policy): upserts or
     * removes the channel's summary job scheduler and re-plans the pings of its open tasks.
     */
    async onChannelSettingsChanged(channelId: string): Promise<void> {
      const channel = await reports.channel(channelId);
      if (!channel) return;
      try {
        await syncSummarySchedule(channel);
      } catch (error) {
        log.warn({ err: error, channelId }, "could not update the summary schedule in Redis; the reconciler will");
      }
      // Marked stale first, in one statement: if this loop is cut short, the reconciler finishes it.
      await pings.markChannelStale(channelId);
      for (const taskId of await reports.openTaskIds(channelId)) await syncTask(taskId);
    },

    /**
     * A one-off reminder (`remind #12 <when>`), moved out of quiet hours. Null when the task is gone; "too_many"
     * when MAX_PENDING_REMINDERS of its reminders already wait.
     */
    async addReminder(taskId: string, when: Date): Promise<{ pingId: string; fireAt: Date } | null | "too_many"> {
      const ping = await pings.addReminder(taskId, when, now(), MAX_PENDING_REMINDERS);
      if (!ping || ping === "too_many") return ping;
      await mirror({ planned: [ping], cancelled: [] });
      return { pingId: ping.id, fireAt: ping.fireAt };
    },
  };
}

/** The channel's weekly summary as a job scheduler: upserted while enabled, removed when not. */
async function upsertSummarySchedule(queues: JobQueues, channel: SummaryChannel): Promise<void> {
  const id = summarySchedulerId(channel.id);
  if (!channel.summaryEnabled) {
    await queues.summaries.removeJobScheduler(id);
    return;
  }
  // A cron pattern in the channel's zone (not `every`): Monday 08:00 stays Monday 08:00 local.
  await queues.summaries.upsertJobScheduler(
    id,
    { pattern: channel.summaryCron, tz: channel.timezone },
    { name: "weekly-summary", data: { channelId: channel.id } },
  );
}
