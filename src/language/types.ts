/** Public types of the language module; see index.ts for the functions. */

import type { WorkingCalendar } from "../calendar/index.js";
import type { Locale } from "../locale.js";
import type { Recurrence } from "../recurrence/types.js";

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
  /**
   * Set when the person gave no date but urgency ("gấp", "asap", "càng sớm càng tốt", "ngay lập tức"): the word
   * as typed and the rule that turned it into the deadline, so the reply can say what it was taken to mean.
   * "end_of_today": the end of today's working day (today is a working day and that hour is still ahead);
   * "end_of_next_working_day": otherwise, the end of the next working day.
   */
  vague?: { word: string; rule: "end_of_today" | "end_of_next_working_day" };
}

/**
 * A deadline moved by an amount from the task's current one ("gia hạn #3 thêm 2 ngày", "extend #3 by 2 days").
 * The parser cannot know the current deadline, so the due handler applies it (see applyDueShift).
 */
export interface DueShift {
  /** Negative moves the deadline earlier ("move #3 earlier by 1 day"). */
  amount: number;
  unit: "hour" | "day" | "week" | "month";
  /** Count working days of the channel's calendar ("thêm 3 ngày làm việc"). */
  workingDays: boolean;
}

export interface ParseContext {
  now: Date;
  /** IANA zone, e.g. "Asia/Ho_Chi_Minh". */
  timezone: string;
  /** Minutes after midnight a date-only deadline falls at. Default 1020 (17:00). */
  endOfDayMinutes?: number;
  /** Default: Monday–Friday plus Vietnamese public holidays. */
  calendar?: WorkingCalendar;
  /**
   * Display names of the channel's members, so "@Nguyễn Văn Lan" spans its words. Matched longest first, the exact
   * spelling before a spelling without diacritics; a name not among them is read by the capitalised-syllables rule
   * (see names.ts).
   */
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
  | "undo"
  // The organisation (src/language/org-phrases.ts): its tree, leaders, roll-up, dashboard link and sign-out.
  | "units"
  | "unit_leaders"
  | "rollup"
  | "dashboard"
  | "signout"
  // Recurring tasks (issue 18): a new series, and the series commands (list, stop, pause, resume, skip).
  | "repeat"
  | "series"
  // A workspace admin asks for the workspace's data to be deleted (src/language/data-phrases.ts).
  | "delete_data";

/** What an organisation sentence asks (see org-phrases.ts); unit names as typed. */
export type OrgRequest =
  | { action: "show" | "detach" }
  | { action: "attach"; unit: string; parent?: string }
  | { action: "rollup_channel"; unit: string }
  | { action: "rename"; unit: string; name: string }
  /** `confirmed`: the person chose "delete" when asked; a typed deletion is always asked about first. */
  | { action: "delete"; unit: string; confirmed?: boolean }
  | { action: "add_leaders" | "remove_leaders"; unit: string }
  | { action: "status" | "overdue" }
  | { action: "export"; format: "csv" | "xlsx"; withCancelled?: boolean }
  | { action: "link" | "signout" };

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
  /** "kèm việc đã hủy" / "with cancelled": the export lists cancelled tasks too (marked); without it they are left out. */
  exportWithCancelled?: boolean;
  /** For the organisation's commands: what is asked. */
  org?: OrgRequest;
  /** Language the message was written in, if evident. */
  locale: Locale | null;
  /** For due: the deadline moved by an amount from the current one; `due` is then null. */
  dueShift?: DueShift;
  /** Why the parser is not sure of this reading; empty when it is. See ParseDoubt. */
  doubts: ParseDoubt[];
  /** For repeat: the rule of the new series; for a series' reschedule, its new rule (absent: none was read). */
  recurrence?: Recurrence;
  /** For repeat: the rule lacks its day ("hằng tuần" alone); the bot asks which before anything is written. */
  recurrenceAsk?: RecurrenceAsk;
  /** delete_data: the admin chose "delete" when asked (only a question's choice carries it, never typed words). */
  confirmed?: boolean;
  /** For series: what to do, and the series it names ("#L3"; null for the list). */
  seriesAction?: SeriesAction;
  seriesRef?: number | null;
}

export type RecurrenceAsk = "weekday" | "monthday";
export type SeriesAction = "list" | "stop" | "pause" | "resume" | "skip" | "rename" | "assign" | "reschedule";

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
  | { ok: false; error: ParseErrorCode; command?: CommandName; fragment?: string; locale: Locale | null };
