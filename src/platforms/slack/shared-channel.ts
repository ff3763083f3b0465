import type { SlackInstallations } from "../../services/slack-installation-store.js";
import { installationLookupOf } from "./installation-lookup.js";

/**
 * A channel shared between installed workspaces (Slack Connect) is served once, by the workspace that owns it (the
 * event's `context_team_id`): every installation's delivery of its event is handled as the owner's, so each names
 * the same team and event, and the core's claim on that id lets the first through and drops the others. A mention
 * of the receiving installation's bot becomes a mention of the owner's, so it is read as the bot, not as a person.
 * An owner that has not installed the app leaves the event to the installation it came to.
 */
export async function asOwnersDelivery(
  installations: SlackInstallations,
  payload: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const owner = payload.context_team_id;
  if (payload.type !== "event_callback" || typeof owner !== "string" || owner === "" || owner === payload.team_id) {
    return payload;
  }
  const org = typeof payload.context_enterprise_id === "string" ? payload.context_enterprise_id : undefined;
  const ownerBot = await installations.findAuthorization({ teamId: owner, enterpriseId: org });
  if (!ownerBot) return payload;
  const receivedBy = installationLookupOf(payload);
  const receivingBot = receivedBy ? await installations.findAuthorization(receivedBy) : undefined;
  const { authorizations: _theirs, enterprise_id: _theirOrg, ...event } = payload;
  return {
    ...event,
    team_id: owner,
    ...(org ? { enterprise_id: org } : {}),
    event: withOwnersBot(event.event, receivingBot?.botUserId, ownerBot.botUserId),
  };
}

function withOwnersBot(event: unknown, theirBot: string | undefined, ownBot: string): unknown {
  if (!theirBot || theirBot === ownBot || typeof event !== "object" || event === null) return event;
  const { text } = event as { text?: unknown };
  if (typeof text !== "string") return event;
  return { ...event, text: text.replaceAll(`<@${theirBot}>`, `<@${ownBot}>`) };
}
