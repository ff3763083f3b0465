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
  | "snooze";

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
  helpTopic?: CommandName | null;
  exportFormat?: "csv" | "xlsx";
  /** Language the message was written in, if evident. */
  locale: "vi" | "en" | null;
}

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
