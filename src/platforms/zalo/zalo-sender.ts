import type { Reply } from "../../core/reply.js";
import { toPlainText } from "../../core/reply.js";
import { type MessageSender, SendError } from "../../core/sender.js";
import { type BackoffOptions, backoffDelay } from "./backoff.js";
import { chunkText, ZALO_MAX_MESSAGE_LENGTH } from "./chunk-text.js";
import { ZaloApiError } from "./zalo-api-error.js";
import type { ZaloClient } from "./zalo-client.js";

export interface ZaloSenderOptions {
  /** Maximum length of one message in UTF-16 code units. Default 2000 (Zalo's limit). */
  maxMessageLength?: number;
  /** Suggested wait after a 429 without Retry-After (exponential with jitter). Defaults: 1 s base, 60 s cap. */
  rateLimitBackoff?: BackoffOptions;
}

/**
 * Sends replies to a Zalo chat as plain text (Zalo renders no markup we can rely on): person tokens become names,
 * `*bold*` marks go, and text over the limit is split at line boundaries. Zalo keeps no history, so there is no
 * `wasDelivered`: the outbox decides by its own resend rule.
 *
 * A reply split into several messages is sent in order; if a later part fails, the earlier parts were delivered and
 * a retry sends them again (Zalo offers no way to check).
 */
export function createZaloSender(client: ZaloClient, options: ZaloSenderOptions = {}): MessageSender {
  const limit = options.maxMessageLength ?? ZALO_MAX_MESSAGE_LENGTH;
  let rateLimitStreak = 0;
  return {
    platform: "zalo",
    async send(target: string, reply: Reply): Promise<{ externalMessageId?: string }> {
      const chunks = renderForZalo(reply, limit);
      let externalMessageId: string | undefined;
      for (const text of chunks) {
        try {
          const sent = await client.sendMessage({ chat_id: target, text });
          externalMessageId ??= sent?.message_id;
          rateLimitStreak = 0;
        } catch (error) {
          throw toSendError(error, () =>
            backoffDelay(rateLimitStreak++, { baseDelayMs: 1000, maxDelayMs: 60_000, ...options.rateLimitBackoff }),
          );
        }
      }
      return { externalMessageId };
    },
  };
}

/** The plain-text messages for one reply, each within `limit`. An attachment cannot be sent (Zalo takes only URLs). */
export function renderForZalo(reply: Reply, limit = ZALO_MAX_MESSAGE_LENGTH): string[] {
  const text = toPlainText(reply.text);
  return chunkText(text, limit);
}

function toSendError(error: unknown, rateLimitDelay: () => number): SendError {
  if (error instanceof ZaloApiError) {
    const isRateLimited = error.error_code === 429;
    return new SendError(error.message, {
      platform: "zalo",
      method: error.method,
      retryable: error.isRetryable,
      status: error.status,
      code: error.error_code !== undefined ? String(error.error_code) : error.networkCode,
      retryAfterMs: isRateLimited ? (error.retryAfterMs ?? rateLimitDelay()) : undefined,
    });
  }
  return new SendError("Zalo sendMessage failed", { platform: "zalo", method: "sendMessage", retryable: true });
}
