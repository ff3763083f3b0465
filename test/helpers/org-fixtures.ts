/** Typed builders for an organisation on a test database: a workspace, units, channels, people and tasks. */
import type { PrismaClient } from "../../src/generated/prisma/client.js";

let sequence = 0;
const next = () => {
  sequence += 1;
  return `${process.pid}-${sequence}`;
};

export async function createWorkspace(prisma: PrismaClient, platform: "console" | "zalo" | "slack" = "console") {
  return prisma.workspace.create({ data: { platform, externalId: `W-${next()}`, name: "UBND tỉnh" } });
}

export async function createMember(
  prisma: PrismaClient,
  workspaceId: string,
  displayName: string,
  overrides: { isWorkspaceAdmin?: boolean; privateChatId?: string } = {},
) {
  return prisma.member.create({
    data: {
      workspaceId,
      externalId: `U-${next()}`,
      displayName,
      normalizedName: displayName.toLowerCase(),
      ...overrides,
    },
  });
}

export async function createChannel(prisma: PrismaClient, workspaceId: string, name: string) {
  return prisma.channel.create({ data: { workspaceId, externalId: `C-${next()}`, name } });
}

export async function createUnit(
  prisma: PrismaClient,
  workspaceId: string,
  name: string,
  options: { parentId?: string; channelIds?: string[]; leaderIds?: string[] } = {},
) {
  return prisma.orgUnit.create({
    data: {
      workspaceId,
      name,
      normalizedName: name.toLowerCase(),
      parentId: options.parentId ?? null,
      channels: { create: (options.channelIds ?? []).map((channelId) => ({ channelId })) },
      leaders: { create: (options.leaderIds ?? []).map((memberId) => ({ memberId })) },
    },
  });
}

export interface TaskSeed {
  channelId: string;
  creatorId: string;
  title?: string;
  dueAt?: Date | null;
  createdAt: Date;
  status?: "open" | "done" | "cancelled";
  closedAt?: Date | null;
  withdrawnAt?: Date | null;
  assignees?: { memberId: string; doneAt?: Date | null }[];
}

const numbers = new Map<string, number>();

export async function createTask(prisma: PrismaClient, seed: TaskSeed) {
  const number = (numbers.get(seed.channelId) ?? 0) + 1;
  numbers.set(seed.channelId, number);
  return prisma.task.create({
    data: {
      channelId: seed.channelId,
      number,
      title: seed.title ?? `việc ${number}`,
      creatorId: seed.creatorId,
      dueAt: seed.dueAt ?? null,
      createdAt: seed.createdAt,
      status: seed.status ?? "open",
      closedAt: seed.closedAt ?? null,
      withdrawnAt: seed.withdrawnAt ?? null,
      assignees: {
        create: (seed.assignees ?? []).map((a, position) => ({
          memberId: a.memberId,
          doneAt: a.doneAt ?? null,
          position,
        })),
      },
    },
  });
}
