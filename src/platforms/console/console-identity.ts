import type { IncomingMention } from "../../core/incoming.js";

/**
 * The terminal chat has no accounts: a person is their name. The id is the name folded to lower case without
 * diacritics, so "@Lan", "@lan" and "@Lân"… stay distinct only where the letters differ ("lan" vs "lân" fold alike,
 * which is what a person typing on a phone expects).
 */
export function consoleUserId(name: string): string {
  return `u-${foldName(name)}`;
}

export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .trim();
}

const MENTION = /(^|[\s(,;:])@([\p{L}\p{N}_.-]+)/gu;

/** `@Lan` tokens in typed text become mentions carrying the terminal person's id. */
export function findConsoleMentions(text: string): IncomingMention[] {
  const mentions: IncomingMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const name = (match[2] ?? "").replace(/[.,;:!?]+$/, "");
    if (name === "" || mentions.some((mention) => mention.token === name)) continue;
    mentions.push({ token: name, externalId: consoleUserId(name), displayName: name });
  }
  return mentions;
}
