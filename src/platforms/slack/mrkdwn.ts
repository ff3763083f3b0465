import { renderPersonTokens, stripReservedCharacters } from "../../core/reply.js";
import type { PersonView } from "../../core/task-view.js";

/**
 * Slack's escaping rule for text we send: `&`, `<` and `>` become entities, so user text (a title, a typed name)
 * can never form `<@U…>`, `<!channel>` or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A person as Slack shows them: a real mention for a member with a Slack id, the escaped name otherwise. */
export function renderPerson(person: PersonView): string {
  return isSlackUserId(person.externalId) ? `<@${person.externalId}>` : escapeMrkdwn(person.displayName);
}

/**
 * Reply text → Slack mrkdwn. Reply text is plain apart from `*bold*` and person tokens: escape everything first
 * (the token characters are untouched by escaping), then turn tokens into mentions.
 */
export function renderReplyText(text: string): string {
  // The token's name was escaped with the rest of the text: only the mention form is added here.
  return renderPersonTokens(escapeMrkdwn(text), (person) =>
    isSlackUserId(person.externalId) ? `<@${person.externalId}>` : person.displayName,
  );
}

function isSlackUserId(id: string | null): id is string {
  return id !== null && /^[UW][A-Z0-9]+$/.test(id);
}

/** The text of a mention as it appears in Slack's message text, `<@U123>` or `<@U123|name>`. */
export const SLACK_MENTION_PATTERN = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;

/**
 * Slack message text → our command text. `<@U123|lan>` becomes `@U123` (the mention's token is the user id),
 * channels become `#name`, links their URL or label, `<!here>` `@here`; entities are decoded last so a user's
 * literal `&lt;` stays text. Characters reserved for person tokens are removed.
 */
export function normalizeSlackText(text: string): string {
  const converted = text
    .replace(SLACK_MENTION_PATTERN, (_m, id: string) => `@${id}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(SUBTEAM_PATTERN, (_m, id: string, name?: string) => `@${subteamToken(id, name)}`)
    .replace(/<(https?:\/\/[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label || url)
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, "$1");
  const decoded = converted.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
  return stripReservedCharacters(decoded).trim();
}

/** A user group mention, `<!subteam^S123|@admins>`. */
const SUBTEAM_PATTERN = /<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>/g;

/** The `@token` a user group becomes in our text: its handle without "@", else its id. */
function subteamToken(id: string, name: string | undefined): string {
  const handle = (name ?? "").replace(/^@+/, "").replace(/\s+/g, "");
  return stripReservedCharacters(handle) || id;
}

/**
 * The tokens of Slack's group mentions in `text` (`<!channel>`, `<!here>`, `<!everyone>`, user groups), as they
 * stand after `@` in {@link normalizeSlackText}'s output: the core never takes them for people.
 */
export function groupMentionTokens(text: string): string[] {
  const tokens = [...text.matchAll(/<!(here|channel|everyone)(?:\|[^>]*)?>/g)].map((m) => m[1] as string);
  for (const match of text.matchAll(SUBTEAM_PATTERN)) tokens.push(subteamToken(match[1] as string, match[2]));
  return [...new Set(tokens)];
}

/** User ids mentioned in Slack text, in order of first appearance. */
export function mentionedUserIds(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(SLACK_MENTION_PATTERN)) {
    const id = match[1] as string;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Removes the bot's own mention at the start of an app_mention / DM text. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text;
  const pattern = new RegExp(`^\\s*<@${botUserId}(?:\\|[^>]*)?>[\\s:,]*`);
  return text.replace(pattern, "");
}

/** Splits text into pieces of at most `limit` characters, preferring line breaks (Slack's 3000-char sections). */
export function splitText(text: string, limit = 3000): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf("\n", limit);
    if (cut <= 0) cut = limit;
    // Never cut inside an entity or a mention.
    const open = rest.lastIndexOf("<", cut);
    if (open > rest.lastIndexOf(">", cut) && open > 0) cut = open;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 5 && amp > 0 && !rest.slice(amp, cut).includes(";")) cut = amp;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
