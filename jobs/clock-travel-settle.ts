/**
 * One step of a jumping clock is done when its work is: no job waits or runs, no message due is unsent, and no task
 * waits for its pings to be planned again (jobs/clock-travel.ts).
 */
import type { Queue } from "bullmq";
import type { Logger } from "../src/logger.js";
import type { Jobs } from "./index.js";
import { outboxJobId } from "./job-types.js";

/** How often a step looks whether its work is done, in ms of real time. */
const SETTLE_POLL_MS = 20;
/** How long one step may take to settle before the jump goes on without it, in ms of real time. */
const SETTLE_LIMIT_MS = 60_000;

/** Waits until no job runs or waits, no message due is unsent and no task waits for its plan. */
export async function settle(jobs: Jobs, at: Date, log: Logger): Promise<void> {
  const { pings, outbox } = jobs.services;
  // real time: how long the jump waits for the workers, whatever the chat's clock says.
  const started = Date.now();
  while (Date.now() - started < SETTLE_LIMIT_MS) {
    const dueMessages = (await outbox.listUnfinished()).filter(
      (row) => (row.sendAfter?.getTime() ?? 0) <= at.getTime(),
    );
    for (const row of dueMessages) {
      await promoteOrAdd(jobs.queues.outboxQueue(row.platform), outboxJobId(row.id), () =>
        jobs.queues.addOutbox(row.platform, row.id, row.sendAfter, at),
      );
    }
    const running = await Promise.all(jobs.queues.all.map(countRunning));
    const busy = dueMessages.length > 0 || running.some((count) => count > 0);
    if (!busy) {
      if (!(await pings.timeline.hasStalePlan())) return;
      // A re-plan handed to the ping processor's batch is on its way or was cut short: planned here, as the
      // reconciler would (its other repairs, such as posting a summary it thinks was missed, are not wanted here).
      // The jobs of the pings planned here are added when they fall due (promoteOrAdd), or by the next reconcile.
      const { cancelled } = await pings.syncStale(at);
      await Promise.all(cancelled.map((id) => jobs.queues.removePing(id)));
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
  log.warn({ at }, "the jobs due at this step did not settle in time; the clock moves on");
}

/** A delayed job is promoted to run now; a missing one (Redis lost it) is added; a waiting or running one is left. */
export async function promoteOrAdd(queue: Queue, jobId: string, add: () => Promise<void>): Promise<void> {
  const job = await queue.getJob(jobId);
  if (!job) return add();
  if ((await job.getState()) === "delayed") await job.promote().catch(() => undefined);
}

async function countRunning(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts("waiting", "active", "prioritized");
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
