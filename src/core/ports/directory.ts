/**
 * What the pipeline reads and records about workspaces, channels and people. Declared here, implemented by
 * src/services/directory-service.ts.
 */
import type { Actor } from "../handler.js";
import type { IncomingMention, IncomingMessage, Platform } from "../incoming.js";
import type { PeopleResolution } from "../named-people.js";
import type { ChannelSettingsView, PersonView } from "../task-view.js";

/** What the bot knows about the sender of a message and where it was written. */
export interface IncomingSession {
  channel: ChannelSettingsView;
  actor: Actor;
}

/** A day the workspace declared off, or a weekend day declared a working day. */
export interface DayOffView {
  /** YYYY-MM-DD */
  day: string;
  isWorkingDay: boolean;
  note: string | null;
}

type ChannelRef = { id: string; workspaceId: string };

export interface Directory {
  /** Records the workspace, the channel and the sender of `message` (seen at `now`). */
  recordIncoming(message: IncomingMessage, now: Date): Promise<IncomingSession>;
  getChannelSettings(channelId: string): Promise<ChannelSettingsView>;
  /** Names of the channel's members and pending people: the parser uses them to spot typed multi-word names. */
  knownNames(channel: ChannelRef): Promise<string[]>;
  /**
   * The workspace's declared days from `fromDay` (YYYY-MM-DD) on. The same array comes back while nothing changed,
   * so what is derived from it (a working calendar) may be kept by its identity.
   */
  recentDaysOff(workspaceId: string, fromDay: string): Promise<readonly DayOffView[]>;
  /** The people `tokens` name among the channel's members; ambiguous or unknown names create nothing. */
  resolvePeople(
    channel: ChannelRef,
    tokens: readonly string[],
    mentions: readonly IncomingMention[],
    options: { actorId: string; createPending: boolean; pinned?: readonly { name: string; person: PersonView }[] },
  ): Promise<PeopleResolution>;
  /** The writer of a typed name says who they meant: their pending person of that name becomes `person`. */
  confirmPendingPerson(
    channel: ChannelRef,
    writerId: string,
    name: string,
    person: PersonView,
  ): Promise<{ ok: true; taskIds: string[] } | { ok: false }>;
  /** Spends a one-time admin code for `member`; false when it is unknown, used or expired. */
  redeemAdminCode(platform: Platform, code: string, member: PersonView, now: Date): Promise<boolean>;
  /** Spends a code without effect (it was read by others). */
  burnAdminCode(code: string): Promise<void>;
}
