/**
 * People: members created on first sight and kept up to date from the platform's profile (remembered by this
 * process), the people a command names (members, pending names, name matching: people-resolver.ts,
 * pending-people.ts), and workspace admin codes (admin-claims.ts).
 */
import type { IncomingMention, Platform } from "../core/incoming.js";
import type { PeopleResolution } from "../core/named-people.js";
import type { PersonView } from "../core/task-view.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { burnClaimCode, redeemClaimCode } from "./admin-claims.js";
import type { MemberProfile } from "./directory-types.js";
import { normalizeName } from "./member-names.js";
import { type ConfirmResult, confirmPending } from "./pending-people.js";
import { channelNames, type ResolvePeopleInput, resolvePeople } from "./people-resolver.js";
import { resetPlanning } from "./ping-planning.js";
import { RecentRecords } from "./recent-records.js";
import { personSelect, toPersonView } from "./task-mapper.js";

/**
 * A member row is only ever changed from the platform's profile of that person, which arrives with every message:
 * a message whose profile differs from the remembered row goes to the database, so a long memory is safe.
 */
const MEMBER_TTL_MS = 5 * 60_000;

const memberSelect = { ...personSelect, timezone: true, isWorkspaceAdmin: true, adminClaimedAt: true } as const;
export type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;
const storedMemberSelect = { ...memberSelect, privateChatId: true } as const;
type StoredMember = Prisma.MemberGetPayload<{ select: typeof storedMemberSelect }>;

function memberRowOf({ privateChatId: _privateChatId, ...row }: StoredMember): MemberRow {
  return row;
}

/** Whether the platform's profile of a person says something the stored row does not (unsaid fields are no change). */
function profileChanged(stored: StoredMember, person: MemberProfile): boolean {
  return (
    stored.displayName !== person.displayName ||
    (person.timezone !== undefined && stored.timezone !== person.timezone) ||
    (person.isWorkspaceAdmin !== undefined && stored.isWorkspaceAdmin !== person.isWorkspaceAdmin) ||
    (person.privateChatId !== undefined && stored.privateChatId !== person.privateChatId)
  );
}

/** A new private chat or zone changes this person's personal pings. */
const reachChanged = (stored: StoredMember, person: MemberProfile) =>
  (person.timezone !== undefined && stored.timezone !== person.timezone) ||
  (person.privateChatId !== undefined && stored.privateChatId !== person.privateChatId);

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export interface PeopleDirectoryOptions {
  prisma: PrismaClient;
  /** Where `npm run zalo:claim` leaves admin codes for a bot on the embedded database (see admin-claims.ts). */
  claimDropDir?: string;
}

export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>;

export function createPeopleDirectory(options: PeopleDirectoryOptions) {
  const { prisma } = options;
  /** Member rows as this process last read or wrote them, keyed by workspace and platform id. */
  const members = new RecentRecords<StoredMember>(MEMBER_TTL_MS);
  const memberKey = (workspaceId: string, externalId: string) => `${workspaceId}\u0000${externalId}`;

  /**
   * The member as this process last saw them, when the profile at hand says nothing new. The same person arrives as
   * a sender (with admin flag and private chat) and as a mention (without): what a message does not say is no
   * change, so both find the one remembered row.
   */
  function rememberedMember(workspaceId: string, person: MemberProfile): StoredMember | undefined {
    const cached = members.get(memberKey(workspaceId, person.externalId));
    return cached && !profileChanged(cached, person) ? cached : undefined;
  }

  async function ensureMemberUncached(
    workspaceId: string,
    person: MemberProfile,
    prefetched: StoredMember | null | undefined,
  ): Promise<StoredMember> {
    const profile = {
      displayName: person.displayName,
      normalizedName: normalizeName(person.displayName),
      ...(person.timezone ? { timezone: person.timezone } : {}),
      ...(person.isWorkspaceAdmin !== undefined ? { isWorkspaceAdmin: person.isWorkspaceAdmin } : {}),
      ...(person.privateChatId ? { privateChatId: person.privateChatId } : {}),
    };
    const key = { workspaceId_externalId: { workspaceId, externalId: person.externalId } };
    const found =
      prefetched !== undefined
        ? prefetched
        : await prisma.member.findUnique({ where: key, select: storedMemberSelect });
    if (found) {
      // A private chat first seen after the person wrote in a group must still be recorded (personal pings).
      if (!profileChanged(found, person)) return found;
      const updated = await prisma.member.update({ where: key, data: profile, select: storedMemberSelect });
      // The reconciler re-plans their tasks' personal pings.
      if (reachChanged(found, person)) await resetPlanning(prisma, { memberId: updated.id });
      return updated;
    }
    try {
      return await prisma.member.create({
        data: { workspaceId, externalId: person.externalId, ...profile },
        select: storedMemberSelect,
      });
    } catch (error) {
      // Two messages of a new person at once: the other one created the row.
      if (!isUniqueViolation(error)) throw error;
      return prisma.member.findUniqueOrThrow({ where: key, select: storedMemberSelect });
    }
  }

  /**
   * The member with this platform id, created on first sight. A pending person of the same name is not bound here:
   * that happens only when they join the channel the name was typed in (see directory-session.ts).
   */
  async function ensureMember(
    workspaceId: string,
    person: MemberProfile,
    /** The member's row when the caller already read it (null: read and not found); undefined reads it here. */
    prefetched?: StoredMember | null,
  ): Promise<MemberRow> {
    const cached = rememberedMember(workspaceId, person);
    if (cached) return memberRowOf(cached);
    const row = await ensureMemberUncached(workspaceId, person, prefetched);
    members.set(memberKey(workspaceId, person.externalId), row);
    return memberRowOf(row);
  }

  /**
   * The stored rows of the people mentioned by platform id whom this process does not remember as they are now, in
   * one query (undefined when there are fewer than two: ensureMember reads one itself).
   */
  async function readMentioned(
    workspaceId: string,
    tokens: readonly string[],
    mentions: readonly IncomingMention[],
  ): Promise<{ ids: string[]; stored: Map<string | null, StoredMember> | undefined }> {
    const wanted = tokens.flatMap((token) => {
      const mention = mentions.find((m) => m.token === token);
      return mention?.externalId && !rememberedMember(workspaceId, { ...mention, externalId: mention.externalId })
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

  return {
    ensureMember,

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
      const { ids, stored } = await readMentioned(workspaceId, tokens, mentions);
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
      if (ok) for (const [key, row] of members.live()) if (row.id === member.id) members.delete(key);
      return ok;
    },

    /** A code shown in a group is spent without effect. */
    burnAdminCode(code: string): Promise<void> {
      return burnClaimCode(prisma, code, options.claimDropDir);
    },
  };
}
