/**
 * What every incoming message goes through before anything reads it, whatever the platform:
 * - NUL and lone UTF-16 surrogates: PostgreSQL text cannot hold NUL (error 22021) and its JSON refuses a lone
 *   surrogate, so either, typed or pasted into a message or a platform name, failed the whole command as "system
 *   busy". NUL is dropped and a lone surrogate becomes U+FFFD.
 * - bidirectional controls and zero-width characters (see limits.ts): removed from the text, from names and from a
 *   structured command's title, so no title or name can display as something it is not;
 * - names are cut to MAX_NAME_LENGTH.
 */
import type { IncomingMessage } from "./incoming.js";
import { cleanName, stripInvisible } from "./limits.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cleanText(value: string): string {
  return stripInvisible(value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD"));
}

const cleanOptional = (value: string | undefined) => (value === undefined ? undefined : cleanText(value));
/** A name as stored; a name made only of invisible characters falls back to the platform id. */
const cleanPersonName = (value: string, fallback: string) => cleanName(cleanText(value)) || cleanName(fallback);

export function cleanIncoming(message: IncomingMessage): IncomingMessage {
  const { command, channel } = message;
  return {
    ...message,
    text: cleanText(message.text),
    workspace: {
      ...message.workspace,
      externalId: cleanText(message.workspace.externalId),
      name: cleanOptional(message.workspace.name),
    },
    channel: {
      ...channel,
      externalId: cleanText(channel.externalId),
      name: cleanOptional(channel.name),
      ...(channel.creator
        ? {
            creator: {
              ...channel.creator,
              displayName: cleanPersonName(channel.creator.displayName, channel.creator.externalId),
            },
          }
        : {}),
    },
    sender: {
      ...message.sender,
      externalId: cleanText(message.sender.externalId),
      displayName: cleanPersonName(message.sender.displayName, message.sender.externalId),
    },
    mentions: message.mentions.map((m) => ({
      ...m,
      token: cleanText(m.token),
      displayName: cleanPersonName(m.displayName, m.externalId ?? m.token),
      externalId: cleanOptional(m.externalId),
    })),
    ...(command?.title ? { command: { ...command, title: cleanText(command.title) } } : {}),
  };
}
