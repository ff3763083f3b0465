import type { Platform } from "../core/incoming.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { HomeTask } from "./home-service.js";
import { taskSelect, toTaskView } from "./task-mapper.js";

/** Cap, so a busy manager's Home stays within Slack's 100-block limit with their own tasks. */
const MAX_CREATED = 30;

export interface CreatedTasksOptions {
  prisma: PrismaClient;
}

/**
 * "Việc tôi giao / Tasks I assigned" for the Slack App Home: open tasks a person created for someone else (or for
 * nobody yet), across every channel of their workspace, soonest due first. Tasks they gave only themselves are
 * already under "My tasks". Read-only, with `select`, plain views out.
 */
export function createCreatedTasksQuery({ prisma }: CreatedTasksOptions) {
  return {
    async createdBy(who: {
      platform: Platform;
      workspaceExternalId: string;
      memberExternalId: string;
    }): Promise<HomeTask[]> {
      const member = await prisma.member.findFirst({
        where: {
          externalId: who.memberExternalId,
          workspace: { platform: who.platform, externalId: who.workspaceExternalId },
        },
        select: { id: true },
      });
      if (!member) return [];
      const rows = await prisma.task.findMany({
        where: {
          status: "open",
          creatorId: member.id,
          OR: [{ assignees: { none: {} } }, { assignees: { some: { memberId: { not: member.id } } } }],
        },
        select: { ...taskSelect, channel: { select: { name: true, externalId: true } } },
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        take: MAX_CREATED,
      });
      return rows.map((row) => ({
        task: toTaskView(row),
        channelExternalId: row.channel.externalId,
      }));
    },
  };
}

export type CreatedTasksQuery = ReturnType<typeof createCreatedTasksQuery>;
