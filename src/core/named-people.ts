/**
 * People a command names, as the bot resolves them: plain data shared by the directory (which finds them among the
 * channel's members) and the bot (which refuses or asks). A person is a member of the channel, never a name that
 * happens to match someone elsewhere in the workspace.
 */
import type { ParsedCommand } from "../language/index.js";
import type { IncomingMessage } from "./incoming.js";
import type { PersonView } from "./task-view.js";

/** Someone a typed name could mean. */
export interface CandidatePerson extends PersonView {
  /** When they last wrote in the channel (null for a pending person, who never wrote). */
  lastSeenAt: Date | null;
  /** A name typed before, still waiting for its person. */
  pending: boolean;
}

/** A typed name that more than one person of the channel answers to. */
export interface AmbiguousName {
  name: string;
  candidates: CandidatePerson[];
}

/** How the names of a command resolved: the people, or why not (nothing is written in that case). */
export type PeopleResolution =
  | { ok: true; people: PersonView[] }
  | { ok: false; ambiguous: AmbiguousName[]; unknown: string[] };

/**
 * Words that address a whole chat or a group, never one person: Slack's `@channel`, `@here`, `@everyone`, Zalo's
 * `@All`, and the Vietnamese "tất cả". A task for "everyone" has no one who answers for it.
 */
const BROADCAST_WORDS = new Set(["channel", "here", "everyone", "all", "tatca", "tat ca", "moinguoi", "moi nguoi"]);

/** Whether `token` (a name as written, without "@") addresses a group, given the groups the platform marked. */
export function isBroadcastName(token: string, message: Pick<IncomingMessage, "groupMentions">): boolean {
  const folded = token
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .trim();
  return BROADCAST_WORDS.has(folded) || (message.groupMentions ?? []).some((group) => group === token);
}

/** The people a command names: its assignees, or the manager a settings change names ("+Lan" / "-Lan"). */
export function namedPeople(command: ParsedCommand): string[] {
  if (command.assignees.length > 0) return command.assignees;
  const setting = command.settings;
  if (setting?.key === "manager" && setting.value && /^[+-]./.test(setting.value)) return [setting.value.slice(1)];
  return [];
}

/** Commands whose names may create a pending person (someone not seen yet); others only look people up. */
export function assignsPeople(command: ParsedCommand): boolean {
  return command.command === "add" || command.command === "assign";
}
