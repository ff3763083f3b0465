/** The shapes the directory's parts (session, people, channels, days off) share with their callers. Types only. */
import type { Locale } from "../core/incoming.js";
import type { DayOffView, IncomingSession } from "../core/ports/directory.js";

export type { DayOffView, IncomingSession };

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
