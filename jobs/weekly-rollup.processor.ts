/**
 * `weekly-rollup`: fired by a roll-up channel's job scheduler (Monday 08:30 in its zone, after the units' own
 * summaries at 08:00): the roll-up of the unit's subtree, as `tình hình các đơn vị` answers it, goes to the outbox.
 * The outbox row id derives from the unit and the scheduled slot, so a job run twice still yields one message.
 */
import { type Job, UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { PrismaClient } from "../src/generated/prisma/client.js";
import { orgWords } from "../src/i18n/org-words.js";
import { renderRollupText } from "../src/render/org-rollup-text.js";
import type { OrgService } from "../src/services/org-service.js";
import type { OrgSnapshot } from "../src/services/org-snapshot.js";
import type { OutboxService } from "../src/services/outbox-service.js";
import { deterministicUuid } from "./job-types.js";
import type { JobQueues } from "./queues.js";
import { summarySlot } from "./weekly-summary.processor.js";

export const rollupPayloadSchema = z.object({ unitId: z.uuid(), slot: z.number().int().optional() });
export type RollupPayload = z.infer<typeof rollupPayloadSchema>;

export const rollupOutboxId = (unitId: string, slot: number) => deterministicUuid(`weekly-rollup:${unitId}:${slot}`);

export interface WeeklyRollupDeps {
  prisma: PrismaClient;
  org: OrgService;
  outbox: OutboxService;
  queues: Pick<JobQueues, "addOutbox">;
  now: () => Date;
}

/** How long the figures read for one Monday's roll-ups serve its other roll-up channels (their jobs run together). */
const SNAPSHOT_REUSE_MS = 10 * 60_000;

/**
 * The figures of every unit of a workspace, read once per Monday slot and time zone and shared by that slot's
 * roll-up channels, so the roll-ups of the Ủy ban and of each Sở under it do not each read the same rows again;
 * all of one Monday's roll-ups then speak of the same instant. A job retried later reads afresh.
 */
function snapshotsOf(deps: WeeklyRollupDeps) {
  let latest: { key: string; takenAt: number; snapshot: Promise<OrgSnapshot> } | undefined;
  return (workspaceId: string, slot: number, timezone: string, now: Date): Promise<OrgSnapshot> => {
    const key = `${workspaceId}|${slot}|${timezone}`;
    if (latest?.key !== key || now.getTime() - latest.takenAt > SNAPSHOT_REUSE_MS) {
      const snapshot = deps.org.snapshot(workspaceId, now, timezone);
      latest = { key, takenAt: now.getTime(), snapshot };
      // A failed read is not kept: the next job (or this one's retry) reads again.
      snapshot.catch(() => {
        if (latest?.snapshot === snapshot) latest = undefined;
      });
    }
    return latest.snapshot;
  };
}

export function createWeeklyRollupProcessor(deps: WeeklyRollupDeps) {
  const snapshot = snapshotsOf(deps);
  return async function weeklyRollup(job: Job<RollupPayload>): Promise<string> {
    const parsed = rollupPayloadSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("weekly-rollup: bad payload");
    const { unitId, slot } = parsed.data;
    const unit = await deps.prisma.orgUnit.findUnique({
      where: { id: unitId },
      select: {
        workspaceId: true,
        rollupChannel: {
          select: {
            id: true,
            externalId: true,
            locale: true,
            timezone: true,
            workspace: { select: { platform: true } },
          },
        },
      },
    });
    const channel = unit?.rollupChannel;
    if (!unit || !channel) return "skipped";
    const now = deps.now();
    const locale = channel.locale === "en" ? "en" : "vi";
    const slotTime = slot ?? summarySlot(job);
    // The roll-up channel sees the whole subtree it was made the channel of, as an admin would, and nothing else.
    const figures = await snapshot(unit.workspaceId, slotTime, channel.timezone, now);
    const rollup = deps.org.rollupFromSnapshot(figures, unitId);
    const text = rollup.rows.length > 0 ? renderRollupText(rollup, locale) : orgWords(locale).nothingVisible;
    const id = rollupOutboxId(unitId, slotTime);
    const reply = { visibility: "channel" as const, text };
    await deps.outbox.create({
      id,
      channelId: channel.id,
      platform: channel.workspace.platform,
      target: channel.externalId,
      reply,
    });
    await deps.queues.addOutbox(channel.workspace.platform, id, null, now);
    return "queued";
  };
}
