/**
 * `send-ping`: a ping's time came. Claims it with the other pings of its channel due in the same minute (one
 * message), queues that message in the outbox, then re-plans the tasks (the next overdue ping rolls forward).
 */
import { type Job, UnrecoverableError } from "bullmq";
import type { JobContext } from "./job-context.js";
import { type JobPayloads, pingPayloadSchema } from "./job-types.js";
import type { PingScheduler } from "./scheduler.js";

export function createSendPingProcessor(context: JobContext, scheduler: PingScheduler) {
  const log = context.logger.child({ module: "send-ping" });
  return async function sendPing(job: Job<JobPayloads["send-ping"]>): Promise<string> {
    const parsed = pingPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("send-ping: bad payload");
    const { pingId } = parsed.data;
    const claimed = await context.pings.claim(pingId, context.now());
    if (!claimed) return "skipped"; // cancelled, already sent, or merged into another minute's message
    if (claimed.outboxId) {
      // If this add fails the row stays pending and the reconciler queues it; the ping is not claimed twice.
      await context.queues.addOutbox(claimed.platform, claimed.outboxId);
      log.info({ pingIds: claimed.pingIds, outboxId: claimed.outboxId }, "ping queued for sending");
    }
    // One batch for the whole message: one read of the tasks, one channel lookup, set-based writes.
    await scheduler.syncTasks(claimed.taskIds);
    return claimed.outboxId ? "queued" : "stale";
  };
}
