import { createWorkingCalendar, type WorkingCalendar } from "../calendar/index.js";
import { t } from "../i18n/index.js";
import { type CommandName, type ParsedCommand, type ParseResult, parseMessage } from "../language/index.js";
import type { Logger } from "../logger.js";
import { renderParseError } from "../render/parse-error.js";
import { isDatabaseUnavailable } from "../services/database-errors.js";
import type { DayOffView, IncomingSession } from "../services/directory-service.js";
import {
  DuplicateEventError,
  type EventClaim,
  type QuestionOwner,
  runWithEventClaim,
} from "../services/event-claim.js";
import { authorize } from "./authorize.js";
import { cleanIncoming } from "./clean-incoming.js";
import { AppError } from "./errors.js";
import type { Bot } from "./handler.js";
import { createHandlerRegistry, type HandlerOverrides } from "./handler-registry.js";
import type { IncomingMessage, Locale } from "./incoming.js";
import { composeMiddleware, logCommands, type MessageContext, type Middleware } from "./middleware.js";
import { enforcePeopleLimits, resolveNamedPeople } from "./people-middleware.js";
import { canChangeTask, managesChannel } from "./permissions.js";
import { claimAdminCodes, confirmPendingPeople } from "./phrase-middleware.js";
import { readAnswer } from "./questions/answer.js";
import { askAboutDoubts } from "./questions/ask.js";
import { findDoubts } from "./questions/doubts.js";
import type { PinnedPerson } from "./questions/question-types.js";
import type { Reply } from "./reply.js";
import type { Services } from "./services.js";

/** A message as read: its session (channel and sender), the channel's calendar, and what it says. */
interface ReadMessage extends IncomingSession {
  calendar: WorkingCalendar;
  parsed: ParseResult;
  locale: Locale;
}

export interface BotOptions<S extends Services = Services> {
  services: S;
  logger: Logger;
  /** Handlers replacing or adding to the core's, by command name (e.g. the jobs engineer's remind/summary/export). */
  handlers?: HandlerOverrides<S>;
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

/**
 * The adapter-neutral entry point. For each message: drop own messages, drop duplicate deliveries (durably, via
 * ProcessedEvent), record workspace/channel/sender, parse with the channel's settings; an answer to the sender's open
 * question runs the chosen command; a command the bot is not sure of is asked about instead (see core/questions);
 * otherwise resolve the named people, run middleware, and dispatch to the handler registered for the command.
 */
export function createBot<S extends Services>(options: BotOptions<S>): Bot {
  const { services, logger } = options;
  const clock = options.now ?? (() => new Date()); // real time only when no clock is given (tests, tools)
  const registry = createHandlerRegistry(options.handlers);
  const pipeline = composeMiddleware<S>(
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
      if (!context.parsed.ok) return [parseErrorReply(context.parsed, context)];
      const handler = registry.get(context.parsed.command.command);
      if (!handler) return [notAvailableReply(context.parsed.command.command, context.locale)];
      const replies = await handler(context.parsed.command, context);
      return Array.isArray(replies) ? replies : [replies];
    },
  );

  /**
   * Calendars built from one remembered list of declared days (see recentDaysOff), by working week. A calendar
   * works out each year's holidays (Tết by the lunar calendar) on first use, so it is kept rather than rebuilt for
   * every message.
   */
  const calendars = new WeakMap<readonly DayOffView[], Map<string, WorkingCalendar>>();

  async function workingCalendar(session: IncomingSession, now: Date): Promise<WorkingCalendar> {
    const from = new Date(now.getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
    const days = await services.directory.recentDaysOff(session.channel.workspaceId, from);
    const byWeek = calendars.get(days) ?? new Map<string, WorkingCalendar>();
    calendars.set(days, byWeek);
    const week = session.channel.workingDays.join(",");
    let calendar = byWeek.get(week);
    if (!calendar) {
      calendar = createWorkingCalendar({
        workingDays: session.channel.workingDays,
        extraDaysOff: days.filter((d) => !d.isWorkingDay).map((d) => d.day),
        extraWorkingDays: days.filter((d) => d.isWorkingDay).map((d) => d.day),
      });
      byWeek.set(week, calendar);
    }
    return calendar;
  }

  /**
   * Where a command acts: the chat it was written in, or for a button the pressed task's own channel, with the
   * presser's rights there. A task of another workspace is as good as absent (the service then finds nothing).
   */
  async function actingScope(message: IncomingMessage, session: IncomingSession): Promise<IncomingSession> {
    const taskId = message.target?.taskId;
    if (!taskId) return session;
    const task = await services.tasks.findTaskById(taskId);
    if (!task || task.channelId === session.channel.id) return session;
    const channel = await services.directory.getChannelSettings(task.channelId);
    if (channel.workspaceId !== session.channel.workspaceId) return session;
    return { channel, actor: { ...session.actor, isManager: managesChannel(session.actor, channel) } };
  }

  /** What the bot reads from a message before anything is decided: who wrote it where, and the command it says. */
  async function readMessage(message: IncomingMessage, now: Date): Promise<ReadMessage> {
    const session = await actingScope(message, await services.directory.recordIncoming(message, now));
    // The calendar and the names the parser looks for are independent reads: one round trip instead of two.
    const [calendar, knownNames] = await Promise.all([
      workingCalendar(session, now),
      needsKnownNames(message) ? services.directory.knownNames(session.channel) : undefined,
    ]);
    const parsed: ParseResult = message.command
      ? { ok: true, command: message.command }
      : parseMessage(message.text, {
          now,
          timezone: session.channel.timezone,
          endOfDayMinutes: session.channel.endOfDayMinutes,
          calendar,
          knownNames: knownNames ?? [],
        });
    // The channel's language; the message's own language only when we could not understand it at all.
    const locale = !parsed.ok && parsed.locale ? parsed.locale : session.channel.locale;
    return { ...session, calendar, parsed, locale };
  }

  /**
   * The handler's context for `parsed`. The people it names are resolved by the resolveNamedPeople middleware;
   * `pinned` are those a question's answer fixed ("which @Hoa?" → this Hoa).
   */
  function buildContext(
    message: IncomingMessage,
    read: ReadMessage,
    now: Date,
    parsed: ParseResult = read.parsed,
    pinned: readonly PinnedPerson[] = [],
  ): MessageContext<S> {
    return {
      incoming: message,
      channel: read.channel,
      actor: read.actor,
      locale: read.locale,
      now,
      services,
      calendar: read.calendar,
      parsed,
      logger,
      pinned,
      ...(message.target ? { targetTaskId: message.target.taskId } : {}),
    };
  }

  /**
   * Whether a repeated delivery of this message is caught without reading ProcessedEvent first: the core's task
   * commands write only in the task service's transaction, which claims the event (a repeat rolls back there), or
   * write nothing and are marked afterwards. Others (settings, the jobs' remind / summary / export, any replaced
   * handler) write in other ways, so they look first, as every command once did.
   */
  function claimsInTransaction(parsed: ParseResult): boolean {
    if (!parsed.ok) return true;
    const name = parsed.command.command;
    return CLAIMED_IN_TRANSACTION.has(name) && !options.handlers?.[name];
  }

  /**
   * The message ends the sender's open question in this channel (a new command drops it, an answer settles it):
   * the claim written for the message deletes it in the same statement; a message without a delivery id (no claim)
   * deletes it afterwards.
   */
  function closeQuestion(claim: EventClaim | undefined, read: ReadMessage, ended: { owner?: QuestionOwner }) {
    const owner = { channelId: read.channel.id, memberId: read.actor.id };
    if (claim) claim.closesQuestion = owner;
    else ended.owner = owner;
  }

  /** The message, read, answered or asked about, or run through the middleware to its handler. */
  async function respond(
    message: IncomingMessage,
    claim: EventClaim | undefined,
    now: Date,
    ended: { owner?: QuestionOwner },
  ): Promise<Reply[] | undefined> {
    const read = await readMessage(message, now);
    const present = (replies: Reply[]) => withPresentation(replies, read);
    const answer = await readAnswer({
      ...read,
      message,
      now,
      claim,
      questions: services.questions,
      isProcessed: (c) => services.directory.isEventProcessed(c),
    });
    if (answer.kind === "reply") {
      if (answer.closes) closeQuestion(claim, read, ended);
      return present(answer.replies);
    }
    if (answer.kind === "choose") {
      closeQuestion(claim, read, ended);
      const chosen = { ...message, mentions: answer.question.mentions };
      const parsed: ParseResult = { ok: true, command: answer.choice.command };
      return present(await pipeline(buildContext(chosen, read, now, parsed, answer.choice.people)));
    }
    if (claim && !claimsInTransaction(read.parsed) && (await services.directory.isEventProcessed(claim))) {
      return undefined;
    }
    const asked =
      read.parsed.ok && !message.command ? await askIfUnsure(message, read, read.parsed.command, now) : null;
    if (asked) return present(asked);
    if (read.parsed.ok) closeQuestion(claim, read, ended);
    return present(await pipeline(buildContext(message, read, now)));
  }

  /**
   * The question to ask instead of running `command`, or null when it is clear. A change to a task the person may
   * not change, or that does not exist, is not asked about: the handler's refusal says more.
   */
  async function askIfUnsure(
    message: IncomingMessage,
    read: ReadMessage,
    command: ParsedCommand,
    now: Date,
  ): Promise<Reply[] | null> {
    const doubts = findDoubts(command, { now, timezone: read.channel.timezone, calendar: read.calendar });
    if (doubts.length === 0) return null;
    if (command.taskRef !== null && command.command !== "add") {
      const task = await services.tasks.findTask(read.channel.id, command.taskRef);
      if (task?.status !== "open" || !canChangeTask(task, read.actor)) return null;
    }
    return askAboutDoubts({ ...read, incoming: message, now, services }, command, doubts);
  }

  async function handleOnce(message: IncomingMessage, claim: EventClaim | undefined): Promise<Reply[]> {
    const now = clock();
    const ended: { owner?: QuestionOwner } = {};
    const replies = await runWithEventClaim(claim, () => respond(message, claim, now, ended));
    if (!replies) return [];
    // A question asked while handling this message (a middleware may ask too) is the one to keep.
    if (ended.owner && !replies.some((reply) => reply.question)) {
      await services.questions.drop(ended.owner.channelId, ended.owner.memberId);
    }
    // Commands that wrote claimed the event in their own transaction; the others are marked now.
    if (claim && !claim.claimed && !(await services.directory.markEventProcessed(claim))) return [];
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
        if (error instanceof DuplicateEventError) return [];
        if (error instanceof AppError) throw error;
        if (isDatabaseUnavailable(error)) {
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

/** Tells adapters how this channel shows dates (cards with buttons re-render due dates themselves). */
function withPresentation(replies: Reply[], context: Pick<MessageContext<Services>, "locale" | "channel">): Reply[] {
  const { locale, channel } = context;
  const presentation = { locale, timezone: channel.timezone, endOfDayMinutes: channel.endOfDayMinutes };
  return replies.map((reply) => ({ presentation, ...reply }));
}

/** See claimsInTransaction. */
const CLAIMED_IN_TRANSACTION: ReadonlySet<CommandName> = new Set<CommandName>([
  "add",
  "list",
  "show",
  "done",
  "reopen",
  "cancel",
  "due",
  "assign",
  "edit",
  "ack",
  "status",
  "help",
]);

/**
 * Known names only help to delimit typed "@Nguyễn Văn Lan" mentions. A message without "@", or whose every "@"
 * starts a mention the platform already resolved to a person (Slack's `@U123`), needs none: no query.
 */
function needsKnownNames(message: IncomingMessage): boolean {
  if (message.command) return false;
  const { text, mentions } = message;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    const resolved = mentions.some(
      (m) =>
        m.externalId !== undefined &&
        m.token !== "" &&
        text.startsWith(m.token, at + 1) &&
        !/[\p{L}\p{N}]/u.test(text[at + 1 + m.token.length] ?? ""),
    );
    if (!resolved) return true;
  }
  return false;
}

function parseErrorReply(failure: Extract<ParseResult, { ok: false }>, context: { locale: Locale }): Reply {
  return { visibility: "private", isError: true, text: renderParseError(failure, context.locale) };
}

function notAvailableReply(command: CommandName, locale: Locale): Reply {
  return { visibility: "private", isError: true, text: t(locale, "error.not_available", { command }) };
}
