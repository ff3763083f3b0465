import type { PrismaClient } from "../generated/prisma/client.js";

/**
 * Which workspace an outbox message belongs to (its channel's), so that a process serving many Slack workspaces
 * sends it with that workspace's bot token. The channel, not the target, decides: a target can be a user id (a
 * personal ping), and a channel shared between two workspaces has the same id in both.
 */
export function createOutboxWorkspaceQuery(deps: { prisma: PrismaClient }) {
  return {
    /**
     * The platform's id of the message's workspace (a Slack team id) and its Enterprise Grid org when an org-wide
     * install serves it, or undefined when its channel is gone.
     */
    async workspaceOf(outboxId: string): Promise<OutboxWorkspace | undefined> {
      const row = await deps.prisma.outboxMessage.findUnique({
        where: { id: outboxId },
        select: { channel: { select: { workspace: { select: { externalId: true, enterpriseId: true } } } } },
      });
      const workspace = row?.channel?.workspace;
      if (!workspace) return undefined;
      return {
        teamId: workspace.externalId,
        ...(workspace.enterpriseId ? { enterpriseId: workspace.enterpriseId } : {}),
      };
    },
  };
}

export interface OutboxWorkspace {
  teamId: string;
  enterpriseId?: string;
}

export type OutboxWorkspaceQuery = ReturnType<typeof createOutboxWorkspaceQuery>;
