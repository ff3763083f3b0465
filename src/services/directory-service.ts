import type { Actor } from "../core/handler.js";
import type { IncomingMention, IncomingMessage, Locale, Platform } from "../core/incoming.js";
import type { PeopleResolution } from "../core/named-people.js";
import { managesChannel } from "../core/permissions.js";
import type { DayOffView, IncomingSession } from "../core/ports/directory.js";
import type { ChannelSettingsView, PersonView } from "../core/task-view.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { burnClaimCode, redeemClaimCode } from "./admin-claims.js";
import {
  type ChannelEventView,
  changeManagers,
  makeCreatorFirstManager,
  managerHistory,
  recordChannelEvents,
} from "./channel-history.js";
import { claimEvent, DuplicateEventError, type EventClaim } from "./event-claim.js";
import { normalizeName } from "./member-names.js";
import { bindPendingOnJoin, type ConfirmResult, confirmPending } from "./pending-people.js";
import { channelNames, type ResolvePeopleInput, resolvePeople } from "./people-resolver.js";
import { resetPlanning } from "./ping-planning.js";
import { RecentRecords } from "./recent-records.js";
import { personSelect, toPersonView } from "./task-mapper.js";

export type { DayOffView, IncomingSession };

export interface DirectoryServiceOptions {
  prisma: PrismaClient;
  /** Settings a channel starts with when the bot first sees it. */
  defaults: { locale: Locale; timezone: string };
  /**
   * Where `npm run zalo:claim` leaves admin codes for a bot on the embedded database (the data directory's
   * `admin-claims`); codes in the database are always read.
   */
  claimDropDir?: string;
}

export interface ChannelSettingsPatch {
  locale?: Locale;
  timezone?: string;
  endOfDayMinutes?: number;
  workingDays?: number[];
  summaryEnabled?: boolean;
  summaryCron?: string;
  /** The ping policy JSON the ping planner reads (scheduling/policy.ts); null restores the default policy. */
  pingPolicy?: Record<string, unknown> | null;
}

/** A channel's settings without its workspace: recordIncoming knows the platform from the message. */
const channelOwnSelect = {
  id: true,
  workspaceId: true,
  externalId: true,
  isPrivateChat: true,
  locale: true,
  timezone: true,
  endOfDayMinutes: true,
  workingDays: true,
  summaryEnabled: true,
  summaryCron: true,
  managers: { select: { member: { select: personSelect } }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.ChannelSelect;

const channelSelect = {
  ...channelOwnSelect,
  workspace: { select: { platform: true } },
} as const satisfies Prisma.ChannelSelect;

type ChannelRow = Prisma.ChannelGetPayload<{ select: typeof channelOwnSelect }>;

function toChannelSettingsView(row: ChannelRow, platform: ChannelSettingsView["platform"]): ChannelSettingsView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    platform,
    externalId: row.externalId,
    isPrivateChat: row.isPrivateChat,
    locale: row.locale === "en" ? "en" : "vi",
    timezone: row.timezone,
    endOfDayMinutes: row.endOfDayMinutes,
    workingDays: row.workingDays,
    summaryEnabled: row.summaryEnabled,
    summaryCron: row.summaryCron,
    managers: row.managers.map((m) => toPersonView(m.member)),
  };
}

const memberSelect = { ...personSelect, timezone: true, isWorkspaceAdmin: true, adminClaimedAt: true } as const;

type MemberRow = Prisma.MemberGetPayload<{ select: typeof memberSelect }>;
const storedMemberSelect = { ...memberSelect, privateChatId: true } as const;
type StoredMember = Prisma.MemberGetPayload<{ select: typeof storedMemberSelect }>;

function memberRowOf({ privateChatId: _privateChatId, ...row }: StoredMember): MemberRow {
  return row;
}

/** A person as a message describes them (sender or mention); fields left out are unknown, not empty. */
interface MemberProfile {
  externalId: string;
  displayName: string;
  timezone?: string;
  isWorkspaceAdmin?: boolean;
  privateChatId?: string;
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

/** How long this process trusts what it recorded itself (workspace ids never change; the rest is refreshed often). */
const WORKSPACE_TTL_MS = 10 * 60_000;
/**
 * A member row is only ever changed from the platform's profile of that person, which arrives with every message:
 * a message whose profile differs from the remembered row goes to the database, so a long memory is safe.
 */
const MEMBER_TTL_MS = 5 * 60_000;
/** ChannelMember.lastSeenAt is bookkeeping nobody reads to the second: one touch a minute per person and channel. */
const SEEN_TTL_MS = 60_000;
/**
 * A channel's settings and its workspace's declared days are read on every message, yet change only through the
 * settings command. This process forgets its copy whenever it changes them itself; a change made through another
 * process (a second web process) shows here within this time.
 */
const SETTINGS_TTL_MS = 10_000;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Every day from `from` to `to` (YYYY-MM-DD), inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;

/**
 * Workspaces, channels and their settings, members (including pending ones, bound on first write), managers,
 * days off, and processed event ids.
 */
export function createDirectoryService(options: DirectoryServiceOptions) {
  const { prisma, defaults } = options;
  const workspaceIds = new RecentRecords<string>(WORKSPACE_TTL_MS);
  /** Member rows as this process last read or wrote them, keyed by workspace and platform id. */
  const members = new RecentRecords<StoredMember>(MEMBER_TTL_MS);
  const seen = new RecentRecords<true>(SEEN_TTL_MS);
  /** Channel settings by workspace and platform channel id (see SETTINGS_TTL_MS). */
  const channels = new RecentRecords<ChannelSettingsView>(SETTINGS_TTL_MS);
  /** Declared days of a workspace from a given day on (the day moves once a day), keyed by workspace. */
  const daysOff = new RecentRecords<{ fromDay: string; rows: readonly DayOffView[] }>(SETTINGS_TTL_MS);
  /**
   * Bumped by every change this process makes to settings or declared days: a read that started before a change
   * and ends after it must not put its older answer back.
   */
  let settingsGeneration = 0;
  const channelKey = (view: Pick<ChannelSettingsView, "workspaceId" | "externalId">) =>
    `${view.workspaceId}\u0000${view.externalId}`;

  /**
   * The member with this platform id, created on first sight. A pending person of the same name is not bound here:
   * that happens only when they join the channel the name was typed in (see recordIncomingOnce).
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
    members.set(`${workspaceId}\u0000${person.externalId}`, row);
    return memberRowOf(row);
  }

  /**
   * The member as this process last saw them, when the profile at hand says nothing new. The same person arrives as
   * a sender (with admin flag and private chat) and as a mention (without): what a message does not say is no
   * change, so both find the one remembered row.
   */
  function rememberedMember(workspaceId: string, person: MemberProfile): StoredMember | undefined {
    const cached = members.get(`${workspaceId}\u0000${person.externalId}`);
    return cached && !profileChanged(cached, person) ? cached : undefined;
  }
  const isRemembered = (workspaceId: string, person: MemberProfile) =>
    rememberedMember(workspaceId, person) !== undefined;
  /** Drops the remembered row of a member whose standing changed outside their profile (a claimed admin right). */
  const forgetMember = (member: PersonView) => {
    for (const [key, row] of members.live()) if (row.id === member.id) members.delete(key);
  };

  async function ensureMemberUncached(
    workspaceId: string,
    person: Parameters<typeof ensureMember>[1],
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
      // A new private chat or zone changes this person's personal pings: the reconciler re-plans their tasks.
      if (
        (person.timezone !== undefined && found.timezone !== person.timezone) ||
        (person.privateChatId !== undefined && found.privateChatId !== person.privateChatId)
      )
        await resetPlanning(prisma, { memberId: updated.id });
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

  /** Declared days from `fromDay` (YYYY-MM-DD) on, in date order. */
  async function listDaysOff(workspaceId: string, fromDay?: string): Promise<DayOffView[]> {
    const rows = await prisma.workspaceDayOff.findMany({
      where: { workspaceId, ...(fromDay ? { day: { gte: new Date(`${fromDay}T00:00:00.000Z`) } } : {}) },
      select: { day: true, isWorkingDay: true, note: true },
      orderBy: { day: "asc" },
    });
    return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), isWorkingDay: r.isWorkingDay, note: r.note }));
  }

  /** After a change of declared days: forget the remembered copy, and have every open task of the workspace re-planned. */
  async function forgetDaysOff(workspaceId: string): Promise<void> {
    settingsGeneration++;
    daysOff.delete(workspaceId);
    // Every channel of the workspace plans on this calendar: the reconciler re-plans their open tasks.
    await resetPlanning(prisma, { workspaceId });
  }

  async function loadChannel(channelId: string): Promise<ChannelSettingsView> {
    const row = await prisma.channel.findUniqueOrThrow({ where: { id: channelId }, select: channelSelect });
    return toChannelSettingsView(row, row.workspace.platform);
  }

  /** Reads the channel after this process changed it, and puts the fresh settings in place of the remembered ones. */
  async function reloadChannel(channelId: string): Promise<ChannelSettingsView> {
    settingsGeneration++;
    const view = await loadChannel(channelId);
    channels.set(channelKey(view), view);
    return view;
  }

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
   * The channel's settings, created on first sight; remembered for a few seconds (SETTINGS_TTL_MS) and forgotten
   * when this process changes them. A plain read first: the upsert costs a transaction and a second read of the row.
   */
  async function channelOf(message: IncomingMessage, workspaceId: string): Promise<ChannelSettingsView> {
    const cacheKey = channelKey({ workspaceId, externalId: message.channel.externalId });
    const cached = channels.get(cacheKey);
    if (cached) return cached;
    const generation = settingsGeneration;
    const view = await readOrCreateChannel(message, workspaceId);
    if (generation === settingsGeneration) channels.set(cacheKey, view);
    return view;
  }

  async function readOrCreateChannel(message: IncomingMessage, workspaceId: string): Promise<ChannelSettingsView> {
    const where = { workspaceId_externalId: { workspaceId, externalId: message.channel.externalId } };
    const found = await prisma.channel.findUnique({ where, select: channelOwnSelect });
    const row =
      found ??
      (await prisma.channel.upsert({
        where,
        create: {
          workspaceId,
          externalId: message.channel.externalId,
          name: message.channel.name ?? null,
          isPrivateChat: message.channel.isPrivateChat,
          locale: defaults.locale,
          timezone: defaults.timezone,
        },
        update: {},
        select: channelOwnSelect,
      }));
    return toChannelSettingsView(row, message.platform);
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

  /** Slack channels whose creator was already offered as first manager by this process. */
  const creatorsOffered = new RecentRecords<true>(WORKSPACE_TTL_MS);

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
    const person = toPersonView(await ensureMember(channel.workspaceId, creator));
    return (await makeCreatorFirstManager(prisma, channel.id, person)) ? reloadChannel(channel.id) : channel;
  }

  /** Upserts the workspace, the channel and the sender, and notes that the sender was seen in the channel. */
  async function recordIncomingOnce(message: IncomingMessage, now: Date): Promise<IncomingSession> {
    const workspaceId = await workspaceIdOf(message);
    // The channel and the sender do not depend on each other: read (or create) both in one round trip.
    const [found, member] = await Promise.all([
      channelOf(message, workspaceId),
      ensureMember(workspaceId, message.sender),
    ]);
    const channel = await withCreatorAsFirstManager(message, found);
    if (await noteSeen(channel.id, member.id, now)) await bindPendingOnJoin(prisma, channel, toPersonView(member));
    return { channel, actor: actorOf(member, channel) };
  }

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

  return {
    /** Upserts the workspace, the channel and the sender, and notes that the sender was seen in the channel. */
    async recordIncoming(message: IncomingMessage, now: Date): Promise<IncomingSession> {
      // Prisma's upsert reads, then inserts: the first messages of a new workspace, channel or person arriving
      // together race, and the losers hit the unique constraint (P2002). The row exists by then: a retry reads it.
      for (let attempt = 1; ; attempt++) {
        try {
          return await recordIncomingOnce(message, now);
        } catch (error) {
          if (attempt >= 3 || (error as { code?: unknown }).code !== "P2002") throw error;
        }
      }
    },

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
      const wanted = tokens.flatMap((token) => {
        const mention = mentions.find((m) => m.token === token);
        return mention?.externalId && !isRemembered(workspaceId, { ...mention, externalId: mention.externalId })
          ? [mention.externalId]
          : [];
      });
      const ids = [...new Set(wanted)];
      // Everyone mentioned by platform id whom this process does not remember as is, read in one query rather than
      // one each.
      const stored =
        ids.length > 1
          ? new Map(
              (
                await prisma.member.findMany({
                  where: { workspaceId, externalId: { in: ids } },
                  select: storedMemberSelect,
                })
              ).map((row) => [row.externalId, row]),
            )
          : undefined;
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

    /** Whom the channel's history says gave or took manager rights, newest first. */
    managerHistory(channelId: string): Promise<ChannelEventView[]> {
      return managerHistory(prisma, channelId);
    },

    /**
     * Spends an admin code sent by `memberId` (see admin-claims.ts); true when they are now a workspace admin. The
     * member is forgotten by this process, so their next message reads the new standing.
     */
    async redeemAdminCode(platform: Platform, code: string, member: PersonView, now: Date): Promise<boolean> {
      const ok = await redeemClaimCode(prisma, platform, code, member.id, now, options.claimDropDir);
      if (ok) forgetMember(member);
      return ok;
    },

    /** A code shown in a group is spent without effect. */
    burnAdminCode(code: string): Promise<void> {
      return burnClaimCode(prisma, code, options.claimDropDir);
    },

    getChannelSettings: loadChannel,

    /** Changes channel settings; with `actorId`, the change goes into the channel's history. */
    async updateChannelSettings(
      channelId: string,
      patch: ChannelSettingsPatch,
      actorId?: string,
    ): Promise<ChannelSettingsView> {
      const { pingPolicy, ...rest } = patch;
      const data: Prisma.ChannelUpdateInput = { ...rest };
      if (pingPolicy !== undefined) {
        data.pingPolicy = pingPolicy === null ? Prisma.DbNull : (pingPolicy as Prisma.InputJsonValue);
      }
      await prisma.$transaction(async (tx) => {
        await tx.channel.update({ where: { id: channelId }, data, select: { id: true } });
        if (actorId)
          await recordChannelEvents(tx, [{ channelId, actorId, action: "settings_changed", newValue: patch }]);
      });
      return reloadChannel(channelId);
    },

    async getPingPolicy(channelId: string): Promise<unknown> {
      const row = await prisma.channel.findUniqueOrThrow({ where: { id: channelId }, select: { pingPolicy: true } });
      return row.pingPolicy;
    },

    /**
     * Adds or removes channel managers, each change with its row in the channel's history; returns the people whose
     * standing changed and the channel as it is now.
     */
    async changeManagers(
      channelId: string,
      actorId: string,
      mode: "add" | "remove",
      people: readonly PersonView[],
    ): Promise<{ changed: PersonView[]; channel: ChannelSettingsView }> {
      const changed = await changeManagers(prisma, channelId, actorId, mode, people);
      return { changed, channel: await reloadChannel(channelId) };
    },

    /**
     * Declares every day from `from` to `to` (YYYY-MM-DD, inclusive) a day off or, with `isWorkingDay`, a make-up
     * working day for the workspace, replacing what was declared for those days; with `declaredIn`, the channel's
     * history records who did it. Returns the days as declared.
     */
    async setDaysOff(
      workspaceId: string,
      from: string,
      to: string,
      isWorkingDay: boolean,
      declaredIn?: { channelId: string; actorId: string },
    ): Promise<DayOffView[]> {
      const days = daysBetween(from, to);
      const dates = days.map((day) => new Date(`${day}T00:00:00.000Z`));
      await prisma.$transaction(async (tx) => {
        await tx.workspaceDayOff.deleteMany({ where: { workspaceId, day: { in: dates } } });
        await tx.workspaceDayOff.createMany({ data: dates.map((day) => ({ workspaceId, day, isWorkingDay })) });
        if (declaredIn) {
          await recordChannelEvents(tx, [
            { ...declaredIn, action: "day_off_declared", newValue: { from, to, isWorkingDay } },
          ]);
        }
      });
      await forgetDaysOff(workspaceId);
      return days.map((day) => ({ day, isWorkingDay, note: null }));
    },

    /**
     * Takes back what was declared for the days from `from` to `to` (inclusive): days off, or with `isWorkingDay`
     * make-up working days; with `declaredIn`, into the channel's history. Returns the days that were declared and
     * are no more.
     */
    async removeDaysOff(
      workspaceId: string,
      from: string,
      to: string,
      isWorkingDay: boolean,
      declaredIn?: { channelId: string; actorId: string },
    ): Promise<DayOffView[]> {
      const where = {
        workspaceId,
        isWorkingDay,
        day: { gte: new Date(`${from}T00:00:00.000Z`), lte: new Date(`${to}T00:00:00.000Z`) },
      };
      const rows = await prisma.workspaceDayOff.findMany({ where, select: { day: true, note: true } });
      if (rows.length === 0) return [];
      await prisma.$transaction(async (tx) => {
        await tx.workspaceDayOff.deleteMany({ where });
        if (declaredIn) {
          await recordChannelEvents(tx, [
            { ...declaredIn, action: "day_off_removed", oldValue: { from, to, isWorkingDay } },
          ]);
        }
      });
      await forgetDaysOff(workspaceId);
      return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), isWorkingDay, note: r.note }));
    },

    listDaysOff,

    /**
     * {@link listDaysOff} for the calendar every message is parsed with: remembered a few seconds (SETTINGS_TTL_MS)
     * and forgotten when this process declares a day. The same array comes back while remembered, so callers may
     * keep what they derive from it (the working calendar) by its identity.
     */
    async recentDaysOff(workspaceId: string, fromDay: string): Promise<readonly DayOffView[]> {
      const cached = daysOff.get(workspaceId);
      if (cached?.fromDay === fromDay) return cached.rows;
      const generation = settingsGeneration;
      const rows = await listDaysOff(workspaceId, fromDay);
      if (generation === settingsGeneration) daysOff.set(workspaceId, { fromDay, rows });
      return rows;
    },

    /** Whether this delivery was already handled (a cheap read before doing any work). */
    async isEventProcessed(claim: Pick<EventClaim, "platform" | "key">): Promise<boolean> {
      const row = await prisma.processedEvent.findUnique({
        where: { platform_key: { platform: claim.platform, key: claim.key } },
        select: { key: true },
      });
      return row !== null;
    },

    /** Marks a delivery handled; false when another delivery of the same event got there first. */
    async markEventProcessed(claim: EventClaim): Promise<boolean> {
      try {
        await claimEvent(prisma, claim);
        return true;
      } catch (error) {
        if (error instanceof DuplicateEventError) return false;
        throw error;
      }
    },
  };
}
