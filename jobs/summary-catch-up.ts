/**
 * A summary slot lost with Redis' data (the scheduler and its next job were gone when the slot came) is caught up
 * by the reconciler: if the latest slot lies within the catch-up window and its outbox row does not exist, a
 * one-off job posts it. The outbox id derives from channel and slot, so a late scheduler job for the same slot
 * and the catch-up can never both post.
 */
import { getNextMillis } from "bullmq";
import type { SummaryChannel } from "../src/services/report-service.js";
import type { JobContext } from "./job-context.js";
import { summaryOutboxId } from "./weekly-summary.processor.js";

/** How far back a missed summary is still worth posting. */
export const SUMMARY_CATCH_UP_MS = 6 * 3600_000;

/** The latest slot of `channel`'s cron in (now − windowMs, now], or undefined. */
export function latestSummarySlot(
  channel: Pick<SummaryChannel, "summaryCron" | "timezone">,
  now: number,
  windowMs: number,
): number | undefined {
  let cursor = now - windowMs;
  let latest: number | undefined;
  for (let i = 0; i < 10_000; i++) {
    const next = getNextMillis(cursor, { pattern: channel.summaryCron, tz: channel.timezone });
    if (next === undefined || next > now) break;
    latest = next;
    cursor = next;
  }
  return latest;
}

/** Adds a catch-up job when the channel's latest slot went unposted. True when one was added. */
export async function catchUpSummary(context: JobContext, channel: SummaryChannel): Promise<boolean> {
  if (!channel.summaryEnabled) return false;
  const now = context.now().getTime();
  const slot = latestSummarySlot(channel, now, SUMMARY_CATCH_UP_MS);
  if (slot === undefined || slot < channel.createdAt.getTime()) return false;
  // Give the scheduler's own job a minute to run before deciding the slot was lost.
  if (now - slot < 60_000) return false;
  if (await context.outbox.get(summaryOutboxId(channel.id, slot))) return false;
  await context.queues.summaries.add(
    "weekly-summary",
    { channelId: channel.id, slot },
    { jobId: `summary-catch-up-${channel.id}-${slot}` },
  );
  return true;
}
