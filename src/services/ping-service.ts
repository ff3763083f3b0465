/**
 * Pings in the database (the source of truth; queue jobs only mirror them): the service the scheduler and the ping
 * workers use. Each idea lives in its own module; this file binds them to the database and the process:
 * planning a task's pings (ping-task-plan.ts, ping-sync.ts), one-off reminders (ping-reminders.ts), claiming due
 * pings into outbox messages (ping-claim-runner.ts, ping-claim.ts, its rules in ping-claim-rules.ts), and claiming
 * a prepared message afresh (ping-reclaim.ts). Shared shapes are in ping-types.ts.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import type { OutboxService } from "./outbox-service.js";
import { createClaimRunner } from "./ping-claim-runner.js";
import { channelContext } from "./ping-contexts.js";
import { plannedPingPage, resetPlanning } from "./ping-planning.js";
import { addReminder } from "./ping-reminders.js";
import { syncStale, syncTasks } from "./ping-sync.js";
import { earliestPlannedFireAt, hasStalePlan, plannedPingsDueBy } from "./ping-timeline.js";
import type { ChannelContexts, PlannedPingRef, SyncResult } from "./ping-types.js";

export type { ChannelPingContext, ClaimResult, PlannedPingRef, Reclaimed, SyncResult } from "./ping-types.js";

export interface PingServiceOptions {
  prisma: PrismaClient;
  /**
   * Not used: a claim writes its outbox rows with insertOutboxMessages inside its own transaction. Accepted so that
   * the callers that pass it keep compiling; drop it with them.
   */
  outbox?: OutboxService;
  logger?: Logger;
  /** A ping sent this long after its time is marked late. Default 120 000 ms. */
  lateAfterMs?: number;
}

export type PingService = ReturnType<typeof createPingService>;

export function createPingService(options: PingServiceOptions) {
  const { prisma, logger } = options;
  const deps = { prisma, logger };
  const claims = createClaimRunner(prisma, { lateAfterMs: options.lateAfterMs ?? 120_000, logger });
  return {
    channelContext: (channelId: string) => channelContext(prisma, channelId, logger),
    /** Makes the task's planned pings (channel and personal) match its deadline, status, assignees and policy. */
    syncTask: (taskId: string, now: Date, contexts?: ChannelContexts): Promise<SyncResult> =>
      syncTasks(deps, [taskId], now, contexts),
    syncTasks: (taskIds: readonly string[], now: Date, contexts?: ChannelContexts): Promise<SyncResult> =>
      syncTasks(deps, taskIds, now, contexts),
    syncStale: (now: Date, pageSize?: number) => syncStale(deps, now, pageSize),
    /** Marks the channel's open tasks for re-planning (its settings changed). */
    async markChannelStale(channelId: string): Promise<void> {
      await resetPlanning(prisma, { channelId });
    },
    /** One page of planned pings by id (the reconciler gives each a job). */
    plannedPage: (afterId: string, limit: number) => plannedPingPage(prisma, afterId, limit),
    addReminder: (
      taskId: string,
      when: Date,
      now: Date,
      maxWaiting?: number,
    ): Promise<PlannedPingRef | null | "too_many"> => addReminder(deps, taskId, when, now, maxWaiting),
    /** The planned pings as a timeline, for a clock that jumps (ping-timeline.ts). */
    timeline: {
      earliestFireAt: () => earliestPlannedFireAt(prisma),
      dueBy: (upTo: Date) => plannedPingsDueBy(prisma, upTo),
      hasStalePlan: () => hasStalePlan(prisma),
    },
    claim: claims.claim,
    claimMany: claims.claimMany,
    reclaim: claims.reclaim,
  };
}
