import type { Actor } from "../core/handler.js";
import type { IncomingMention, IncomingMessage, Locale } from "../core/incoming.js";
import type { ChannelSettingsView, PersonView } from "../core/task-view.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { claimEvent, DuplicateEventError, type EventClaim } from "./event-claim.js";
import { isGivenNameOf, normalizeName } from "./member-names.js";
import { resetPlanning } from "./ping-planning.js";
import { RecentRecords } from "./recent-records.js";
import { personSelect, toPersonView } from "./task-mapper.js";

export interface DirectoryServiceOptions {
  prisma: PrismaClient;
  /** Settings a channel starts with when the bot first sees it. */
  defaults: { locale: Locale; timezone: string };
}

/** What the bot knows about the sender of a message and where it was written. */
export interface IncomingSession {
  channel: ChannelSettingsView;
  actor: Actor;
}

export interface ChannelSettingsPatch {
  locale?: Locale;
  timezone?: string;
  endOfDayMinutes?: number;
  workingDays?: number[];
  summaryEnabled?: boolean;
  summaryCron?: string;
  /** The ping policy JSON the jobs engineer reads; null restores the default policy. */
  pingPolicy?: Record<string, unknown> | null;
}

export interface DayOffView {
  /** YYYY-MM-DD */
  day: string;
  isWorkingDay: boolean;
  note: string | null;
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

const memberSelect = { ...personSelect, timezone: true, isWorkspaceAdmin: true } as const;

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
   * The member with this platform id, created on first sight. A pending member with the same name (typed before
   * the person ever wrote) is bound to the id instead of creating a second person.
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
    const pending = await prisma.member.findFirst({
      where: { workspaceId, externalId: null, normalizedName: profile.normalizedName },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    if (pending) {
      const { count } = await prisma.member.updateMany({
        where: { id: pending.id, externalId: null },
        data: { ...profile, externalId: person.externalId },
      });
      if (count === 1) {
        // A pending member may already be an assignee: their personal pings can start now.
        if (person.privateChatId || person.timezone) await resetPlanning(prisma, { memberId: pending.id });
        return prisma.member.findUniqueOrThrow({ where: key, select: storedMemberSelect });
      }
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

  /** A typed name: a known member of the workspace whose name matches, else a pending member. */
  async function findOrCreateByName(workspaceId: string, displayName: string): Promise<PersonView> {
    const typed = normalizeName(displayName);
    const exact = await prisma.member.findMany({
      where: { workspaceId, normalizedName: typed, isBot: false },
      select: personSelect,
      orderBy: [{ createdAt: "asc" }],
    });
    const real = exact.find((m) => m.externalId !== null) ?? exact[0];
    if (real) return toPersonView(real);
    const byGivenName = await prisma.member.findMany({
      where: { workspaceId, normalizedName: { endsWith: ` ${typed}` }, externalId: { not: null }, isBot: false },
      select: { ...personSelect, normalizedName: true },
      take: 2,
    });
    const [only] = byGivenName.filter((m) => isGivenNameOf(typed, m.normalizedName));
    if (only && byGivenName.length === 1) return toPersonView(only);
    const created = await prisma.member.create({
      data: { workspaceId, externalId: null, displayName: displayName.replace(/^@+/, ""), normalizedName: typed },
      select: personSelect,
    });
    return toPersonView(created);
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

  /** Upserts the workspace, the channel and the sender, and notes that the sender was seen in the channel. */
  async function recordIncomingOnce(message: IncomingMessage, now: Date): Promise<IncomingSession> {
    const workspaceId = await workspaceIdOf(message);
    // The channel and the sender do not depend on each other: read (or create) both in one round trip.
    const [channel, member] = await Promise.all([
      channelOf(message, workspaceId),
      ensureMember(workspaceId, message.sender),
    ]);
    const seenKey = `${channel.id}\u0000${member.id}`;
    if (!seen.get(seenKey)) {
      await prisma.channelMember.upsert({
        where: { channelId_memberId: { channelId: channel.id, memberId: member.id } },
        create: { channelId: channel.id, memberId: member.id, lastSeenAt: now },
        update: { lastSeenAt: now },
      });
      seen.set(seenKey, true);
    }
    // In a one-to-one chat with the bot the sender is the only person, so they manage it.
    const isManager =
      member.isWorkspaceAdmin || channel.isPrivateChat || channel.managers.some((m) => m.id === member.id);
    return {
      channel,
      actor: { ...toPersonView(member), isManager, timezone: member.timezone },
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

    /** Members the bot has seen in the workspace, by display name: the parser uses them to spot typed names. */
    async knownNames(workspaceId: string): Promise<string[]> {
      const rows = await prisma.member.findMany({
        where: { workspaceId, isBot: false },
        select: { displayName: true },
        orderBy: { updatedAt: "desc" },
        take: 500,
      });
      return [...new Set(rows.map((r) => r.displayName))];
    },

    /**
     * The people named by `tokens` (the parser's assignees: mention tokens without "@"). A mention with a platform
     * id is that member; a mention without one, or a plain typed name, matches a known member by name (diacritics
     * and case ignored) or becomes a pending member.
     */
    async resolvePeople(workspaceId: string, tokens: string[], mentions: IncomingMention[]): Promise<PersonView[]> {
      const people: PersonView[] = [];
      const named = tokens.map((token) => ({
        token,
        mention:
          mentions.find((m) => m.token === token) ??
          mentions.find((m) => normalizeName(m.token) === normalizeName(token)),
      }));
      // Everyone mentioned by platform id whom this process does not remember as is, read in one query rather than
      // one each.
      const ids = [
        ...new Set(
          named.flatMap(({ mention }) =>
            mention?.externalId && !isRemembered(workspaceId, { ...mention, externalId: mention.externalId })
              ? [mention.externalId]
              : [],
          ),
        ),
      ];
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
      for (const { token, mention } of named) {
        const externalId = mention?.externalId;
        const person = externalId
          ? toPersonView(
              await ensureMember(
                workspaceId,
                { ...mention, externalId },
                // Read in the batch: the row, or null for nobody yet; not in the batch (remembered): undefined.
                stored && ids.includes(externalId) ? (stored.get(externalId) ?? null) : undefined,
              ),
            )
          : await findOrCreateByName(workspaceId, mention?.displayName ?? token);
        if (!people.some((p) => p.id === person.id)) people.push(person);
      }
      return people;
    },

    getChannelSettings: loadChannel,

    async updateChannelSettings(channelId: string, patch: ChannelSettingsPatch): Promise<ChannelSettingsView> {
      const { pingPolicy, ...rest } = patch;
      const data: Prisma.ChannelUpdateInput = { ...rest };
      if (pingPolicy !== undefined) {
        data.pingPolicy = pingPolicy === null ? Prisma.DbNull : (pingPolicy as Prisma.InputJsonValue);
      }
      await prisma.channel.update({ where: { id: channelId }, data, select: { id: true } });
      return reloadChannel(channelId);
    },

    async getPingPolicy(channelId: string): Promise<unknown> {
      const row = await prisma.channel.findUniqueOrThrow({ where: { id: channelId }, select: { pingPolicy: true } });
      return row.pingPolicy;
    },

    async addManagers(channelId: string, memberIds: string[]): Promise<ChannelSettingsView> {
      await prisma.channelManager.createMany({
        data: memberIds.map((memberId) => ({ channelId, memberId })),
        skipDuplicates: true,
      });
      return reloadChannel(channelId);
    },

    async removeManagers(channelId: string, memberIds: string[]): Promise<ChannelSettingsView> {
      await prisma.channelManager.deleteMany({ where: { channelId, memberId: { in: memberIds } } });
      return reloadChannel(channelId);
    },

    /** Declares a day off (nghỉ bù) or, with `isWorkingDay`, an extra working day (làm bù) for the workspace. */
    async setDayOff(workspaceId: string, day: string, isWorkingDay: boolean, note?: string): Promise<DayOffView> {
      const date = new Date(`${day}T00:00:00.000Z`);
      await prisma.workspaceDayOff.upsert({
        where: { workspaceId_day: { workspaceId, day: date } },
        create: { workspaceId, day: date, isWorkingDay, note: note ?? null },
        update: { isWorkingDay, note: note ?? null },
      });
      await forgetDaysOff(workspaceId);
      return { day, isWorkingDay, note: note ?? null };
    },

    /**
     * Declares every day from `from` to `to` (YYYY-MM-DD, inclusive) a day off or, with `isWorkingDay`, a make-up
     * working day, replacing what was declared for those days. Returns the days as declared.
     */
    async setDaysOff(workspaceId: string, from: string, to: string, isWorkingDay: boolean): Promise<DayOffView[]> {
      const days = daysBetween(from, to);
      const dates = days.map((day) => new Date(`${day}T00:00:00.000Z`));
      await prisma.$transaction([
        prisma.workspaceDayOff.deleteMany({ where: { workspaceId, day: { in: dates } } }),
        prisma.workspaceDayOff.createMany({ data: dates.map((day) => ({ workspaceId, day, isWorkingDay })) }),
      ]);
      await forgetDaysOff(workspaceId);
      return days.map((day) => ({ day, isWorkingDay, note: null }));
    },

    /**
     * Takes back what was declared for the days from `from` to `to` (inclusive): days off, or with `isWorkingDay`
     * make-up working days. Returns the days that were declared and are no more.
     */
    async removeDaysOff(workspaceId: string, from: string, to: string, isWorkingDay: boolean): Promise<DayOffView[]> {
      const where = {
        workspaceId,
        isWorkingDay,
        day: { gte: new Date(`${from}T00:00:00.000Z`), lte: new Date(`${to}T00:00:00.000Z`) },
      };
      const rows = await prisma.workspaceDayOff.findMany({ where, select: { day: true, note: true } });
      if (rows.length === 0) return [];
      await prisma.workspaceDayOff.deleteMany({ where });
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
