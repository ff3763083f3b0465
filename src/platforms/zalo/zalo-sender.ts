import { MAX_ZALO_MESSAGES_PER_REPLY } from "../../core/limits.js";
import type { Reply } from "../../core/reply.js";
import { toPlainText } from "../../core/reply.js";
import { OPEN_GATE, type SendGate } from "../../core/send-gate.js";
import { type MessageSender, SendError } from "../../core/sender.js";
import { t } from "../../i18n/index.js";
import { type BackoffOptions, backoffDelay } from "./backoff.js";
import { chunkText, ZALO_MAX_MESSAGE_LENGTH } from "./chunk-text.js";
import { ZaloApiError } from "./zalo-api-error.js";
import type { ZaloClient } from "./zalo-client.js";

export interface ZaloSenderOptions {
  /** Maximum length of one message in UTF-16 code units. Default 2000 (Zalo's limit). */
  maxMessageLength?: number;
  /** Suggested wait after a 429 without Retry-After (exponential with jitter). Defaults: 1 s base, 60 s cap. */
  rateLimitBackoff?: BackoffOptions;
  /**
   * The bot's rate gate: every sendMessage waits for it, replies to commands as well as the outbox's messages.
   * Default: none (tests); the app passes the gate of ZALO_MESSAGES_PER_SECOND.
   */
  gate?: SendGate;
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
  const gate = options.gate ?? OPEN_GATE;
  let rateLimitStreak = 0;
  return {
    platform: "zalo",
    async send(target: string, reply: Reply): Promise<{ externalMessageId?: string }> {
      const chunks = renderForZalo(reply, limit);
      let externalMessageId: string | undefined;
      for (const text of chunks) {
        await gate.wait();
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

/**
 * The plain-text messages for one reply, each within `limit`, at most MAX_ZALO_MESSAGES_PER_REPLY of them: a longer
 * list ends with "… và K việc nữa" (the tasks it could not show). An attachment cannot be sent (Zalo takes only URLs).
 */
export function renderForZalo(reply: Reply, limit = ZALO_MAX_MESSAGE_LENGTH): string[] {
  const chunks = chunkText(toPlainText(reply.text), limit);
  if (chunks.length <= MAX_ZALO_MESSAGES_PER_REPLY) return chunks;
  const kept = chunks.slice(0, MAX_ZALO_MESSAGES_PER_REPLY);
  // Room for the closing line in the last message, cut at a line break.
  const last = kept.pop() ?? "";
  const room = limit - FOOTER_ROOM;
  const cut = last.length <= room ? last : last.slice(0, Math.max(0, last.lastIndexOf("\n", room)) || room);
  kept.push(cut);
  const shown = kept.join("\n");
  const hidden = (reply.tasks ?? []).filter((task) => !new RegExp(`#${task.number}(?!\\d)`).test(shown)).length;
  const locale = reply.presentation?.locale ?? "vi";
  const footer = hidden > 0 ? t(locale, "reply.more_tasks", { count: hidden }) : t(locale, "reply.shortened");
  kept[kept.length - 1] = `${cut.trimEnd()}\n${footer}`;
  return kept;
}

/** Characters kept free at the end of a shortened reply's last message for its closing line. */
const FOOTER_ROOM = 200;

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
