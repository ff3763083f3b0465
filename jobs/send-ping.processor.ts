/**
 * `send-ping`: a ping's time came. Claims it with the other pings of its channel due in the same minute (one
 * message), queues that message in the outbox, then re-plans the tasks (the next overdue ping rolls forward).
 *
 * In a rush most jobs find their ping already merged into another job's message. So the job that claims removes
 * the jobs of the pings it merged (they would only find their ping sent). The re-planning is not on the ping's way
 * out: the job hands its tasks to a batch that re-plans the tasks of many messages together (a few set-based
 * statements, one Redis round trip) and returns. The claim marked those tasks stale in its transaction, so a
 * re-plan cut short (a crash, a database error) is finished by the reconciler, as it was when the job did it.
 */
import { type Job, UnrecoverableError } from "bullmq";
import { Batcher } from "../src/core/batcher.js";
import type { ClaimResult } from "../src/services/ping-service.js";
import type { JobContext } from "./job-context.js";
import { type JobPayloads, pingPayloadSchema } from "./job-types.js";
import type { PingScheduler } from "./scheduler.js";

/** Tasks re-planned per batch at most. */
const REPLAN_BATCH = 100;
/** How long a re-plan waits for others to join its batch, in ms (nobody waits for it: the message is queued). */
const REPLAN_DELAY_MS = 100;
/**
 * Outbox backlog, in seconds of the workspace cap, above which claims and re-plans wait; how long at most (well
 * within JobTuning.pingLeadMs, so a claim held ahead of its ping's time still ends before it); how often checked.
 * A workspace without a cap is backlogged while more messages wait than the outbox sends at once.
 */
const BACKLOG_SECONDS = 1;
const MAX_HOLD_MS = 2_000;
const HOLD_POLL_MS = 100;
/** Pings claimed per batch (one transaction) at most. */
const CLAIM_BATCH = 500;

export interface SendPingProcessor {
  process(job: Job<JobPayloads["send-ping"]>): Promise<string>;
  /** Hands tasks whose pings were claimed elsewhere (a prepared message claimed afresh) to the re-plan batch. */
  replan(taskIds: readonly string[]): void;
  /** Resolves when the re-plans handed over so far are done (call after the worker closed). */
  drain(): Promise<void>;
}

export function createSendPingProcessor(context: JobContext, scheduler: PingScheduler): SendPingProcessor {
  const log = context.logger.child({ module: "send-ping" });
  const replans = new Batcher<string>(
    async (taskIds) => {
      await holdWhileOutboxBacklogged();
      await scheduler.syncTasks(taskIds);
      return undefined;
    },
    REPLAN_BATCH,
    REPLAN_DELAY_MS,
  );
  const claims = new Batcher<string, ClaimResult | null>(async (pingIds) => {
    await holdWhileOutboxBacklogged();
    return context.pings.claimMany(pingIds, context.now());
  }, CLAIM_BATCH);

  /**
   * Sends first: while an outbox queue is behind (see BACKLOG_SECONDS), claims and re-plans wait (at most
   * MAX_HOLD_MS), so that at 17:00 the process spends itself on the rush's sends, whose messages were prepared
   * before (the claims then running are for pings still seconds ahead; a re-plan only plans tomorrow's ping). Behind
   * a workspace cap, the pings meanwhile come due and a claim merges them into fewer, larger messages instead of
   * adding more small ones behind the cap. Every platform's queue counts (the platform of a ping is known only once
   * it is claimed), so a backlog on one platform can hold another's pings as long, never longer.
   */
  async function holdWhileOutboxBacklogged(): Promise<void> {
    // real time: a bound on how long this process waits, whatever the app's clock says.
    const started = Date.now();
    for (;;) {
      let backlogged = false;
      for (const platform of context.senders.keys()) {
        const waiting = await context.queues
          .outboxQueue(platform)
          .getWaitingCount()
          .catch(() => 0);
        const cap = context.tuning.workspacePerSecond[platform];
        if (waiting > (cap > 0 ? cap * BACKLOG_SECONDS : context.tuning.outboxConcurrency)) backlogged = true;
      }
      if (!backlogged || Date.now() - started >= MAX_HOLD_MS) return; // real time, as above
      await new Promise((resolve) => setTimeout(resolve, HOLD_POLL_MS));
    }
  }

  async function process(job: Job<JobPayloads["send-ping"]>): Promise<string> {
    const parsed = pingPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("send-ping: bad payload");
    const { pingId } = parsed.data;
    const [claimed] = await claims.add([pingId]);
    if (!claimed) return "skipped"; // cancelled, already sent, or merged into another minute's message
    if (claimed.outboxId) {
      // If this add fails the row stays pending and the reconciler queues it; the ping is not claimed twice. A
      // message claimed ahead of its time (JobTuning.pingLeadMs) is sent at that time.
      await context.queues.addOutbox(claimed.platform, claimed.outboxId, claimed.sendAfter, context.now());
      log.debug({ pingIds: claimed.pingIds, outboxId: claimed.outboxId }, "ping queued for sending");
    }
    // The other claimed pings' jobs have nothing left to do (one that is running already skips after one read).
    const others = [...claimed.pingIds, ...claimed.staleIds].filter((id) => id !== pingId);
    await Promise.all(others.map((id) => context.queues.removePing(id)));
    replan(claimed.taskIds);
    return claimed.outboxId ? "queued" : "stale";
  }

  function replan(taskIds: readonly string[]): void {
    replans.add(taskIds).catch((error) => {
      log.warn({ err: error, taskIds }, "tasks not re-planned after their ping; the reconciler will");
    });
  }

  return {
    process,
    replan,
    drain: async () => {
      await claims.idle();
      await replans.idle();
    },
  };
}
