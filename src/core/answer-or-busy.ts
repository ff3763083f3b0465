import { t } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import { AppError } from "./errors.js";
import type { Bot } from "./handler.js";
import type { IncomingMessage } from "./incoming.js";
import type { Reply } from "./reply.js";

/**
 * What every adapter says when the system itself failed (database down). In both languages: the channel's language
 * is a setting in the database that may be the very thing that cannot be read.
 */
export const BUSY_TEXT = `⏳ ${t("vi", "system.busy")} / ${t("en", "system.busy")}`;

/** The bot's replies to one message, or the busy answer in their place when the system failed. */
export type Answer = { ok: true; replies: Reply[] } | { ok: false; replies: [Reply] };

/**
 * The one place where a failure becomes the "busy, try again" answer: adapters call this instead of `bot.handle`.
 * The answer is an error reply, so each platform shows it the way it shows errors (Slack: only to the asker).
 */
export async function answerOrBusy(bot: Bot, incoming: IncomingMessage, logger: Logger): Promise<Answer> {
  try {
    return { ok: true, replies: await bot.handle(incoming) };
  } catch (error) {
    const code = error instanceof AppError ? error.code : "internal";
    // A database that is down is expected now and then (the user is told); anything else is a bug to look at.
    const level = code === "database_unavailable" ? "warn" : "error";
    // An AppError's code says what failed; its cause (a driver's error) is left out of the log.
    const err = error instanceof AppError ? undefined : error;
    logger[level]({ code, err, eventId: incoming.eventId }, "a message could not be handled");
    return { ok: false, replies: [{ visibility: "channel", text: BUSY_TEXT, isError: true }] };
  }
}
