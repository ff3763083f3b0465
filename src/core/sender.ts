import type { Platform } from "./incoming.js";
import type { Reply } from "./reply.js";

/**
 * How the outbox hands a message to a platform. Each adapter (Slack, Zalo, terminal) implements one; the outbox
 * worker (jobs/) decides when to call it (rate limits, retries), the sender only speaks the platform's API.
 */
export interface MessageSender {
  readonly platform: Platform;
  /**
   * Sends `reply` to the chat `target` (a platform channel or chat id). `outboxId` travels with the message where
   * the platform can carry it (Slack message metadata), so an in-doubt send can be checked later.
   * Throws a {@link SendError} on failure.
   */
  send(target: string, reply: Reply, meta: { outboxId: string }): Promise<{ externalMessageId?: string }>;
  /**
   * Whether a message carrying `outboxId` already reached `target` (Slack: channel history with metadata).
   * `undefined` when the platform keeps no history (Zalo): the caller then decides by its own resend rule.
   */
  wasDelivered?(target: string, outboxId: string, since: Date): Promise<boolean>;
}

/** A failed send. `retryAfterMs` is set when the platform asked us to wait (HTTP 429 Retry-After). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly options: {
      platform: Platform;
      method: string;
      /** Worth retrying (network error, 5xx, 408, 429); false for 400/401/403 and friends. */
      retryable: boolean;
      status?: number;
      code?: string;
      retryAfterMs?: number;
    },
  ) {
    super(message);
    this.name = "SendError";
  }
}
