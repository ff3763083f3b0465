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
import { canChangeTask } from "../services/permissions.js";
import { AppError } from "./errors.js";
import type { Bot } from "./handler.js";
import { createHandlerRegistry, type HandlerOverrides } from "./handler-registry.js";
import type { IncomingMessage, Locale } from "./incoming.js";
import {
  composeMiddleware,
  logCommands,
  type MessageContext,
  type Middleware,
  requireManagerForSettings,
} from "./middleware.js";
import { readAnswer } from "./questions/answer.js";
import { askAboutDoubts } from "./questions/ask.js";
import { findDoubts } from "./questions/doubts.js";
import type { PinnedPerson } from "./questions/question-types.js";
import type { Reply } from "./reply.js";
import type { Services } from "./services.js";
import type { PersonView } from "./task-view.js";

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
  /** Extra middleware, run after the built-in ones (logging, settings permission) and before the handler. */
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
    [logCommands<S>(), requireManagerForSettings<S>(), ...(options.middleware ?? [])],
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

  /** What the bot reads from a message before anything is decided: who wrote it where, and the command it says. */
  async function readMessage(message: IncomingMessage, now: Date): Promise<ReadMessage> {
    const session = await services.directory.recordIncoming(message, now);
    // The calendar and the names the parser looks for are independent reads: one round trip instead of two.
    const [calendar, knownNames] = await Promise.all([
      workingCalendar(session, now),
      needsKnownNames(message) ? services.directory.knownNames(session.channel.workspaceId) : undefined,
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

  /** The handler's context for `parsed`: the people it names resolved (those a question pinned as chosen). */
  async function buildContext(
    message: IncomingMessage,
    read: ReadMessage,
    now: Date,
    parsed: ParseResult = read.parsed,
    pinned: readonly PinnedPerson[] = [],
  ): Promise<MessageContext<S>> {
    const mentioned = parsed.ok ? await resolveNamed(read, parsed.command, message, pinned) : [];
    return {
      incoming: message,
      channel: read.channel,
      actor: read.actor,
      locale: read.locale,
      now,
      services,
      mentioned,
      calendar: read.calendar,
      parsed,
      logger,
    };
  }

  /** The command's people in order: a pinned name is that person, the others are resolved as typed. */
  async function resolveNamed(
    read: ReadMessage,
    command: ParsedCommand,
    message: IncomingMessage,
    pinned: readonly PinnedPerson[],
  ): Promise<PersonView[]> {
    const names = namedPeople(command);
    const open = names.filter((name) => !pinned.some((p) => p.name === name));
    const resolved =
      open.length > 0 || names.length === 0
        ? await services.directory.resolvePeople(read.channel.workspaceId, open, message.mentions)
        : [];
    if (pinned.length === 0) return resolved;
    const people: PersonView[] = [];
    for (const name of names) {
      const person = pinned.find((p) => p.name === name)?.person ?? resolved[open.indexOf(name)];
      if (person && !people.some((p) => p.id === person.id)) people.push(person);
    }
    return people;
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
      return present(await pipeline(await buildContext(chosen, read, now, parsed, answer.choice.people)));
    }
    if (claim && !claimsInTransaction(read.parsed) && (await services.directory.isEventProcessed(claim))) {
      return undefined;
    }
    const asked =
      read.parsed.ok && !message.command ? await askIfUnsure(message, read, read.parsed.command, now) : null;
    if (asked) return present(asked);
    if (read.parsed.ok) closeQuestion(claim, read, ended);
    return present(await pipeline(await buildContext(message, read, now)));
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
      const message = sanitizeIncoming(received);
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

/**
 * PostgreSQL text cannot hold NUL (error 22021) and its JSON refuses a lone UTF-16 surrogate, so either, typed or
 * pasted into a message or a platform name, failed the whole command as "system busy". Neither means anything in a
 * chat message: NUL is dropped and a lone surrogate becomes U+FFFD on the way in.
 */
function sanitizeIncoming(message: IncomingMessage): IncomingMessage {
  if (!UNSAFE_TEXT.test(JSON.stringify(message))) return message;
  const clean = (value: string) => value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
  const cleanOptional = (value: string | undefined) => (value === undefined ? undefined : clean(value));
  return {
    ...message,
    text: clean(message.text),
    workspace: {
      ...message.workspace,
      externalId: clean(message.workspace.externalId),
      name: cleanOptional(message.workspace.name),
    },
    channel: {
      ...message.channel,
      externalId: clean(message.channel.externalId),
      name: cleanOptional(message.channel.name),
    },
    sender: {
      ...message.sender,
      externalId: clean(message.sender.externalId),
      displayName: clean(message.sender.displayName),
    },
    mentions: message.mentions.map((m) => ({
      ...m,
      token: clean(m.token),
      displayName: clean(m.displayName),
      externalId: cleanOptional(m.externalId),
    })),
  };
}

/** How JSON.stringify writes a NUL or a lone surrogate. */
const UNSAFE_TEXT = /\\u(?:0000|d[89a-f][0-9a-f]{2})/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

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

/** The people a command names: its assignees, or the manager a settings change names ("+Lan" / "-Lan"). */
function namedPeople(command: ParsedCommand): string[] {
  if (command.assignees.length > 0) return command.assignees;
  const setting = command.settings;
  if (setting?.key === "manager" && setting.value && /^[+-]./.test(setting.value)) return [setting.value.slice(1)];
  return [];
}

function parseErrorReply(failure: Extract<ParseResult, { ok: false }>, context: { locale: Locale }): Reply {
  return { visibility: "private", isError: true, text: renderParseError(failure, context.locale) };
}

function notAvailableReply(command: CommandName, locale: Locale): Reply {
  return { visibility: "private", isError: true, text: t(locale, "error.not_available", { command }) };
}
