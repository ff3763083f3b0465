/**
 * `send-ping`: a ping's time came. Claims it with the other pings of its channel due in the same minute (one
 * message), queues that message in the outbox, then re-plans the tasks (the next overdue ping rolls forward).
 *
 * In a rush most jobs find their ping already merged into another job's message. So the job that claims removes
 * the jobs of the pings it merged (they would only find their ping sent), and the re-planning of the tasks of many
 * messages goes as one batch (a few set-based statements, one Redis round trip) instead of one per message.
 */
import { type Job, UnrecoverableError } from "bullmq";
import { Batcher } from "./batcher.js";
import type { JobContext } from "./job-context.js";
import { type JobPayloads, pingPayloadSchema } from "./job-types.js";
import type { PingScheduler } from "./scheduler.js";

/** Tasks re-planned per batch at most. */
const REPLAN_BATCH = 500;

export function createSendPingProcessor(context: JobContext, scheduler: PingScheduler) {
  const log = context.logger.child({ module: "send-ping" });
  const replans = new Batcher<string>((taskIds) => scheduler.syncTasks(taskIds), REPLAN_BATCH);

  return async function sendPing(job: Job<JobPayloads["send-ping"]>): Promise<string> {
    const parsed = pingPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("send-ping: bad payload");
    const { pingId } = parsed.data;
    const claimed = await context.pings.claim(pingId, context.now());
    if (!claimed) return "skipped"; // cancelled, already sent, or merged into another minute's message
    if (claimed.outboxId) {
      // If this add fails the row stays pending and the reconciler queues it; the ping is not claimed twice.
      await context.queues.addOutbox(claimed.platform, claimed.outboxId);
      log.debug({ pingIds: claimed.pingIds, outboxId: claimed.outboxId }, "ping queued for sending");
    }
    // The other claimed pings' jobs have nothing left to do (one that is running already skips after one read).
    const others = [...claimed.pingIds, ...claimed.staleIds].filter((id) => id !== pingId);
    await Promise.all(others.map((id) => context.queues.removePing(id)));
    await replans.add(claimed.taskIds);
    return claimed.outboxId ? "queued" : "stale";
  };
}
