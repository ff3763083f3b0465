import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { SlackInstallations } from "../../services/slack-installation-store.js";

/**
 * A workspace that uninstalls the app, or revokes its bot token, loses its installation: nothing more is sent there
 * (the outbox fails its messages for good) and its requests are refused. Its tasks and settings stay; installing the
 * app again resumes where it stopped.
 */
export function listenForInstallChanges(app: App, installations: SlackInstallations, logger: Logger): void {
  app.event("app_uninstalled", async ({ body }) => {
    const lookup = {
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: body.is_enterprise_install === true,
    };
    const removed = await installations.remove(lookup);
    logger.info({ team: lookup.teamId, enterprise: lookup.enterpriseId, removed }, "slack app uninstalled");
  });

  app.event("tokens_revoked", async ({ event, body }) => {
    // Only the bot's token matters (the app holds no user tokens), and an installation has one bot.
    if ((event.tokens.bot ?? []).length === 0) return;
    const lookup = {
      teamId: body.team_id,
      enterpriseId: body.enterprise_id,
      isEnterpriseInstall: body.is_enterprise_install === true,
    };
    const removed = await installations.remove(lookup);
    logger.info({ team: lookup.teamId, enterprise: lookup.enterpriseId, removed }, "slack bot token revoked");
  });
}
