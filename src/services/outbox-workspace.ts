import type { PrismaClient } from "../generated/prisma/client.js";

/**
 * Which workspace an outbox message belongs to (its channel's), so that a process serving many Slack workspaces
 * sends it with that workspace's bot token. The channel, not the target, decides: a target can be a user id (a
 * personal ping), and a channel shared between two workspaces has the same id in both.
 */
export function createOutboxWorkspaceQuery(deps: { prisma: PrismaClient }) {
  return {
    /** The platform's id of the message's workspace (a Slack team id), or undefined when its channel is gone. */
    async workspaceOf(outboxId: string): Promise<string | undefined> {
      const row = await deps.prisma.outboxMessage.findUnique({
        where: { id: outboxId },
        select: { channel: { select: { workspace: { select: { externalId: true } } } } },
      });
      return row?.channel?.workspace.externalId;
    },
  };
}

export type OutboxWorkspaceQuery = ReturnType<typeof createOutboxWorkspaceQuery>;
