/**
 * People a command names: members by platform id or by a typed name (people-resolver.ts), pending names and their
 * confirmation (pending-people.ts), and workspace admin codes (admin-claims.ts). Member rows themselves are kept by
 * directory-members.ts.
 */
import type { IncomingMention, Platform } from "../core/incoming.js";
import type { PeopleResolution } from "../core/named-people.js";
import type { PersonView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { burnClaimCode, redeemClaimCode } from "./admin-claims.js";
import { createMemberRecords, type StoredMember, storedMemberSelect } from "./directory-members.js";
import type { MemberProfile } from "./directory-types.js";
import { type ConfirmResult, confirmPending } from "./pending-people.js";
import { channelNames, type ResolvePeopleInput, resolvePeople } from "./people-resolver.js";
import { toPersonView } from "./task-mapper.js";

/**
 * The stored rows of the people mentioned by platform id whom this process does not remember as they are now, in
 * one query (undefined when there are fewer than two: ensureMember reads one itself).
 */
async function readMentioned(
  prisma: PrismaClient,
  isRemembered: (mention: MemberProfile) => boolean,
  workspaceId: string,
  tokens: readonly string[],
  mentions: readonly IncomingMention[],
): Promise<{ ids: string[]; stored: Map<string | null, StoredMember> | undefined }> {
  const wanted = tokens.flatMap((token) => {
    const mention = mentions.find((m) => m.token === token);
    return mention?.externalId && !isRemembered({ ...mention, externalId: mention.externalId })
      ? [mention.externalId]
      : [];
  });
  const ids = [...new Set(wanted)];
  if (ids.length <= 1) return { ids, stored: undefined };
  const rows = await prisma.member.findMany({
    where: { workspaceId, externalId: { in: ids } },
    select: storedMemberSelect,
  });
  return { ids, stored: new Map(rows.map((row) => [row.externalId, row])) };
}

export interface PeopleDirectoryOptions {
  prisma: PrismaClient;
  /** Where `npm run zalo:claim` leaves admin codes for a bot on the embedded database (see admin-claims.ts). */
  claimDropDir?: string;
}

export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>;

export function createPeopleDirectory(options: PeopleDirectoryOptions) {
  const { prisma } = options;
  const members = createMemberRecords(prisma);
  const { ensureMember } = members;
  return {
    ensureMember,
    forgetWorkspace: members.forgetWorkspace,

    /** Names of the channel's members and pending people: the parser uses them to spot typed multi-word names. */
    knownNames(channel: { id: string; workspaceId: string }): Promise<string[]> {
      return channelNames(prisma, channel);
    },

    /**
     * The people named by `tokens` (the parser's assignees: mention tokens without "@"), among the channel's members
     * (see people-resolver.ts). A mention with a platform id is that member; a typed name is a member of this
     * channel, or with `createPending` a pending person typed here by `actorId`. Ambiguous or unknown names: nothing
     * is created and the answer says which.
     */
    async resolvePeople(
      channel: { id: string; workspaceId: string },
      tokens: readonly string[],
      mentions: readonly IncomingMention[],
      options: { actorId: string; createPending: boolean; pinned?: ResolvePeopleInput["pinned"] },
    ): Promise<PeopleResolution> {
      const { workspaceId } = channel;
      const isRemembered = (mention: MemberProfile) => members.isRemembered(workspaceId, mention);
      const { ids, stored } = await readMentioned(prisma, isRemembered, workspaceId, tokens, mentions);
      return resolvePeople(prisma, { channel, tokens, mentions, ...options }, async (mention) =>
        toPersonView(
          await ensureMember(
            workspaceId,
            mention,
            // Read in the batch: the row, or null for nobody yet; not in the batch (remembered): undefined.
            stored && ids.includes(mention.externalId) ? (stored.get(mention.externalId) ?? null) : undefined,
          ),
        ),
      );
    },

    /** The writer of a typed name says who they meant (see pending-people.ts). */
    confirmPendingPerson(
      channel: { id: string; workspaceId: string },
      writerId: string,
      name: string,
      person: PersonView,
    ): Promise<ConfirmResult> {
      return confirmPending(prisma, channel, writerId, name, person);
    },

    /**
     * Spends an admin code sent by `member` (see admin-claims.ts); true when they are now a workspace admin. The
     * member is forgotten by this process, so their next message reads the new standing.
     */
    async redeemAdminCode(platform: Platform, code: string, member: PersonView, now: Date): Promise<boolean> {
      const ok = await redeemClaimCode(prisma, platform, code, member.id, now, options.claimDropDir);
      if (ok) members.forget(member.id);
      return ok;
    },

    /** A code shown in a group is spent without effect. */
    burnAdminCode(code: string): Promise<void> {
      return burnClaimCode(prisma, code, options.claimDropDir);
    },
  };
}
