import type { Logger } from "../../logger.js";
import type { SlackInstallations } from "../../services/slack-installation-store.js";
import { applyInstallChange } from "./install-changes.js";
import { installationLookupOf } from "./installation-lookup.js";
import { createRequestHandler, type SlackRequestHandler } from "./request-handler.js";
import { asOwnersDelivery } from "./shared-channel.js";
import type { SlackRuntime } from "./slack-runtime.js";
import { runInWorkspace } from "./workspace-scope.js";

/**
 * The request handler when one process serves many workspaces. Journaled requests are read by our own reader, not
 * bolt, so bolt's authorize never sees them: here an uninstall or a revoked token is applied first, then the
 * request's workspace is looked up in the installations, and the request is handled with that installation's bot
 * identity, every Slack call it makes carrying that workspace's token. A request from a workspace without an
 * installation (uninstalled after it was journaled) is dropped: nothing may be sent there. An event in a channel
 * shared with another installed workspace is handled as its owner's (asOwnersDelivery).
 */
export function createWorkspaceRequestHandler(
  runtime: SlackRuntime,
  installations: SlackInstallations,
  logger: Logger,
): SlackRequestHandler {
  return async (body) => {
    const payload = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    if (await applyInstallChange(installations, payload, logger)) return;
    const served = await asOwnersDelivery(installations, payload);
    const lookup = installationLookupOf(served);
    const found = lookup ? await installations.findAuthorization(lookup) : undefined;
    if (!found) {
      logger.info(
        { team: lookup?.teamId, enterprise: lookup?.enterpriseId },
        "slack request without installation dropped",
      );
      return;
    }
    const identity = { botId: found.botId, botUserId: found.botUserId, teamId: found.teamId };
    const handle = createRequestHandler(runtime, async () => identity);
    await runInWorkspace({ botToken: found.botToken, teamId: found.teamId }, () => handle(served));
    // After handling: the team's Workspace row exists by now.
    if (found.orgWide && found.enterpriseId && lookup?.teamId) {
      await installations
        .noteTeamOrg(lookup.teamId, found.enterpriseId)
        .catch((error) => logger.warn({ err: error, team: lookup.teamId }, "could not record the team's org"));
    }
  };
}
