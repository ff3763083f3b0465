/**
 * What the bot reads from a message before anything is decided: who wrote it where (or, for a button, the pressed
 * task's own channel), the channel's working calendar, and the command it says.
 */
import { createWorkingCalendar, type WorkingCalendar } from "../calendar/index.js";
import { type ParseResult, parseMessage } from "../language/index.js";
import type { IncomingMessage, Locale } from "./incoming.js";
import { managesChannel } from "./permissions.js";
import type { CoreServices, DayOffView, IncomingSession } from "./ports/index.js";

/** A message as read: its session (channel and sender), the channel's calendar, and what it says. */
export interface ReadMessage extends IncomingSession {
  calendar: WorkingCalendar;
  parsed: ParseResult;
  locale: Locale;
}

export type MessageReader = (message: IncomingMessage, now: Date) => Promise<ReadMessage>;

export function createMessageReader(services: Pick<CoreServices, "tasks" | "directory">): MessageReader {
  const workingCalendar = createCalendarCache(services.directory);
  return async (message, now) => {
    const session = await actingScope(services, message, await services.directory.recordIncoming(message, now));
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
  };
}

/**
 * Calendars built from one remembered list of declared days (see Directory.recentDaysOff), by working week. A
 * calendar works out each year's holidays (Tết by the lunar calendar) on first use, so it is kept rather than
 * rebuilt for every message.
 */
function createCalendarCache(directory: CoreServices["directory"]) {
  const calendars = new WeakMap<readonly DayOffView[], Map<string, WorkingCalendar>>();
  return async (session: IncomingSession, now: Date): Promise<WorkingCalendar> => {
    const from = new Date(now.getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
    const days = await directory.recentDaysOff(session.channel.workspaceId, from);
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
  };
}

/**
 * Where a command acts: the chat it was written in, or for a button the pressed task's own channel, with the
 * presser's rights there. A task of another workspace is as good as absent (the service then finds nothing).
 */
async function actingScope(
  services: Pick<CoreServices, "tasks" | "directory">,
  message: IncomingMessage,
  session: IncomingSession,
): Promise<IncomingSession> {
  const taskId = message.target?.taskId;
  if (!taskId) return session;
  const task = await services.tasks.findTaskById(taskId);
  if (!task || task.channelId === session.channel.id) return session;
  const channel = await services.directory.getChannelSettings(task.channelId);
  if (channel.workspaceId !== session.channel.workspaceId) return session;
  return { channel, actor: { ...session.actor, isManager: managesChannel(session.actor, channel) } };
}

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
