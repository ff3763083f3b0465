/**
 * One message, read, then answered in one of three ways: an answer to the sender's open question runs the chosen
 * command; a command the bot is not sure of is asked about instead (see core/questions); anything else runs through
 * the middleware to the handler registered for its command.
 */
import { t } from "../i18n/index.js";
import type { CommandName, ParsedCommand, ParseResult } from "../language/index.js";
import type { Logger } from "../logger.js";
import { authorize } from "./authorize.js";
import type { HandlerDefinition } from "./handler.js";
import { createHandlerRegistry, type HandlerRegistry } from "./handler-registry.js";
import type { IncomingMessage } from "./incoming.js";
import { composeMiddleware, logCommands, type MessageContext, type Middleware } from "./middleware.js";
import { enforcePeopleLimits, resolveNamedPeople } from "./people-middleware.js";
import { canChangeTask } from "./permissions.js";
import { claimAdminCodes, confirmPendingPeople } from "./phrase-middleware.js";
import type { CoreServices, EventClaim, EventDedupe, PipelineWords, QuestionOwner } from "./ports/index.js";
import { readAnswer } from "./questions/answer.js";
import { askAboutDoubts } from "./questions/ask.js";
import { findDoubts } from "./questions/doubts.js";
import type { PinnedPerson } from "./questions/question-types.js";
import { createMessageReader, type ReadMessage } from "./read-message.js";
import type { Reply } from "./reply.js";

export interface ResponderOptions<S extends CoreServices> {
  services: S;
  handlers: readonly HandlerDefinition<S>[];
  events: EventDedupe;
  words: PipelineWords;
  logger: Logger;
  middleware?: Middleware<S>[];
}

/** The open question a message ends when it carries no claim to end it with (see closeQuestion). */
export type EndedQuestion = { owner?: QuestionOwner };

export type Responder = (
  message: IncomingMessage,
  claim: EventClaim | undefined,
  now: Date,
  ended: EndedQuestion,
) => Promise<Reply[] | undefined>;

/** The responder; it answers undefined for a repeated delivery caught before any work. */
export function createResponder<S extends CoreServices>(options: ResponderOptions<S>): Responder {
  const { services, events } = options;
  const registry = createHandlerRegistry(options.handlers, services);
  const pipeline = createPipeline(options, registry);
  const readMessage = createMessageReader(services);
  const context = (message: IncomingMessage, read: ReadMessage, now: Date, parsed = read.parsed, pinned = none) =>
    buildContext(options, { message, read, now, parsed, pinned });

  return async (message, claim, now, ended) => {
    const read = await readMessage(message, now);
    const present = (replies: Reply[]) => withPresentation(replies, read);
    const answer = await readAnswer({
      ...read,
      message,
      now,
      claim,
      questions: services.questions,
      isProcessed: (c) => events.isProcessed(c),
    });
    if (answer.kind === "reply") {
      if (answer.closes) closeQuestion(claim, read, ended);
      return present(answer.replies);
    }
    if (answer.kind === "choose") {
      closeQuestion(claim, read, ended);
      const chosen = { ...message, mentions: answer.question.mentions };
      const parsed: ParseResult = { ok: true, command: answer.choice.command };
      return present(await pipeline(context(chosen, read, now, parsed, answer.choice.people)));
    }
    if (claim && !claimsInTransaction(registry, read.parsed) && (await events.isProcessed(claim))) return undefined;
    const asked =
      read.parsed.ok && !message.command
        ? await askIfUnsure(services, context(message, read, now), read.parsed.command)
        : null;
    if (asked) return present(asked);
    if (read.parsed.ok) closeQuestion(claim, read, ended);
    return present(await pipeline(context(message, read, now)));
  };
}

const none: readonly PinnedPerson[] = [];

function createPipeline<S extends CoreServices>(options: ResponderOptions<S>, registry: HandlerRegistry<S>) {
  return composeMiddleware<S>(
    [
      logCommands<S>(),
      claimAdminCodes<S>(),
      confirmPendingPeople<S>(),
      enforcePeopleLimits<S>(),
      authorize<S>(),
      resolveNamedPeople<S>(),
      ...(options.middleware ?? []),
    ],
    async (context) => {
      if (!context.parsed.ok) return [parseErrorReply(context)];
      const handler = registry.get(context.parsed.command.command);
      if (!handler) return [notAvailableReply(context.parsed.command.command, context)];
      const replies = await handler.handle(context.parsed.command, context);
      return Array.isArray(replies) ? replies : [replies];
    },
  );
}

/**
 * The handler's context for `parsed`. The people it names are resolved by the resolveNamedPeople middleware;
 * `pinned` are those a question's answer fixed ("which @Hoa?" → this Hoa).
 */
function buildContext<S extends CoreServices>(
  options: ResponderOptions<S>,
  input: {
    message: IncomingMessage;
    read: ReadMessage;
    now: Date;
    parsed: ParseResult;
    pinned: readonly PinnedPerson[];
  },
): MessageContext<S> {
  const { message, read } = input;
  return {
    incoming: message,
    channel: read.channel,
    actor: read.actor,
    locale: read.locale,
    now: input.now,
    services: options.services,
    words: options.words,
    calendar: read.calendar,
    parsed: input.parsed,
    logger: options.logger,
    pinned: input.pinned,
    ...(message.target ? { targetTaskId: message.target.taskId } : {}),
  };
}

/** Whether a repeated delivery of this message is caught without reading ProcessedEvent first (see the handler). */
function claimsInTransaction<S>(registry: HandlerRegistry<S>, parsed: ParseResult): boolean {
  if (!parsed.ok) return true;
  return registry.get(parsed.command.command)?.claimsInTransaction ?? false;
}

/**
 * The message ends the sender's open question in this channel (a new command drops it, an answer settles it):
 * the claim written for the message deletes it in the same statement; a message without a delivery id (no claim)
 * deletes it afterwards.
 */
function closeQuestion(claim: EventClaim | undefined, read: ReadMessage, ended: EndedQuestion) {
  const owner = { channelId: read.channel.id, memberId: read.actor.id };
  if (claim) claim.closesQuestion = owner;
  else ended.owner = owner;
}

/**
 * The question to ask instead of running `command`, or null when it is clear. A change to a task the person may
 * not change, or that does not exist, is not asked about: the handler's refusal says more.
 */
async function askIfUnsure<S extends CoreServices>(
  services: S,
  context: MessageContext<S>,
  command: ParsedCommand,
): Promise<Reply[] | null> {
  const { now, channel, calendar, actor } = context;
  if (!calendar) return null;
  const doubts = findDoubts(command, { now, timezone: channel.timezone, calendar });
  if (doubts.length === 0) return null;
  if (command.taskRef !== null && command.command !== "add") {
    const task = await services.tasks.findTask(channel.id, command.taskRef);
    if (task?.status !== "open" || !canChangeTask(task, actor)) return null;
  }
  return askAboutDoubts(context, command, doubts);
}

/** Tells adapters how this channel shows dates (cards with buttons re-render due dates themselves). */
function withPresentation(replies: Reply[], read: ReadMessage): Reply[] {
  const { locale, channel } = read;
  const presentation = { locale, timezone: channel.timezone, endOfDayMinutes: channel.endOfDayMinutes };
  return replies.map((reply) => ({ presentation, ...reply }));
}

function parseErrorReply<S extends CoreServices>(context: MessageContext<S>): Reply {
  if (context.parsed.ok) throw new Error("parseErrorReply needs a failed parse");
  return { visibility: "private", isError: true, text: context.words.parseError(context.parsed, context.locale) };
}

function notAvailableReply<S extends CoreServices>(command: CommandName, context: MessageContext<S>): Reply {
  return { visibility: "private", isError: true, text: t(context.locale, "error.not_available", { command }) };
}
