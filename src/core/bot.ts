import { createWorkingCalendar, type WorkingCalendar } from "../calendar/index.js";
import { t } from "../i18n/index.js";
import { type CommandName, type ParseResult, parseCommand } from "../language/index.js";
import type { Logger } from "../logger.js";
import { renderParseError } from "../render/parse-error.js";
import { isDatabaseUnavailable } from "../services/database-errors.js";
import type { DayOffView, IncomingSession } from "../services/directory-service.js";
import { DuplicateEventError, type EventClaim, runWithEventClaim } from "../services/event-claim.js";
import { authorize } from "./authorize.js";
import { cleanIncoming } from "./clean-incoming.js";
import { AppError } from "./errors.js";
import type { Bot } from "./handler.js";
import { createHandlerRegistry, type HandlerOverrides } from "./handler-registry.js";
import type { IncomingMessage, Locale } from "./incoming.js";
import { composeMiddleware, logCommands, type MessageContext, type Middleware } from "./middleware.js";
import { enforcePeopleLimits, resolveNamedPeople } from "./people-middleware.js";
import { readManagersQuery } from "./permission-phrases.js";
import { managesChannel } from "./permissions.js";
import { claimAdminCodes, confirmPendingPeople } from "./phrase-middleware.js";
import type { Reply } from "./reply.js";
import type { Services } from "./services.js";

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
 * ProcessedEvent), record workspace/channel/sender, parse with the channel's settings, resolve the named people,
 * run middleware, and dispatch to the handler registered for the command.
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

  async function buildContext(message: IncomingMessage, now: Date): Promise<MessageContext<S>> {
    const session = await actingScope(message, await services.directory.recordIncoming(message, now));
    // The calendar and the names the parser looks for are independent reads: one round trip instead of two.
    const [calendar, knownNames] = await Promise.all([
      workingCalendar(session, now),
      needsKnownNames(message) ? services.directory.knownNames(session.channel) : undefined,
    ]);
    const structured = message.command ?? readManagersQuery(message.text);
    const parsed: ParseResult = structured
      ? { ok: true, command: structured }
      : parseCommand(message.text, {
          now,
          timezone: session.channel.timezone,
          endOfDayMinutes: session.channel.endOfDayMinutes,
          calendar,
          knownNames: knownNames ?? [],
        });
    return {
      incoming: message,
      channel: session.channel,
      actor: session.actor,
      // The channel's language; the message's own language only when we could not understand it at all.
      locale: !parsed.ok && parsed.locale ? parsed.locale : session.channel.locale,
      now,
      services,
      calendar,
      parsed,
      logger,
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

  async function handleOnce(message: IncomingMessage, claim: EventClaim | undefined): Promise<Reply[]> {
    const now = clock();
    const replies = await runWithEventClaim(claim, async () => {
      const context = await buildContext(message, now);
      if (claim && !claimsInTransaction(context.parsed) && (await services.directory.isEventProcessed(claim))) {
        return undefined;
      }
      return withPresentation(await pipeline(context), context);
    });
    if (!replies) return [];
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
function withPresentation(replies: Reply[], context: MessageContext<Services>): Reply[] {
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
