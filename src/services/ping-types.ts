/**
 * The shapes the ping modules share: a channel as pings see it, what planning and claiming return. Types only, so
 * every ping module can name them without importing another's code.
 */

import type { Platform } from "../core/incoming.js";
import type { Locale } from "../locale.js";
import type { ChannelSchedule, PingKind } from "../scheduling/index.js";

export interface ChannelPingContext {
  channelId: string;
  platform: Platform;
  /** The platform chat id. */
  target: string;
  locale: Locale;
  /** A private chat with the bot: its pings already reach the person, so there are no personal copies. */
  isPrivateChat: boolean;
  schedule: ChannelSchedule;
}

/** The contexts of channels by id; a channel that no longer exists maps to null. */
export type ChannelContexts = Map<string, ChannelPingContext | null>;

export interface PlannedPingRef {
  id: string;
  fireAt: Date;
}

export interface SyncResult {
  /** Every ping of the task now planned (each needs a job). */
  planned: PlannedPingRef[];
  /** Pings just cancelled (their jobs can go). */
  cancelled: string[];
}

/** A ping to plan: memberId is the recipient of a personal ping, null for the channel's. */
export interface DesiredPing {
  kind: PingKind;
  fireAt: Date;
  memberId: string | null;
}

export interface ClaimResult {
  /** The outbox row holding the merged message; null when every claimed ping turned out stale. */
  outboxId: string | null;
  platform: Platform;
  /** The pings the message carries (marked sent). */
  pingIds: string[];
  /** Pings found stale on the way and cancelled instead. */
  staleIds: string[];
  taskIds: string[];
  /** The message was claimed ahead of its time: send it at this instant (null: at once). */
  sendAfter: Date | null;
}

/** What became of a prepared message claimed afresh (PingService.reclaim). */
export interface Reclaimed {
  /** False when the row was no longer pending (being sent, or sent): nothing was changed. */
  withdrawn: boolean;
  /** The claim of its pings as they stand; null when none is still wanted. */
  result: ClaimResult | null;
  /** The tasks the withdrawn message carried: to be re-planned, like after any claim. */
  taskIds: string[];
}

/** A requested channel ping, as read before the claim's transaction. */
export interface ChannelPingRequest {
  pingId: string;
  channelId: string;
  fireAt: Date;
}

/** A requested personal ping, as read before the claim's transaction. */
export interface PersonalPingRequest extends ChannelPingRequest {
  memberId: string;
}
