import type { PrismaClient } from "../generated/prisma/client.js";
import { createMemberIdLookup, type HomeTask, type PlatformPerson } from "./home-service.js";
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
  const memberIdOf = createMemberIdLookup(prisma);
  return {
    async createdBy(who: PlatformPerson): Promise<HomeTask[]> {
      const memberId = await memberIdOf(who);
      if (!memberId) return [];
      const member = { id: memberId };
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
