import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { TokenCipher } from "./token-cipher.js";

/**
 * Slack installations in the SlackInstallation table, behind @slack/oauth's InstallationStore interface (what
 * InstallProvider writes after "Add to Slack") plus what the adapter needs per request: the bot's credentials for a
 * team. One row per workspace install (keyed by its team id) or per org-wide install (keyed by the enterprise id).
 * Bot tokens are sealed with {@link TokenCipher} before they are written and opened only when asked for; they are
 * never logged, and errors name the installation key, never the token.
 */

/** A team's bot credentials, what bolt's authorize() returns. */
export interface SlackBotAuthorization {
  botToken: string;
  botId: string;
  botUserId: string;
  teamId?: string;
  enterpriseId?: string;
  /** Installed org-wide (Enterprise Grid): one installation serves every team of the org. */
  orgWide?: boolean;
  /** Token rotation: when the bot token expires (UTC seconds); absent for a token that does not expire. */
  expiresAt?: number;
}

/** Who a request or a send is for: a team, possibly inside an Enterprise Grid org. */
export interface SlackInstallationLookup {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}

export interface SlackInstallations extends InstallationStore {
  /** The bot credentials for `lookup`, or undefined when nothing is installed there. */
  findAuthorization(lookup: SlackInstallationLookup): Promise<SlackBotAuthorization | undefined>;
  /**
   * Records that `teamId` is served by its org's org-wide install, so that its outbox messages, sent outside any
   * request, find that installation (the team's Workspace row names the org). Written once per team and process.
   */
  noteTeamOrg(teamId: string, enterpriseId: string): Promise<void>;
  /** Whether `lookup` has an installation (no token is opened). */
  isInstalled(lookup: SlackInstallationLookup): Promise<boolean>;
  /**
   * Deletes the installation of `lookup` (app_uninstalled, tokens_revoked) and suspends its workspace (its pings
   * and messages are kept, not attempted); the workspace's own data stays. Installing again lifts the suspension.
   */
  remove(lookup: SlackInstallationLookup): Promise<boolean>;
  /**
   * Reseals every token not sealed with the current key (key rotation). Rows neither key opens are left as they are
   * and named by their installation key: their workspace must install again (or the right key be given).
   */
  resealAll(): Promise<{ resealed: number; unreadable: string[] }>;
}

const select = {
  installKey: true,
  teamId: true,
  teamName: true,
  enterpriseId: true,
  enterpriseName: true,
  isEnterpriseInstall: true,
  appId: true,
  botId: true,
  botUserId: true,
  botScopes: true,
  botTokenSealed: true,
  botRefreshTokenSealed: true,
  botTokenExpiresAt: true,
  installerUserId: true,
} as const;

export function createSlackInstallationStore(deps: { prisma: PrismaClient; cipher: TokenCipher }): SlackInstallations {
  const { prisma, cipher } = deps;
  /** Teams whose org this process has recorded already. */
  const notedTeams = new Set<string>();

  /** The row of `lookup`: the team's own install first, then its org's org-wide install. */
  async function findRow(lookup: SlackInstallationLookup) {
    const keys = candidateKeys(lookup);
    if (keys.length === 0) return undefined;
    const rows = await prisma.slackInstallation.findMany({ where: { installKey: { in: keys } }, select });
    return keys.map((key) => rows.find((row) => row.installKey === key)).find((row) => row !== undefined);
  }

  return {
    storeInstallation: (installation) => writeInstallation(prisma, cipher, installation as Installation),

    async fetchInstallation(query) {
      const row = await findRow(lookupOf(query));
      if (!row) throw new Error(`no Slack installation for ${describe(lookupOf(query))}`);
      const refreshToken = row.botRefreshTokenSealed
        ? cipher.open(row.botRefreshTokenSealed, refreshBinding(row.installKey))
        : undefined;
      return installationOf(row, cipher.open(row.botTokenSealed, row.installKey), refreshToken);
    },

    async deleteInstallation(query) {
      await this.remove(lookupOf(query));
    },

    async findAuthorization(lookup) {
      const row = await findRow(lookup);
      if (!row) return undefined;
      return {
        botToken: cipher.open(row.botTokenSealed, row.installKey),
        botId: row.botId,
        botUserId: row.botUserId,
        ...((row.teamId ?? lookup.teamId) ? { teamId: row.teamId ?? lookup.teamId } : {}),
        ...(row.enterpriseId ? { enterpriseId: row.enterpriseId } : {}),
        ...(row.isEnterpriseInstall ? { orgWide: true } : {}),
        ...(row.botTokenExpiresAt ? { expiresAt: Math.floor(row.botTokenExpiresAt.getTime() / 1000) } : {}),
      };
    },

    async noteTeamOrg(teamId, enterpriseId) {
      const key = `${teamId}\u0000${enterpriseId}`;
      if (notedTeams.has(key)) return;
      await prisma.workspace.updateMany({ where: { platform: "slack", externalId: teamId }, data: { enterpriseId } });
      notedTeams.add(key);
    },

    async isInstalled(lookup) {
      const keys = candidateKeys(lookup);
      if (keys.length === 0) return false;
      return (await prisma.slackInstallation.count({ where: { installKey: { in: keys } } })) > 0;
    },

    async remove(lookup) {
      const key = lookup.isEnterpriseInstall && lookup.enterpriseId ? lookup.enterpriseId : lookup.teamId;
      if (!key) return false;
      const team = lookup.isEnterpriseInstall ? null : (lookup.teamId ?? null);
      const [{ count }] = await prisma.$transaction([
        prisma.slackInstallation.deleteMany({ where: { installKey: key } }),
        ...suspension(prisma, team, true),
      ]);
      return count > 0;
    },

    resealAll: () => resealStale(prisma, cipher),
  };
}

/**
 * Marks the team's workspace suspended (nothing is attempted there) or not. An org-wide install names no team: its
 * workspaces are not marked, and their sends fail as not installed instead.
 */
function suspension(prisma: PrismaClient, teamId: string | null, suspended: boolean) {
  if (!teamId) return [];
  return [prisma.workspace.updateMany({ where: { platform: "slack", externalId: teamId }, data: { suspended } })];
}

/** Upserts the installation, its tokens sealed, and lifts its workspace's suspension (installed again). */
async function writeInstallation(prisma: PrismaClient, cipher: TokenCipher, installation: Installation): Promise<void> {
  const data = rowOf(installation);
  const sealed = cipher.seal(data.botToken, data.installKey);
  const { botToken: _plain, botRefreshToken, ...fields } = data;
  const refresh = botRefreshToken ? cipher.seal(botRefreshToken, refreshBinding(data.installKey)).sealed : null;
  const values = {
    ...fields,
    botTokenSealed: sealed.sealed,
    botTokenKeyId: sealed.keyId,
    botRefreshTokenSealed: refresh,
  };
  await prisma.$transaction([
    prisma.slackInstallation.upsert({ where: { installKey: data.installKey }, create: values, update: values }),
    // Installed again: its planned pings and pending messages go out (the reconciler queues them).
    ...suspension(prisma, data.teamId, false),
  ]);
}

/** Reseals, with the current key, every token sealed with another one it can open; names the rows it cannot. */
async function resealStale(prisma: PrismaClient, cipher: TokenCipher) {
  const stale = await prisma.slackInstallation.findMany({
    where: { botTokenKeyId: { not: cipher.currentKeyId } },
    select: { id: true, installKey: true, botTokenSealed: true, botRefreshTokenSealed: true },
  });
  const unreadable: string[] = [];
  let resealed = 0;
  for (const row of stale) {
    let token: string;
    let refresh: string | null;
    try {
      token = cipher.open(row.botTokenSealed, row.installKey);
      const binding = refreshBinding(row.installKey);
      refresh = row.botRefreshTokenSealed
        ? cipher.seal(cipher.open(row.botRefreshTokenSealed, binding), binding).sealed
        : null;
    } catch {
      unreadable.push(row.installKey);
      continue;
    }
    const sealed = cipher.seal(token, row.installKey);
    await prisma.slackInstallation.update({
      where: { id: row.id },
      data: { botTokenSealed: sealed.sealed, botTokenKeyId: sealed.keyId, botRefreshTokenSealed: refresh },
    });
    resealed++;
  }
  return { resealed, unreadable };
}

/** What a refresh token is sealed to: its row, and never mistaken for the row's bot token. */
function refreshBinding(installKey: string): string {
  return `${installKey}#refresh`;
}

function candidateKeys(lookup: SlackInstallationLookup): string[] {
  if (lookup.isEnterpriseInstall) return lookup.enterpriseId ? [lookup.enterpriseId] : [];
  return [lookup.teamId, lookup.enterpriseId].filter((key): key is string => typeof key === "string" && key !== "");
}

function lookupOf(query: InstallationQuery<boolean>): SlackInstallationLookup {
  return { teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall };
}

function describe(lookup: SlackInstallationLookup): string {
  return lookup.isEnterpriseInstall ? `enterprise ${lookup.enterpriseId}` : `team ${lookup.teamId}`;
}

/** The row's fields from what InstallProvider hands over; only bot installs are kept (the app asks no user scopes). */
function rowOf(installation: Installation) {
  const isEnterpriseInstall = installation.isEnterpriseInstall === true;
  const installKey = isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
  if (!installKey) throw new Error("a Slack installation without a team or enterprise id cannot be stored");
  const bot = installation.bot;
  if (!bot?.token) throw new Error(`the Slack installation of ${installKey} has no bot token`);
  return {
    installKey,
    teamId: installation.team?.id ?? null,
    teamName: installation.team?.name ?? null,
    enterpriseId: installation.enterprise?.id ?? null,
    enterpriseName: installation.enterprise?.name ?? null,
    isEnterpriseInstall,
    appId: installation.appId ?? null,
    botId: bot.id,
    botUserId: bot.userId,
    botScopes: bot.scopes,
    botToken: bot.token,
    botRefreshToken: bot.refreshToken ?? null,
    botTokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : null,
    installerUserId: installation.user?.id ?? null,
  };
}

function installationOf(
  row: {
    teamId: string | null;
    teamName: string | null;
    enterpriseId: string | null;
    enterpriseName: string | null;
    isEnterpriseInstall: boolean;
    appId: string | null;
    botId: string;
    botUserId: string;
    botScopes: string[];
    botTokenExpiresAt: Date | null;
    installerUserId: string | null;
  },
  botToken: string,
  refreshToken?: string,
): Installation<"v2", boolean> {
  const rotation =
    refreshToken && row.botTokenExpiresAt
      ? { refreshToken, expiresAt: Math.floor(row.botTokenExpiresAt.getTime() / 1000) }
      : {};
  return {
    team: row.teamId ? { id: row.teamId, ...(row.teamName ? { name: row.teamName } : {}) } : undefined,
    enterprise: row.enterpriseId
      ? { id: row.enterpriseId, ...(row.enterpriseName ? { name: row.enterpriseName } : {}) }
      : undefined,
    user: { id: row.installerUserId ?? "", token: undefined, scopes: undefined },
    bot: { token: botToken, scopes: row.botScopes, id: row.botId, userId: row.botUserId, ...rotation },
    appId: row.appId ?? undefined,
    tokenType: "bot",
    isEnterpriseInstall: row.isEnterpriseInstall,
    authVersion: "v2",
  };
}
