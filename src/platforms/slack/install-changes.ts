import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { SlackInstallations } from "../../services/slack-installation-store.js";

/**
 * A workspace that uninstalls the app, or revokes its bot token, loses its installation and is suspended: nothing
 * more is attempted there (its planned pings and waiting messages are kept, without jobs) and its requests are
 * refused. Its tasks and settings stay; installing the app again resumes where it stopped.
 */
export async function applyInstallChange(
  installations: SlackInstallations,
  body: Record<string, unknown>,
  logger: Logger,
): Promise<boolean> {
  const event = body.event as { type?: string; tokens?: { bot?: string[] } } | undefined;
  if (body.type !== "event_callback" || !event) return false;
  // Only the bot's token matters (the app holds no user tokens), and an installation has one bot.
  const uninstalled = event.type === "app_uninstalled";
  const botRevoked = event.type === "tokens_revoked" && (event.tokens?.bot ?? []).length > 0;
  if (!uninstalled && !botRevoked) return false;
  const lookup = {
    teamId: typeof body.team_id === "string" ? body.team_id : undefined,
    enterpriseId: typeof body.enterprise_id === "string" ? body.enterprise_id : undefined,
    isEnterpriseInstall: body.is_enterprise_install === true,
  };
  const removed = await installations.remove(lookup);
  logger.info(
    { team: lookup.teamId, enterprise: lookup.enterpriseId, event: event.type, removed },
    "slack install ended",
  );
  return true;
}

/** The same as bolt listeners (bolt skips authorize for these two events: the token is gone by then). */
export function listenForInstallChanges(app: App, installations: SlackInstallations, logger: Logger): void {
  const apply = async ({ body }: { body: unknown }) => {
    await applyInstallChange(installations, body as Record<string, unknown>, logger);
  };
  app.event("app_uninstalled", apply);
  app.event("tokens_revoked", apply);
}
