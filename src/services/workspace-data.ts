/**
 * Deleting a workspace's data when its admin asks (`xóa dữ liệu` / `delete data`): every task (with its pings,
 * reminders, assignees and history), recurring series, message waiting to be sent or kept as sent, channel (its
 * settings, managers, members, questions and history), person the bot knows (their dashboard links and sessions),
 * day off and unit. What stays: the workspace's own row (its id is remembered by every process, and its next message
 * starts afresh in it), the app's installation (the bot keeps working) and the ids of processed deliveries, which
 * carry no content.
 *
 * Another process remembers the deleted channels for up to 10 s and people for up to 5 minutes
 * (directory-channels.ts, directory-members.ts): a message it handles in that window fails and is answered "try again".
 */
import type { PrismaClient } from "../generated/prisma/client.js";

export interface DeletedWorkspaceData {
  tasks: number;
  series: number;
  channels: number;
  people: number;
}

/** Deletes it all in one transaction. */
export async function deleteWorkspaceData(prisma: PrismaClient, workspaceId: string): Promise<DeletedWorkspaceData> {
  const inWorkspace = { channel: { workspaceId } };
  const [channels, people] = await Promise.all([
    prisma.channel.count({ where: { workspaceId } }),
    prisma.member.count({ where: { workspaceId } }),
  ]);
  // Messages first (their channel would only be set null), then what refuses to lose its creator, then channels and
  // people with what hangs on them (cascades), then the workspace's own lists.
  const [, series, tasks] = await prisma.$transaction([
    prisma.outboxMessage.deleteMany({ where: inWorkspace }),
    prisma.recurringSeries.deleteMany({ where: inWorkspace }),
    prisma.task.deleteMany({ where: inWorkspace }),
    prisma.orgUnit.deleteMany({ where: { workspaceId } }),
    prisma.channel.deleteMany({ where: { workspaceId } }),
    prisma.member.deleteMany({ where: { workspaceId } }),
    prisma.workspaceDayOff.deleteMany({ where: { workspaceId } }),
  ]);
  return { tasks: tasks.count, series: series.count, channels, people };
}
