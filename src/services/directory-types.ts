/** The shapes the directory's parts (session, people, channels, days off) share with their callers. Types only. */
import type { Actor } from "../core/handler.js";
import type { Locale } from "../core/incoming.js";
import type { ChannelSettingsView } from "../core/task-view.js";

/** What the bot knows about the sender of a message and where it was written. */
export interface IncomingSession {
  channel: ChannelSettingsView;
  actor: Actor;
}

export interface ChannelSettingsPatch {
  locale?: Locale;
  timezone?: string;
  endOfDayMinutes?: number;
  workingDays?: number[];
  summaryEnabled?: boolean;
  summaryCron?: string;
  /** The ping policy JSON the ping planner reads; null restores the default policy. */
  pingPolicy?: Record<string, unknown> | null;
}

export interface DayOffView {
  /** YYYY-MM-DD */
  day: string;
  isWorkingDay: boolean;
  note: string | null;
}

/** A person as a message describes them (sender or mention); fields left out are unknown, not empty. */
export interface MemberProfile {
  externalId: string;
  displayName: string;
  timezone?: string;
  isWorkspaceAdmin?: boolean;
  privateChatId?: string;
}

/** Where a change of declared days was made and by whom, for the channel's history. */
export interface DeclaredIn {
  channelId: string;
  actorId: string;
}
