import type { InstallProvider } from "@slack/oauth";
import type { Logger } from "../../logger.js";
import type { SlackBotAuthorization, SlackInstallations } from "../../services/slack-installation-store.js";

/**
 * How long before its expiry a rotating bot token is refreshed, in seconds: @slack/oauth's own window (its
 * `authorize` refreshes a token expiring within 2 hours); Slack's rotating tokens last 12 hours.
 */
const REFRESH_AHEAD_S = 2 * 3600;

/**
 * The installations, with token rotation (token_rotation_enabled) handled: a bot token about to expire is refreshed
 * before it is handed out, through InstallProvider.authorize (oauth.v2.access with the refresh token; the new token
 * and refresh token are stored, sealed, by our InstallationStore). Every way a token is taken (bolt's authorize,
 * journaled requests, the outbox) goes through here, and refreshes of one installation in this process share one
 * call. A token that does not expire is handed out as stored.
 */
export function rotatingAuthorization(
  installations: SlackInstallations,
  provider: Pick<InstallProvider, "authorize">,
  logger: Logger,
): SlackInstallations {
  const refreshing = new Map<string, Promise<SlackBotAuthorization>>();

  async function refresh(lookup: Parameters<SlackInstallations["findAuthorization"]>[0], found: SlackBotAuthorization) {
    const fresh = await provider.authorize({
      teamId: lookup.teamId,
      enterpriseId: lookup.enterpriseId,
      isEnterpriseInstall: lookup.isEnterpriseInstall ?? false,
    });
    if (!fresh.botToken) throw new Error("the refreshed Slack installation has no bot token");
    logger.info({ team: found.teamId, enterprise: found.enterpriseId }, "slack bot token refreshed before expiry");
    return { ...found, botToken: fresh.botToken, expiresAt: fresh.botTokenExpiresAt };
  }

  return {
    ...installations,
    async findAuthorization(lookup) {
      const found = await installations.findAuthorization(lookup);
      // real time: Slack dates the token's expiry on its own clock, not the app's.
      if (!found?.expiresAt || found.expiresAt - Date.now() / 1000 > REFRESH_AHEAD_S) return found;
      const key = `${found.enterpriseId ?? ""}/${found.orgWide ? "" : (found.teamId ?? "")}`;
      let running = refreshing.get(key);
      if (!running) {
        running = refresh(lookup, found).finally(() => refreshing.delete(key));
        refreshing.set(key, running);
      }
      return running;
    },
  };
}
