import type { IncomingMention, IncomingMessage } from "../../core/incoming.js";
import { stripReservedCharacters } from "../../core/reply.js";
import { stripLeadingMention } from "./fold-name.js";
import type { ZaloBotInfo, ZaloMessage } from "./zalo-types.js";

/**
 * `@word` where the word is made of letters, digits and underscores: the only mention we can delimit on our own.
 * Zalo sends no mention entities, so a multi-word name ("@Nguyễn Văn An") is left to the core, which matches the
 * words after "@" against the names of members it has seen (knownNames).
 */
const MENTION_PATTERN = /(?<=^|[\s(,;])@([\p{L}\p{M}\p{N}_]+)/gu;

/**
 * Turns a Zalo text message into the one normalised message of the core. Returns undefined for messages the bot
 * must not answer (its own, or one without a sender or chat).
 *
 * - `eventId` is Zalo's `message_id`: the core dedupes on it durably, as redelivery is undocumented.
 * - In a GROUP the bot only receives messages that mention it or reply to it; a leading `@<bot name>` is removed
 *   so the same command language works as in a private chat.
 * - The workspace is the bot itself (Zalo has no workspace; one bot serves one organisation).
 * - Zalo names no admins: the sender is a workspace admin when the operator listed their id (ZALO_ADMIN_IDS), and
 *   explicitly not otherwise, so taking an id off the list takes the right away on their next message. (Admins who
 *   claimed the right with a one-time code are known to the core, not here.)
 */
export function normalizeMessage(
  message: ZaloMessage,
  bot: ZaloBotInfo,
  adminIds: ReadonlySet<string> = new Set(),
): IncomingMessage | undefined {
  if (!message?.from?.id || !message.chat?.id || message.from.is_bot) return undefined;
  const isPrivateChat = message.chat.chat_type === "PRIVATE";
  let text = stripReservedCharacters(message.text ?? message.caption ?? "")
    .normalize("NFC")
    .trim();
  if (!isPrivateChat) {
    const names = [bot.account_name, bot.display_name].filter((n): n is string => typeof n === "string");
    text = stripLeadingMention(text, names) ?? text;
  }
  const displayName = stripReservedCharacters(message.from.display_name?.trim() || message.from.id);
  return {
    platform: "zalo",
    workspace: { externalId: String(bot.id), name: bot.account_name },
    channel: { externalId: message.chat.id, isPrivateChat },
    sender: {
      externalId: message.from.id,
      displayName,
      isWorkspaceAdmin: adminIds.has(message.from.id),
      privateChatId: isPrivateChat ? message.from.id : undefined,
    },
    text,
    mentions: extractMentions(text),
    eventId: message.message_id,
    messageRef: message.message_id,
    // real time: when Zalo gives no date, the message was sent about when it arrived.
    sentAt: typeof message.date === "number" && Number.isFinite(message.date) ? new Date(message.date) : new Date(),
  };
}

/** Typed `@Tên` mentions, in order, without an externalId (Zalo gives none); the core resolves them by name. */
export function extractMentions(text: string): IncomingMention[] {
  return [...text.matchAll(MENTION_PATTERN)].map((match) => {
    const token = match[1] as string;
    return { token, displayName: token };
  });
}
