/**
 * The adapter-neutral entry point. For each message: drop own messages, drop duplicate deliveries (durably, through
 * the event-dedupe port), record workspace/channel/sender, parse with the channel's settings, then answer it (see
 * respond.ts). Every collaborator comes in through BotOptions: the core knows the services, the words and the
 * handlers only by the interfaces it declares (src/core/ports, handler.ts).
 */
import type { Logger } from "../logger.js";
import { cleanIncoming } from "./clean-incoming.js";
import { AppError } from "./errors.js";
import type { Bot, HandlerDefinition } from "./handler.js";
import type { IncomingMessage } from "./incoming.js";
import type { Middleware } from "./middleware.js";
import type { CoreServices, EventClaim, EventDedupe, PipelineWords } from "./ports/index.js";
import type { Reply } from "./reply.js";
import { createResponder, type EndedQuestion } from "./respond.js";

export interface BotOptions<S extends CoreServices = CoreServices> {
  /** What handlers receive; at least the services the pipeline itself uses. */
  services: S;
  /** Every command's handler (handlers/index.ts). */
  handlers: readonly HandlerDefinition<S>[];
  /** How a delivery is claimed once (src/services/event-claim.ts). */
  events: EventDedupe;
  /** The words the pipeline says itself (src/render/pipeline-words.ts). */
  words: PipelineWords;
  /** Whether an error means the database could not be reached: the adapter then answers "busy, try again". */
  isUnavailable: (error: unknown) => boolean;
  logger: Logger;
  /** Extra middleware, run after the built-in ones (logging, permissions, people) and before the handler. */
  middleware?: Middleware<S>[];
  /**
   * Whether a message is the bot's own (or another bot's). Such messages are dropped before any database work, so
   * the bot never answers itself. Default: none are.
   */
  isOwnMessage?: (message: IncomingMessage) => boolean;
  /** The clock; default `() => new Date()`. */
  now?: () => Date;
}

export function createBot<S extends CoreServices>(options: BotOptions<S>): Bot {
  const { services, events, logger } = options;
  const clock = options.now ?? (() => new Date()); // real time only when no clock is given (tests, tools)
  const respond = createResponder(options);

  async function handleOnce(message: IncomingMessage, claim: EventClaim | undefined): Promise<Reply[]> {
    const now = clock();
    const ended: EndedQuestion = {};
    const replies = await events.runWithClaim(claim, () => respond(message, claim, now, ended));
    if (!replies) return [];
    // A question asked while handling this message (a middleware may ask too) is the one to keep.
    if (ended.owner && !replies.some((reply) => reply.question)) {
      await services.questions.drop(ended.owner.channelId, ended.owner.memberId);
    }
    // Commands that wrote claimed the event in their own transaction; the others are marked now.
    if (claim && !claim.claimed && !(await events.markProcessed(claim))) return [];
    return replies;
  }

  return {
    async handle(received) {
      const message = cleanIncoming(received);
      if (options.isOwnMessage?.(message)) return [];
      const claim: EventClaim | undefined = message.eventId
        ? { platform: message.platform, key: message.eventId, claimed: false }
        : undefined;
      try {
        return await handleOnce(message, claim);
      } catch (error) {
        if (events.isDuplicate(error)) return [];
        if (error instanceof AppError) throw error;
        if (options.isUnavailable(error)) {
          throw new AppError("database_unavailable", "the database is unavailable; try again shortly", {
            cause: error,
          });
        }
        logger.error({ err: error, platform: message.platform }, "unexpected error while handling a message");
        throw new AppError("internal", "unexpected error while handling a message", { cause: error });
      }
    },
  };
}
