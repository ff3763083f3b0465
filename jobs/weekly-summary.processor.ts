/**
 * `weekly-summary`: fired by the channel's job scheduler (cron in the channel's zone). The outbox row id derives
 * from the channel and the scheduled slot, so a job run twice (a retry, a Redis hiccup: bullmq #1658, #2876) still
 * yields one message.
 */
import { type Job, UnrecoverableError } from "bullmq";
import { renderWeeklySummaryReply } from "../src/scheduling/index.js";
import type { JobContext } from "./job-context.js";
import { deterministicUuid, type JobPayloads, summaryPayloadSchema } from "./job-types.js";

/** The slot a scheduler job stands for: its id ends with the scheduled millis; otherwise its due time's minute. */
export function summarySlot(job: Pick<Job, "id" | "timestamp" | "delay">): number {
  const match = /:(\d{10,})$/.exec(job.id ?? "");
  if (match) return Number(match[1]);
  return Math.floor((job.timestamp + (job.delay ?? 0)) / 60_000) * 60_000;
}

export function summaryOutboxId(channelId: string, slot: number): string {
  return deterministicUuid(`weekly-summary:${channelId}:${slot}`);
}

export function createWeeklySummaryProcessor(context: JobContext) {
  const { reports, outbox, queues } = context;
  return async function weeklySummary(job: Job<JobPayloads["weekly-summary"]>): Promise<string> {
    const parsed = summaryPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("weekly-summary: bad payload");
    const { channelId, slot } = parsed.data;
    const found = await reports.weeklyReport(channelId, context.now());
    if (!found?.channel.summaryEnabled) return "skipped";
    const { channel, report } = found;
    const id = summaryOutboxId(channelId, slot ?? summarySlot(job));
    const reply = renderWeeklySummaryReply(report, channel.locale, channel.name ?? undefined);
    await outbox.create({ id, channelId, platform: channel.platform, target: channel.target, reply });
    await queues.addOutbox(channel.platform, id, null, context.now());
    return "queued";
  };
}
