/** The shapes the directory's parts (session, people, channels, days off) share with their callers. Types only. */
import type { DayOffView, IncomingSession } from "../core/ports/directory.js";

export type { ChannelSettingsPatch } from "../core/setting-change.js";
export type { DayOffView, IncomingSession };

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
