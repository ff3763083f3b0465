/**
 * The directory: what the bot knows of workspaces, channels and people. One facade over its parts, each one idea:
 * the session of an incoming message (directory-session.ts), people (directory-people.ts), channel settings and
 * managers (directory-channels.ts), declared days (directory-days-off.ts) and processed deliveries
 * (processed-events.ts).
 */
import type { Locale } from "../core/incoming.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { createChannelDirectory } from "./directory-channels.js";
import { createDaysOffDirectory } from "./directory-days-off.js";
import { createPeopleDirectory } from "./directory-people.js";
import { createSessionRecorder } from "./directory-session.js";
import { isEventProcessed, markEventProcessed } from "./processed-events.js";
import { deleteWorkspaceData } from "./workspace-data.js";

export type { ChannelSettingsPatch, DayOffView, IncomingSession } from "./directory-types.js";

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

export type DirectoryService = ReturnType<typeof createDirectoryService>;

/**
 * Workspaces, channels and their settings, members (including pending ones, bound on first write), managers,
 * days off, and processed event ids.
 */
export function createDirectoryService(options: DirectoryServiceOptions) {
  const { prisma } = options;
  const channels = createChannelDirectory(options);
  const people = createPeopleDirectory(options);
  const daysOff = createDaysOffDirectory(prisma);
  return {
    recordIncoming: createSessionRecorder({ prisma, channels, people }),
    knownNames: people.knownNames,
    resolvePeople: people.resolvePeople,
    confirmPendingPerson: people.confirmPendingPerson,
    redeemAdminCode: people.redeemAdminCode,
    burnAdminCode: people.burnAdminCode,
    managerHistory: channels.managerHistory,
    getChannelSettings: channels.getChannelSettings,
    updateChannelSettings: channels.updateChannelSettings,
    getPingPolicy: channels.getPingPolicy,
    changeManagers: channels.changeManagers,
    setDaysOff: daysOff.setDaysOff,
    removeDaysOff: daysOff.removeDaysOff,
    listDaysOff: daysOff.listDaysOff,
    recentDaysOff: daysOff.recentDaysOff,
    isEventProcessed: (claim: Parameters<typeof isEventProcessed>[1]) => isEventProcessed(prisma, claim),
    markEventProcessed: (claim: Parameters<typeof markEventProcessed>[1]) => markEventProcessed(prisma, claim),
    async deleteWorkspaceData(workspaceId: string) {
      const deleted = await deleteWorkspaceData(prisma, workspaceId);
      channels.forgetWorkspace(workspaceId);
      people.forgetWorkspace(workspaceId);
      return deleted;
    },
  };
}
