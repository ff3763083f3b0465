/**
 * What the organisation's handlers use besides the core's services, and the one way they hand out dashboard links:
 * privately, to the person who asked, never where others could open the link first.
 */
import { DateTime } from "luxon";
import { LINK_TTL_MS } from "../src/services/dashboard-access.js";
import type { AppCommandContext, WithJobServices } from "./services.js";

export type OrgHandlerServices = WithJobServices<"org" | "dashboard">;

export type OrgContext = AppCommandContext<OrgHandlerServices>;

/** A link just made for the asker, and when it stops working in the channel's words. */
export interface SentLink {
  url: string;
  until: string;
}

/**
 * A single-use link to `path` for the asker, or null when this chat cannot carry it privately: a Zalo group, when
 * the person has never written to the bot privately (a bot cannot start a private chat there, and a link shown in the
 * group could be opened by anyone first). Slack's private replies are ephemeral; the terminal is its operator's.
 */
export async function privateLinkFor(context: OrgContext, path: string): Promise<SentLink | null> {
  const { channel, actor, services, now } = context;
  if (channel.platform === "zalo" && !channel.isPrivateChat && !(await services.org.privateChatOf(actor.id))) {
    return null;
  }
  const secret = await services.org.createLink(actor.id, path, now);
  const url = `${services.dashboard.publicUrl()}/dashboard/open?t=${encodeURIComponent(secret)}`;
  const expires = new Date(now.getTime() + LINK_TTL_MS);
  const until = DateTime.fromJSDate(expires).setZone(channel.timezone).toFormat("HH:mm dd/MM/yyyy");
  return { url, until };
}
