/**
 * The caps on what one message may make the bot store or send, and the text hygiene applied to everything a person
 * names. One message once produced a 230,009-character title and 116 Zalo messages, and 1,000 `@uN` mentions made
 * 1,000 pending people: every limit of the bot lives here.
 */

/** Longest task title, in characters (code points). Longer text is cut, and the reply says so. */
export const MAX_TITLE_LENGTH = 500;
/** Longest name of a person, in characters (platform display names and typed names alike). */
export const MAX_NAME_LENGTH = 100;
/** Most assignees one command may name; more is refused, not cut (a cut list would drop real people). */
export const MAX_ASSIGNEES = 20;
/** Most one-off reminders a task may have waiting at once. */
export const MAX_PENDING_REMINDERS = 5;
/** Most Zalo messages one reply becomes; a longer list ends with "và K việc nữa / and K more". */
export const MAX_ZALO_MESSAGES_PER_REPLY = 5;

/**
 * Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) reorder what a reader sees ("U+202E"
 * shows "gpj.exe" as "exe.jpg"), and zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two different names
 * look alike. Neither belongs in a title or a name.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;

/** `text` without bidirectional controls and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** The first `max` characters of `text`, never splitting a surrogate pair. */
export function truncateCharacters(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max).join("");
}

/** A person's name as stored: visible characters only, single spaces, at most {@link MAX_NAME_LENGTH}. */
export function cleanName(name: string): string {
  return truncateCharacters(stripInvisible(name).replace(/\s+/g, " ").trim(), MAX_NAME_LENGTH).trim();
}

/** A task title as stored: visible characters only, at most {@link MAX_TITLE_LENGTH}; `cut` when it was longer. */
export function capTitle(title: string): { title: string; cut: boolean } {
  const clean = stripInvisible(title).trim();
  const capped = truncateCharacters(clean, MAX_TITLE_LENGTH).trimEnd();
  return { title: capped, cut: capped.length < clean.length };
}
