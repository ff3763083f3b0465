import { answerOrBusy } from "../../core/answer-or-busy.js";
import type { Bot } from "../../core/handler.js";
import type { Reply } from "../../core/reply.js";
import { type MessageSender, SendError } from "../../core/sender.js";
import type { Logger } from "../../logger.js";
import { normalizeMessage } from "./normalize-update.js";
import type { ZaloClient } from "./zalo-client.js";
import type { ZaloBotInfo, ZaloMessage, ZaloUpdate } from "./zalo-types.js";

/**
 * Said for `message.unsupported.received`: Zalo withholds the content of some users' messages by law, so we can only
 * ask for the command again as typed text.
 */
export const UNSUPPORTED_TEXT =
  "🙏 Xin lỗi, Rõ Việc không đọc được tin nhắn này.\nBạn vui lòng gõ lại lệnh bằng chữ, ví dụ:\n" +
  "giao @Lan nộp báo cáo trước 17h thứ 6\n\nSorry, I could not read that message.\nPlease type your command as text.";

/** Said in a group when the answer went to the asker's private chat with the bot. */
export const SENT_PRIVATELY_TEXT = "📩 Đã trả lời riêng cho bạn. / Answered you privately.";

export interface UpdateProcessorOptions {
  client: ZaloClient;
  bot: Bot;
  sender: MessageSender;
  logger: Logger;
  /** The bot's own account (from getMe); the processor refuses work until it is known. */
  botInfo: () => ZaloBotInfo | undefined;
  /** How often "typing…" is renewed while the bot works, in milliseconds. Zalo shows it ≤ 5 s. Default 4000. */
  typingIntervalMs?: number;
  /** Zalo user ids the operator made workspace admins (ZALO_ADMIN_IDS). */
  adminIds?: ReadonlySet<string>;
}

/**
 * Where every Zalo update is handled, from the webhook, the poller or the journal: `process` never throws. Text messages go to the core (which dedupes on message_id durably); other kinds are ignored,
 * except unsupported messages, which get a polite answer once per message_id.
 */
export function createUpdateProcessor(options: UpdateProcessorOptions) {
  const { client, bot, sender, logger, typingIntervalMs = 4000 } = options;
  // Only for the polite answer to unsupported messages, which the core never sees; text dedupe is the core's.
  const answeredUnsupported = new Set<string>();

  async function reply(chatId: string, replies: Reply[], messageId: string, privateChatId?: string): Promise<void> {
    let notedInGroup = false;
    for (const [index, item] of replies.entries()) {
      const meta = { outboxId: `zalo:${messageId}:${index}` };
      try {
        // A question stays in the chat it was asked in: its answer must come from there (a reply to it, or
        // "@Rõ Việc 1").
        if (item.visibility === "private" && !item.keepInChat && privateChatId && privateChatId !== chatId) {
          if (await sendPrivately(sender, logger, privateChatId, item, meta)) {
            if (!notedInGroup) await sender.send(chatId, { visibility: "channel", text: SENT_PRIVATELY_TEXT }, meta);
            notedInGroup = true;
            continue;
          }
        }
        await sender.send(chatId, item, meta);
      } catch (error) {
        logger.error({ err: error, chatId, messageId }, "zalo reply failed");
      }
    }
  }

  async function handleText(message: ZaloMessage, me: ZaloBotInfo): Promise<void> {
    const incoming = normalizeMessage(message, me, options.adminIds);
    if (!incoming) return;
    const stopTyping = startTyping(client, logger, message.chat.id, typingIntervalMs);
    let replies: Reply[];
    try {
      // A failure of the system becomes the busy answer there (in the chat: an error reply is shown in place).
      ({ replies } = await answerOrBusy(bot, incoming, logger));
    } finally {
      await stopTyping();
    }
    const isGroup = message.chat.chat_type !== "PRIVATE";
    await reply(message.chat.id, replies, message.message_id, isGroup ? message.from.id : undefined);
  }

  async function process(update: ZaloUpdate): Promise<void> {
    const me = options.botInfo();
    const message = update.message;
    try {
      if (!me) throw new Error("update received before getMe");
      if (!message?.chat?.id || !message.from?.id || message.from.is_bot) return;
      switch (update.event_name) {
        case "message.text.received":
          return await handleText(message, me);
        case "message.unsupported.received":
          if (answeredUnsupported.has(message.message_id)) return;
          rememberBounded(answeredUnsupported, message.message_id, 1000);
          return await reply(message.chat.id, [{ visibility: "channel", text: UNSUPPORTED_TEXT }], message.message_id);
        default:
          // Images, stickers, voice and unknown events carry no command.
          logger.debug({ event: update.event_name }, "zalo update ignored");
      }
    } catch (error) {
      logger.error({ err: error, event: update.event_name }, "zalo update failed");
    }
  }

  return { process };
}

export type UpdateProcessor = ReturnType<typeof createUpdateProcessor>;

/**
 * A private reply to a group message goes to the person's own chat with the bot. Zalo refuses when that person
 * never wrote to the bot (a bot cannot start a conversation); the reply then goes to the group after all.
 */
async function sendPrivately(
  sender: MessageSender,
  logger: Logger,
  privateChatId: string,
  item: Reply,
  meta: { outboxId: string },
): Promise<boolean> {
  try {
    await sender.send(privateChatId, item, meta);
  } catch (error) {
    if (error instanceof SendError && error.options.retryable) throw error;
    logger.debug({ err: error }, "zalo private reply refused; answering in the group");
    return false;
  }
  return true;
}

/**
 * Sends "typing" now and every `intervalMs` until stopped. Stopping waits for the action in flight, so the
 * indicator never arrives after the answer. Failures only matter to the debug log.
 */
function startTyping(client: ZaloClient, logger: Logger, chatId: string, intervalMs: number): () => Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  const send = () => {
    inFlight = client
      .sendChatAction({ chat_id: chatId, action: "typing" }, { maxRetries: 0 })
      .catch((error: unknown) => logger.debug({ err: error }, "zalo typing action failed"));
  };
  send();
  const timer = setInterval(send, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return inFlight;
  };
}

function rememberBounded(set: Set<string>, value: string, max: number): void {
  set.add(value);
  if (set.size > max) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}
