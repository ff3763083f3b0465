/**
 * Members: a person's row created on first sight and kept up to date from the platform's profile, which arrives with
 * every message; remembered by this process, so a known sender costs no query.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { MemberProfile } from "./directory-types.js";
import { normalizeName } from "./member-names.js";
import { resetPlanning } from "./ping-planning.js";
import { RecentRecords } from "./recent-records.js";
import { personSelect } from "./task-mapper.js";

/**
 * A member row is only ever changed from the platform's profile of that person, which arrives with every message:
 * a message whose profile differs from the remembered row goes to the database, so a long memory is safe.
 */
const MEMBER_TTL_MS = 5 * 60_000;

const memberSelect = { ...personSelect, timezone: true, isWorkspaceAdmin: true, adminClaimedAt: true } as const;
export type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;
export const storedMemberSelect = { ...memberSelect, privateChatId: true } as const;
export type StoredMember = Prisma.MemberGetPayload<{ select: typeof storedMemberSelect }>;

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

/** The member row as stored, written when the profile says something new, created on first sight. */
async function ensureMemberUncached(
  prisma: PrismaClient,
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
    prefetched !== undefined ? prefetched : await prisma.member.findUnique({ where: key, select: storedMemberSelect });
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

export type MemberRecords = ReturnType<typeof createMemberRecords>;

export function createMemberRecords(prisma: PrismaClient) {
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
    const row = await ensureMemberUncached(prisma, workspaceId, person, prefetched);
    members.set(memberKey(workspaceId, person.externalId), row);
    return memberRowOf(row);
  }

  return {
    ensureMember,
    /** Whether this process remembers the person as the profile at hand describes them. */
    isRemembered: (workspaceId: string, person: MemberProfile) => rememberedMember(workspaceId, person) !== undefined,
    /** Drops the remembered row of a member whose standing changed outside their profile (a claimed admin right). */
    forget(memberId: string): void {
      for (const [key, row] of members.live()) if (row.id === memberId) members.delete(key);
    },
    /** Drops every remembered member of a workspace whose data was deleted. */
    forgetWorkspace(workspaceId: string): void {
      for (const [key] of members.live()) if (key.startsWith(memberKey(workspaceId, ""))) members.delete(key);
    },
  };
}
