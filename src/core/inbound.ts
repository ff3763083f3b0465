import type { Platform } from "./incoming.js";

/**
 * Requests a platform adapter has verified and is about to acknowledge, kept durably until they are handled.
 * Slack does not resend a slash command it got a 200 for, and an event only when it got none: whatever sits between
 * the ack and the reply (a queue in memory, a crash, a deploy) must not be where a user's command can vanish.
 */
export interface InboundJournal {
  /**
   * Records a request before its ack, leased to this instance for `leaseMs`. Resolves with its id, or `undefined`
   * when a request with the same key is already pending (a redelivery). Rejects when the database is unavailable:
   * the caller then handles the request directly, as without a journal.
   */
  accept(request: InboundEntry, leaseMs: number): Promise<bigint | undefined>;
  /** Forgets handled requests. */
  complete(id: bigint): Promise<void>;
  /** Extends the lease of requests this instance is still handling. */
  renew(ids: bigint[], leaseMs: number): Promise<void>;
  /**
   * Takes over, oldest first, up to `limit` requests of `platform` whose lease ran out (their instance stopped or
   * died before handling them), leasing them to this instance; `exclude` are requests this instance holds already.
   */
  takeOver(platform: Platform, options: TakeOverOptions): Promise<PendingInbound[]>;
}

export interface InboundEntry {
  platform: Platform;
  /** The platform's id of the delivery; a second delivery with the same key while the first is pending is dropped. */
  key: string;
  payload: unknown;
}

export interface TakeOverOptions {
  limit: number;
  leaseMs: number;
  exclude: bigint[];
}

export interface PendingInbound {
  id: bigint;
  payload: unknown;
  /** How many times this request was taken over, counting this one. */
  takeovers: number;
}
