/**
 * `send-outbox`: hands one outbox row to its platform's sender, at most one message per channel per interval and
 * at most `workspacePerSecond` for the workspace (when set), honouring 429 Retry-After (the channel's gate closes
 * and the whole workspace's queue pauses for that long), retrying transient failures with backoff and jitter, and
 * keeping failures visible.
 *
 * A ping message prepared ahead of its time (`sendAfter`) goes out at that time, never before; if a task it carries
 * or its channel changed since it was prepared, it is withdrawn and its pings are claimed again as they stand.
 *
 * Exactly once, as far as a platform allows: the row is marked in_doubt BEFORE the sender is called. A row found
 * in_doubt later means a worker died mid-send: Slack's history (wasDelivered) tells whether it went out; Zalo keeps
 * none, so the message is resent at most `maxInDoubtResends` times and each resend counted.
 *
 * Per chat, messages go out in the order they were created (OutboxMessage.seq): a row waits while an older row to
 * the same chat is pending or in doubt, unless that one is prepared for a later time.
 */
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import { Batcher } from "../src/core/batcher.js";
import { SendError } from "../src/core/sender.js";
import type { OutboxRecord, RowForSend } from "../src/services/outbox-service.js";
import type { JobContext } from "./job-context.js";
import { type JobPayloads, outboxPayloadSchema } from "./job-types.js";

/** A little jitter so messages waiting for one channel do not all wake in the same millisecond. */
const jitter = (ms: number) => Math.floor(Math.random() * ms);

/** How often a message waiting for an older one to the same chat looks again, in ms (plus jitter). */
const ORDER_WAIT_MS = 500;

/** Outbox rows read or updated per statement at most (the sends a worker runs at once). */
const ROWS_PER_STATEMENT = 100;

export interface SendOutboxHooks {
  /** The tasks of a prepared message claimed afresh (their pings were claimed again): re-plan them. */
  onClaimedAfresh?: (taskIds: readonly string[]) => void;
}

type Log = JobContext["logger"];

export function createSendOutboxProcessor(context: JobContext, hooks: SendOutboxHooks = {}) {
  const { senders, rateGate, tuning, now } = context;
  const log = context.logger.child({ module: "send-outbox" });
  const batches = createBatches(context);

  return async function sendOutbox(job: Job<JobPayloads["send-outbox"]>, token?: string): Promise<string> {
    const parsed = outboxPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("send-outbox: bad payload");
    const [found] = await batches.reads.add([parsed.data.outboxId]);
    if (!found) throw new UnrecoverableError("send-outbox: outbox row is gone");
    const { row } = found;
    if (row.status === "sent" || row.status === "failed") return row.status;
    // Kept as it is, without a job (listUnfinished leaves it out): the reconciler queues it once reinstalled.
    if (found.workspaceSuspended) return "workspace-suspended";
    const sender = senders.get(row.platform);
    if (!sender) {
      await context.outbox.markFailed(row.id, `no sender configured for ${row.platform}`);
      throw new UnrecoverableError(`no sender for ${row.platform}`);
    }
    // Prepared ahead of its time: not before that time (a job restored by the reconciler, or retried, may be early).
    const early = row.sendAfter ? row.sendAfter.getTime() - now().getTime() : 0;
    if (early > 0) await postpone(job, token, early);
    if (found.tasksChanged) return claimAfresh(context, hooks, log, row);
    // Per-chat order: an older message to this chat still unfinished (waiting out a 429 or a retry backoff) goes
    // first. Waiting is a delay, not a failed attempt; at least as long as the chat's gate stays closed.
    if (found.olderUnfinished) {
      const closed = await rateGate.remaining(row.platform, row.target);
      await postpone(job, token, Math.max(ORDER_WAIT_MS, closed));
    }
    const wait = await rateGate.acquire(row.platform, row.target, tuning.channelIntervalMs[row.platform]);
    if (wait > 0) await postpone(job, token, wait);
    if (row.status === "in_doubt" && (await settledInDoubt(context, log, row))) return "recovered";
    const [marked] = await batches.inDoubt.add([row.id]);
    if (!marked) return "already-final";
    // The platform counts its limit by arrival: the spacing runs from this send itself, not from taking the slot
    // (the batched in-doubt mark can take a while under load), and again from its answer (the send's own transit).
    // Spacing is best effort here: a Redis hiccup must not fail a send already marked in doubt.
    const respace = async () => {
      if (tuning.channelIntervalMs[row.platform] <= 0) return;
      await rateGate
        .block(row.platform, row.target, tuning.channelIntervalMs[row.platform])
        .catch((error) => log.warn({ err: error }, "could not re-space the channel's gate"));
    };
    await respace();
    try {
      const result = await sender.send(row.target, row.reply, { outboxId: row.id });
      await respace();
      await batches.sentRows.add([{ id: row.id, externalMessageId: result.externalMessageId, sentAt: now() }]);
      // real time for a message sent at once: BullMQ stamps its jobs with the process's real clock.
      const lateMs = row.sendAfter ? now().getTime() - row.sendAfter.getTime() : Date.now() - job.timestamp;
      context.observer?.messageSent?.(row.platform, Math.max(0, lateMs));
      return "sent";
    } catch (error) {
      if (!(error instanceof SendError)) throw error; // unknown outcome: the row stays in_doubt for recovery
      return failedSend(context, log, { job, token, row, attempt: row.attempts + 1, error, sender });
    }
  };
}

/**
 * The sends running at once (outboxConcurrency) share their reads and writes: one statement each for all rows that
 * reach the same step on the same event-loop turn, instead of one per row.
 */
function createBatches({ outbox, now }: JobContext) {
  return {
    reads: new Batcher<string, RowForSend | undefined>(async (ids) => {
      const found = await outbox.getManyForSend(ids, now());
      return ids.map((id) => found.get(id));
    }, ROWS_PER_STATEMENT),
    inDoubt: new Batcher<string, boolean>(async (ids) => {
      const marked = await outbox.markManyInDoubt(ids, now());
      return ids.map((id) => marked.has(id));
    }, ROWS_PER_STATEMENT),
    sentRows: new Batcher<{ id: string; externalMessageId: string | undefined; sentAt: Date }>(async (rows) => {
      await outbox.markManySent(rows);
      return undefined;
    }, ROWS_PER_STATEMENT),
  };
}

async function postpone(job: Job, token: string | undefined, waitMs: number): Promise<never> {
  // real time: BullMQ's delayed set is ordered by the process's real clock.
  await job.moveToDelayed(Date.now() + waitMs + jitter(100), token);
  throw new DelayedError();
}

/** Recovery of a row left in doubt. Returns true when the message must not be sent (again). */
async function settledInDoubt(context: JobContext, log: Log, row: OutboxRecord): Promise<boolean> {
  const { outbox, now } = context;
  const sender = context.senders.get(row.platform);
  if (sender?.wasDelivered) {
    if (await sender.wasDelivered(row.target, row.id, row.createdAt)) {
      await outbox.markSent(row.id, undefined, now());
      log.info({ outboxId: row.id }, "in-doubt message was delivered before the crash; not resending");
      return true;
    }
    return false;
  }
  if (row.inDoubtResends >= context.tuning.maxInDoubtResends) {
    await outbox.markFailed(row.id, "in doubt again after a resend; not sent a third time to avoid duplicates");
    return true;
  }
  await outbox.countInDoubtResend(row.id);
  return false;
}

/**
 * A message prepared ahead of its time whose tasks changed since: withdrawn, and its pings claimed again as they
 * stand now (a new row, sent at once). Nothing is sent from the old row.
 */
async function claimAfresh(context: JobContext, hooks: SendOutboxHooks, log: Log, row: OutboxRecord): Promise<string> {
  const { now } = context;
  const { withdrawn, result, taskIds } = await context.pings.reclaim(row.id, now());
  if (!withdrawn) return "already-final";
  if (result?.outboxId) await context.queues.addOutbox(result.platform, result.outboxId, result.sendAfter, now());
  hooks.onClaimedAfresh?.([...new Set([...taskIds, ...(result?.taskIds ?? [])])]);
  log.debug({ outboxId: row.id, replacedBy: result?.outboxId ?? null }, "tasks changed; message claimed afresh");
  return "claimed-afresh";
}

/** The platform refused or did not answer: failed for good, or back to pending for BullMQ to retry. */
async function failedSend(
  context: JobContext,
  log: Log,
  send: {
    job: Job;
    token: string | undefined;
    row: OutboxRecord;
    attempt: number;
    error: SendError;
    sender: { wasDelivered?: unknown };
  },
): Promise<never> {
  const { job, token, row, attempt, error } = send;
  const { outbox, rateGate } = context;
  const { retryable, retryAfterMs, status, method } = error.options;
  context.observer?.sendFailed?.(row.platform, status);
  const reason = `${row.platform} ${method}${status ? ` ${status}` : ""}: ${error.message}`;
  if (!retryable || attempt >= context.tuning.maxSendAttempts) {
    await outbox.markFailed(row.id, reason);
    log.warn({ outboxId: row.id, attempt, status }, "outbox message failed for good");
    throw new UnrecoverableError(reason);
  }
  // No HTTP answer (a timeout, a cut connection): the platform may have posted the message. Where it keeps
  // history, the row stays in doubt so the retry looks there first instead of posting a second copy.
  if (status === undefined && send.sender.wasDelivered) throw error;
  await outbox.markPending(row.id, reason);
  if (retryAfterMs !== undefined) {
    // The platform said when: close this channel's gate for that long and wait exactly that (plus jitter). A
    // 429 does not say which limit was hit, the channel's or the workspace's (@slack/web-api pauses a whole
    // client on one), and this queue serves one workspace: the queue pauses too, for every worker.
    await rateGate.block(row.platform, row.target, retryAfterMs);
    await context.queues
      .outboxQueue(row.platform)
      .rateLimit(retryAfterMs)
      .catch((pauseError) => log.warn({ err: pauseError }, "could not pause the outbox queue after a 429"));
    await postpone(job, token, retryAfterMs);
  }
  throw error; // BullMQ retries with exponential backoff and jitter (Zalo 429 without Retry-After lands here)
}
