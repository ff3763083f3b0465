/**
 * Each delivery of a platform event is acted on once: the bot claims it durably (a ProcessedEvent row), in the same
 * transaction as the command's write where there is one. Declared here, implemented over the database by
 * src/services/event-claim.ts and wired by the composition root.
 */
import type { Platform } from "../incoming.js";

/** One inbound delivery, identified by the platform's event id. `claimed` turns true once its row is written. */
export interface EventClaim {
  platform: Platform;
  key: string;
  claimed: boolean;
  /**
   * The open question of this person in this channel that handling the message ends (a new command drops it, an
   * answer settles it). Whatever statement writes the claim deletes the question in the same statement, so ending
   * it costs no round trip of its own.
   */
  closesQuestion?: QuestionOwner;
}

/** Whose question: the person asked, in the channel where they were asked. */
export interface QuestionOwner {
  channelId: string;
  memberId: string;
}

export interface EventDedupe {
  /**
   * Runs the handling of one message with `claim` as its claim, so a service that writes can claim the event inside
   * its own transaction without every call passing the claim along.
   */
  runWithClaim<T>(claim: EventClaim | undefined, work: () => Promise<T>): Promise<T>;
  /** Whether this delivery was already handled (a cheap read before doing any work). */
  isProcessed(claim: Pick<EventClaim, "platform" | "key">): Promise<boolean>;
  /** Marks a delivery handled; false when another delivery of the same event got there first. */
  markProcessed(claim: EventClaim): Promise<boolean>;
  /** Whether `error` says another delivery of the same event claimed it first (the write rolled back). */
  isDuplicate(error: unknown): boolean;
}
