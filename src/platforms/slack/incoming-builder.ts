import type { IncomingMention, IncomingMessage } from "../../core/incoming.js";
import { stripReservedCharacters } from "../../core/reply.js";
import type { ChannelDirectory } from "./channel-directory.js";
import { groupMentionTokens, mentionedUserIds, normalizeSlackText } from "./mrkdwn.js";
import type { UserDirectory } from "./user-directory.js";

/** Where a Slack message happened and who wrote it: the parts every entry point shares. */
export interface SlackOrigin {
  teamId: string;
  teamName?: string;
  channelId: string;
  channelName?: string;
  userId: string;
  /** Dedupe key: `team_id:event_id` for events, the trigger id for commands and interactions. */
  eventId?: string;
  sentAt?: Date;
  messageRef?: string;
}

/** Slack DM channel ids start with D; slash commands in a DM say `directmessage`. */
export function isDirectMessageChannel(channelId: string, channelName?: string): boolean {
  return channelId.startsWith("D") || channelName === "directmessage";
}

/**
 * Builds the normalised message. Mentions become `@U123` in the text with a mention entry per user, each profile
 * fetched once through the directory (cached); the sender's profile gives their time zone, locale and admin flag.
 * `<!channel>`, `<!here>` and user groups are marked as group mentions. With `channels`, a channel (not a DM) also
 * names its creator, who becomes its first manager.
 */
export async function buildIncoming(
  origin: SlackOrigin,
  slackText: string,
  directory: UserDirectory,
  channels?: ChannelDirectory,
): Promise<IncomingMessage> {
  const isPrivateChat = isDirectMessageChannel(origin.channelId, origin.channelName);
  const [sender, mentions, creator] = await Promise.all([
    directory.lookup(origin.teamId, origin.userId),
    lookupMentions(origin.teamId, mentionedUserIds(slackText), directory),
    isPrivateChat ? undefined : creatorOf(origin, directory, channels),
  ]);
  const groupMentions = groupMentionTokens(slackText);
  return {
    platform: "slack",
    workspace: { externalId: origin.teamId, ...(origin.teamName ? { name: origin.teamName } : {}) },
    channel: {
      externalId: origin.channelId,
      ...(origin.channelName && origin.channelName !== "directmessage" ? { name: origin.channelName } : {}),
      isPrivateChat,
      ...(creator ? { creator } : {}),
    },
    sender: {
      externalId: sender.externalId,
      displayName: sender.displayName,
      ...(sender.timezone ? { timezone: sender.timezone } : {}),
      ...(sender.locale ? { locale: sender.locale } : {}),
      isWorkspaceAdmin: sender.isWorkspaceAdmin,
      // chat.postMessage to a user id lands in the bot's DM with that user.
      privateChatId: origin.userId,
    },
    text: normalizeSlackText(slackText),
    mentions,
    ...(groupMentions.length > 0 ? { groupMentions } : {}),
    ...(origin.eventId ? { eventId: origin.eventId } : {}),
    // real time: when Slack gives no timestamp, the message was sent about when it arrived.
    sentAt: origin.sentAt ?? new Date(),
    ...(origin.messageRef ? { messageRef: origin.messageRef } : {}),
  };
}

/** The channel's creator as a person, when Slack tells (see ChannelDirectory). */
async function creatorOf(origin: SlackOrigin, directory: UserDirectory, channels: ChannelDirectory | undefined) {
  const id = await channels?.creatorOf(origin.teamId, origin.channelId);
  if (!id) return undefined;
  const user = await directory.lookup(origin.teamId, id);
  return {
    externalId: id,
    displayName: user.displayName,
    ...(user.timezone ? { timezone: user.timezone } : {}),
  };
}

/** Mention entries for user ids picked in a form (modal multi-select, reassign select). */
export function lookupMentions(
  teamId: string,
  userIds: string[],
  directory: UserDirectory,
): Promise<IncomingMention[]> {
  return Promise.all(
    userIds.map(async (id) => {
      const user = await directory.lookup(teamId, id);
      return {
        token: id,
        externalId: id,
        displayName: stripReservedCharacters(user.displayName),
        ...(user.timezone ? { timezone: user.timezone } : {}),
        ...(user.locale ? { locale: user.locale } : {}),
      };
    }),
  );
}

/** A Slack `ts` ("1700000000.000100") as a Date. */
export function tsToDate(ts: string | undefined): Date | undefined {
  if (!ts) return undefined;
  const seconds = Number(ts);
  return Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
}
