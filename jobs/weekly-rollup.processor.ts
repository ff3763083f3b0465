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

export function createWeeklyRollupProcessor(deps: WeeklyRollupDeps) {
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
    // The roll-up channel sees the whole subtree it was made the channel of, as an admin would, and nothing else.
    const viewer = { id: unitId, workspaceId: unit.workspaceId, isWorkspaceAdmin: true };
    const rollup = await deps.org.rollup(viewer, now, channel.timezone, unitId);
    const text = rollup.rows.length > 0 ? renderRollupText(rollup, locale) : orgWords(locale).nothingVisible;
    const id = rollupOutboxId(unitId, slot ?? summarySlot(job));
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
