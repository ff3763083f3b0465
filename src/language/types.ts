/** Public types of the language module; see index.ts for the functions. */
import type { WorkingCalendar } from "../calendar/index.js";

export type Grain = "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year";

export interface DueResolution {
  /** The deadline instant. */
  deadline: Date;
  /** True when the person named a time of day (or a part of day such as "trưa mai"). */
  hasTime: boolean;
  /** Start of the period the phrase named (Duckling's value/interval start). */
  start: Date;
  grain: Grain;
  /** The phrase as found in the message. */
  text: string;
}

export interface ParseContext {
  now: Date;
  /** IANA zone, e.g. "Asia/Ho_Chi_Minh". */
  timezone: string;
  /** Minutes after midnight a date-only deadline falls at. Default 1020 (17:00). */
  endOfDayMinutes?: number;
  /** Default: Monday–Friday plus Vietnamese public holidays. */
  calendar?: WorkingCalendar;
  /** Display names known in the channel, so "@Nguyễn Văn Lan" can span words. */
  knownNames?: string[];
}

export type CommandName =
  | "add"
  | "list"
  | "show"
  | "done"
  | "reopen"
  | "cancel"
  | "due"
  | "assign"
  | "edit"
  | "status"
  | "summary"
  | "settings"
  | "help"
  | "remind"
  | "ack"
  | "export"
  | "snooze"
  | "undo";

export type ListFilter = "mine" | "assignee" | "overdue" | "today" | "week" | "done" | "open" | "created";

export type SettingKey =
  | "language"
  | "timezone"
  | "endofday"
  | "manager"
  | "workdays"
  | "summary"
  | "pings"
  | "dayoff"
  | "show";

export interface ParsedCommand {
  command: CommandName;
  /** "#12", "số 12", "việc 12", "task 12". */
  taskRef: number | null;
  /** For add/edit: the title without deadline words and mentions, diacritics exactly as typed. */
  title: string | null;
  /** Mentions as written, without "@". */
  assignees: string[];
  filter: ListFilter | null;
  due: DueResolution | null;
  assignMode?: "replace" | "add" | "remove";
  settings?: { key: SettingKey; value: string | null };
  helpTopic?: HelpTopic | null;
  exportFormat?: "csv" | "xlsx";
  /** Language the message was written in, if evident. */
  locale: "vi" | "en" | null;
  /** Why the parser is not sure of this reading; empty when it is. See ParseDoubt. */
  doubts: ParseDoubt[];
}

/**
 * A reason to ask the person before acting (the bot may ask instead of guessing):
 * - other_reading: the same text also reads as another command; `cue` is the words that suggest it (a change word
 *   such as "lùi" in a new-task reading, or "báo cáo tuần sau" read as a deadline rather than a title), `reading`
 *   the other command.
 * - past_deadline: the deadline resolved to a moment before `ctx.now`.
 * - day_off: the deadline falls on a day that is not a working day of `ctx.calendar` (`day`: ISO date).
 * - time_word_in_title: no deadline was read, but a time-like word stayed in the title ("báo cáo tháng 12").
 * - ambiguous_name: reserved for people resolution (two members fit a typed name); the parser never emits it.
 */
export type ParseDoubt =
  | { kind: "other_reading"; cue: string; reading: ParsedCommand }
  | { kind: "past_deadline" }
  | { kind: "day_off"; day: string }
  | { kind: "time_word_in_title"; word: string }
  | { kind: "ambiguous_name"; name: string };

/** What "trợ giúp <chủ đề>" / "help <topic>" can be about: a command, or the managers of a channel. */
export type HelpTopic = CommandName | "managers";

export type ParseErrorCode =
  | "empty"
  | "unknown_command"
  | "missing_task_ref"
  | "missing_title"
  | "bad_due"
  | "missing_due"
  | "missing_assignee"
  | "bad_setting";

export type ParseResult =
  | { ok: true; command: ParsedCommand }
  | { ok: false; error: ParseErrorCode; command?: CommandName; fragment?: string; locale: "vi" | "en" | null };
