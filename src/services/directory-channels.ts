/**
 * Channels and their settings: created on first sight with the bot's defaults, read for every message (remembered
 * a few seconds), changed by the settings command with a row in the channel's history, and their managers.
 */
import type { IncomingMessage, Locale } from "../core/incoming.js";
import type { ChannelSettingsView, PersonView } from "../core/task-view.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { type ChannelEventView, changeManagers, managerHistory, recordChannelEvents } from "./channel-history.js";
import type { ChannelSettingsPatch } from "./directory-types.js";
import { RecentRecords } from "./recent-records.js";
import { personSelect, toPersonView } from "./task-mapper.js";

/**
 * A channel's settings are read on every message, yet change only through the settings command. This process
 * forgets its copy whenever it changes them itself; a change made through another process (a second web process)
 * shows here within this time.
 */
const SETTINGS_TTL_MS = 10_000;

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

const channelKey = (view: Pick<ChannelSettingsView, "workspaceId" | "externalId">) =>
  `${view.workspaceId}\u0000${view.externalId}`;

export interface ChannelDirectoryOptions {
  prisma: PrismaClient;
  /** Settings a channel starts with when the bot first sees it. */
  defaults: { locale: Locale; timezone: string };
}

/**
 * The channel's settings as stored, the channel created with the defaults on first sight. A plain read first: the
 * upsert costs a transaction and a second read of the row.
 */
async function readOrCreateChannel(
  prisma: PrismaClient,
  defaults: ChannelDirectoryOptions["defaults"],
  message: IncomingMessage,
  workspaceId: string,
): Promise<ChannelSettingsView> {
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

/** Writes a settings change; with `actorId`, with its row in the channel's history, in one transaction. */
async function writeChannelSettings(
  prisma: PrismaClient,
  channelId: string,
  patch: ChannelSettingsPatch,
  actorId: string | undefined,
): Promise<void> {
  const { pingPolicy, ...rest } = patch;
  const data: Prisma.ChannelUpdateInput = { ...rest };
  if (pingPolicy !== undefined) {
    data.pingPolicy = pingPolicy === null ? Prisma.DbNull : (pingPolicy as Prisma.InputJsonValue);
  }
  await prisma.$transaction(async (tx) => {
    await tx.channel.update({ where: { id: channelId }, data, select: { id: true } });
    if (actorId) await recordChannelEvents(tx, [{ channelId, actorId, action: "settings_changed", newValue: patch }]);
  });
}

export type ChannelDirectory = ReturnType<typeof createChannelDirectory>;

export function createChannelDirectory(options: ChannelDirectoryOptions) {
  const { prisma, defaults } = options;
  /** Channel settings by workspace and platform channel id (see SETTINGS_TTL_MS). */
  const channels = new RecentRecords<ChannelSettingsView>(SETTINGS_TTL_MS);
  /** Bumped by every change this process makes: a read that started before it must not put its older answer back. */
  let generation = 0;

  async function getChannelSettings(channelId: string): Promise<ChannelSettingsView> {
    const row = await prisma.channel.findUniqueOrThrow({ where: { id: channelId }, select: channelSelect });
    return toChannelSettingsView(row, row.workspace.platform);
  }

  /** Reads the channel after this process changed it, and puts the fresh settings in place of the remembered ones. */
  async function reloadChannel(channelId: string): Promise<ChannelSettingsView> {
    generation++;
    const view = await getChannelSettings(channelId);
    channels.set(channelKey(view), view);
    return view;
  }

  return {
    getChannelSettings,
    reloadChannel,

    /** Forgets the channels of a workspace whose data was deleted (a read in flight does not put them back). */
    forgetWorkspace(workspaceId: string): void {
      generation++;
      for (const [key, view] of channels.live()) if (view.workspaceId === workspaceId) channels.delete(key);
    },

    /**
     * The settings of the message's channel, created on first sight; remembered for a few seconds (SETTINGS_TTL_MS)
     * and forgotten when this process changes them.
     */
    async channelOf(message: IncomingMessage, workspaceId: string): Promise<ChannelSettingsView> {
      const cacheKey = channelKey({ workspaceId, externalId: message.channel.externalId });
      const cached = channels.get(cacheKey);
      if (cached) return cached;
      const startedAt = generation;
      const view = await readOrCreateChannel(prisma, defaults, message, workspaceId);
      if (startedAt === generation) channels.set(cacheKey, view);
      return view;
    },

    /** Changes channel settings; with `actorId`, the change goes into the channel's history. */
    async updateChannelSettings(
      channelId: string,
      patch: ChannelSettingsPatch,
      actorId?: string,
    ): Promise<ChannelSettingsView> {
      await writeChannelSettings(prisma, channelId, patch, actorId);
      return reloadChannel(channelId);
    },

    async getPingPolicy(channelId: string): Promise<unknown> {
      return (await prisma.channel.findUniqueOrThrow({ where: { id: channelId }, select: { pingPolicy: true } }))
        .pingPolicy;
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

    /** Whom the channel's history says gave or took manager rights, newest first. */
    managerHistory(channelId: string): Promise<ChannelEventView[]> {
      return managerHistory(prisma, channelId);
    },
  };
}
