/**
 * The session of an incoming message: its workspace, channel and sender recorded (created on first sight), the
 * sender noted as seen in the channel (a first message there binds a pending person of their name), and the
 * sender's rights there. What every message costs, so most of it is remembered by this process.
 */
import type { Actor } from "../core/handler.js";
import type { IncomingMessage } from "../core/incoming.js";
import { managesChannel } from "../core/permissions.js";
import type { ChannelSettingsView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { makeCreatorFirstManager } from "./channel-history.js";
import type { ChannelDirectory } from "./directory-channels.js";
import type { MemberRow } from "./directory-members.js";
import type { PeopleDirectory } from "./directory-people.js";
import type { IncomingSession } from "./directory-types.js";
import { bindPendingOnJoin } from "./pending-people.js";
import { RecentRecords } from "./recent-records.js";
import { toPersonView } from "./task-mapper.js";

/** How long this process trusts what it recorded itself (workspace ids never change). */
const WORKSPACE_TTL_MS = 10 * 60_000;
/** ChannelMember.lastSeenAt is bookkeeping nobody reads to the second: one touch a minute per person and channel. */
const SEEN_TTL_MS = 60_000;

/** The member as the actor of a command in `channel`: their rights there (src/core/permissions.ts). */
function actorOf(member: MemberRow, channel: ChannelSettingsView): Actor {
  const isWorkspaceAdmin = member.isWorkspaceAdmin || member.adminClaimedAt !== null;
  return {
    ...toPersonView(member),
    isWorkspaceAdmin,
    isManager: managesChannel({ id: member.id, isWorkspaceAdmin }, channel),
    timezone: member.timezone,
  };
}

export interface SessionOptions {
  prisma: PrismaClient;
  channels: ChannelDirectory;
  people: PeopleDirectory;
}

export function createSessionRecorder(options: SessionOptions) {
  const { prisma, channels, people } = options;
  const workspaceIds = new RecentRecords<string>(WORKSPACE_TTL_MS);
  const seen = new RecentRecords<true>(SEEN_TTL_MS);
  /** Slack channels whose creator was already offered as first manager by this process. */
  const creatorsOffered = new RecentRecords<true>(WORKSPACE_TTL_MS);

  /** The workspace's id; created on first sight, then remembered (a workspace row never changes its id). */
  async function workspaceIdOf(message: IncomingMessage): Promise<string> {
    const key = `${message.platform}\u0000${message.workspace.externalId}`;
    const known = workspaceIds.get(key);
    if (known) return known;
    const workspace = await prisma.workspace.upsert({
      where: { platform_externalId: { platform: message.platform, externalId: message.workspace.externalId } },
      create: {
        platform: message.platform,
        externalId: message.workspace.externalId,
        name: message.workspace.name ?? null,
      },
      update: {},
      select: { id: true },
    });
    workspaceIds.set(key, workspace.id);
    return workspace.id;
  }

  /**
   * Notes that the member wrote in the channel (once a minute at most); true when this is their first message there.
   * One statement: PostgreSQL's xmax is 0 only for a row this statement inserted.
   */
  async function noteSeen(channelId: string, memberId: string, now: Date): Promise<boolean> {
    const seenKey = `${channelId}\u0000${memberId}`;
    if (seen.get(seenKey)) return false;
    const [row] = await prisma.$queryRaw<{ joined: boolean }[]>`
      INSERT INTO "ChannelMember" ("channelId", "memberId", "lastSeenAt") VALUES (${channelId}::uuid, ${memberId}::uuid, ${now})
      ON CONFLICT ("channelId", "memberId") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"
      RETURNING (xmax = 0) AS joined`;
    seen.set(seenKey, true);
    return row?.joined === true;
  }

  /** A Slack channel that never had a manager gets its creator as the first one (see makeCreatorFirstManager). */
  async function withCreatorAsFirstManager(
    message: IncomingMessage,
    channel: ChannelSettingsView,
  ): Promise<ChannelSettingsView> {
    const creator = message.channel.creator;
    if (!creator || channel.isPrivateChat || channel.managers.length > 0 || creatorsOffered.get(channel.id)) {
      return channel;
    }
    creatorsOffered.set(channel.id, true);
    const person = toPersonView(await people.ensureMember(channel.workspaceId, creator));
    return (await makeCreatorFirstManager(prisma, channel.id, person)) ? channels.reloadChannel(channel.id) : channel;
  }

  async function recordIncomingOnce(message: IncomingMessage, now: Date): Promise<IncomingSession> {
    const workspaceId = await workspaceIdOf(message);
    // The channel and the sender do not depend on each other: read (or create) both in one round trip.
    const [found, member] = await Promise.all([
      channels.channelOf(message, workspaceId),
      people.ensureMember(workspaceId, message.sender),
    ]);
    const channel = await withCreatorAsFirstManager(message, found);
    if (await noteSeen(channel.id, member.id, now)) await bindPendingOnJoin(prisma, channel, toPersonView(member));
    return { channel, actor: actorOf(member, channel) };
  }

  /** Upserts the workspace, the channel and the sender, and notes that the sender was seen in the channel. */
  return async function recordIncoming(message: IncomingMessage, now: Date): Promise<IncomingSession> {
    // Prisma's upsert reads, then inserts: the first messages of a new workspace, channel or person arriving
    // together race, and the losers hit the unique constraint (P2002). The row exists by then: a retry reads it.
    for (let attempt = 1; ; attempt++) {
      try {
        return await recordIncomingOnce(message, now);
      } catch (error) {
        if (attempt >= 3 || (error as { code?: unknown }).code !== "P2002") throw error;
      }
    }
  };
}
