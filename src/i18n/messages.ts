/**
 * The ids of every user-facing text and the parameters each one takes. Each locale implements a {@link Catalogue},
 * so a missing or mistyped message fails the type check, not a user.
 *
 * Parameters that name people are already person tokens (see src/core/reply.ts); due texts are already in words.
 */
import type { Locale } from "../locale.js";
import type { TerminalMessageParams } from "./terminal-params.js";

type Empty = Record<string, never>;

export interface MessageParams extends ConversationMessageParams {
  // Task replies
  "task.created": { number: number; title: string; assignees: string | null; due: string | null };
  "task.due_line": { absolute: string; relative: string | null };
  "task.no_due": Empty;
  "task.closed": { number: number; title: string };
  "task.part_done": { number: number; remaining: string };
  "task.all_finished": { number: number; title: string };
  "task.reopened": { number: number; title: string };
  "task.cancelled": { number: number; title: string };
  "task.due_changed": { number: number; oldDue: string; newDue: string };
  "task.due_removed": { number: number; oldDue: string };
  "task.assignees_changed": { number: number; oldAssignees: string; newAssignees: string };
  "task.renamed": { number: number; oldTitle: string; newTitle: string };
  "task.acknowledged": { number: number; title: string; due: string | null };
  /** How an urgency word with no date ("gấp", "asap") was read: by the end of today's or the next working day. */
  "task.vague_due": { word: string; nextWorkingDay: boolean };
  // Refusals and problems with a task
  "task.not_found": { number: number };
  "task.forbidden": { number: number; allowed: string };
  "task.conflict": { number: number };
  "task.not_assignee": { number: number };
  "task.already_closed": { number: number; status: string };
  "task.already_open": { number: number };
  "task.already_acknowledged": { number: number };
  "task.already_done_by_you": { number: number };
  "task.not_open": { number: number; status: string };
  "task.no_change": { number: number };
  "task.no_due_to_shift": { number: number };
  "task.withdrawn": { number: number };
  "task.assignee_unknown": { name: string };
  // Task words
  "status.open": Empty;
  "status.done": Empty;
  "status.cancelled": Empty;
  "status.withdrawn": Empty;
  "assignee.done": Empty;
  "assignee.acknowledged": Empty;
  "assignee.not_acknowledged": Empty;
  "people.nobody": Empty;
  "people.creator": Empty;
  "people.allowed": { creator: string; assignees: string | null };
  // Lists
  "list.title.mine": Empty;
  "list.title.assignee": { people: string };
  "list.title.overdue": Empty;
  "list.title.today": Empty;
  "list.title.week": Empty;
  "list.title.done": Empty;
  "list.title.open": Empty;
  "list.title.created": Empty;
  "list.empty": Empty;
  "list.more": { count: number };
  "group.overdue": Empty;
  "group.today": Empty;
  "group.week": Empty;
  "group.later": Empty;
  "group.no_due": Empty;
  "group.done": Empty;
  "group.cancelled": Empty;
  // Task card and history
  "card.creator": { creator: string; createdAt: string };
  "card.assignees": { assignees: string };
  /** A task's deadline on its card and in lists: "hạn: 17:00 thứ Sáu 11/12/2026 (còn 2 ngày)". */
  "card.due": { due: string };
  "card.status": { status: string };
  "card.closed": { by: string; at: string };
  "card.history": Empty;
  "history.created": { title: string };
  "history.closed": Empty;
  "history.assignee_done": { person: string };
  "history.reopened": Empty;
  "history.cancelled": Empty;
  "history.due_changed": { oldDue: string; newDue: string };
  "history.assignees_changed": { oldAssignees: string; newAssignees: string };
  "history.renamed": { oldTitle: string; newTitle: string };
  "history.acknowledged": { person: string };
  "history.acknowledged_self": Empty;
  "history.assignee_done_self": Empty;
  "history.other": { action: string };
  "history.system": Empty;
  "history.undone": { what: string };
  // Status
  "status.title.channel": Empty;
  "status.title.person": { person: string };
  "status.counts": { open: number; overdue: number; dueThisWeek: number; doneThisWeek: number };
  "status.on_time": { percent: number; onTime: number; withDue: number };
  "status.on_time_none": Empty;
  // Settings
  "settings.title": Empty;
  "settings.show": {
    language: string;
    timezone: string;
    endOfDay: string;
    workdays: string;
    summary: string;
    pings: string;
    managers: string;
    daysOff: string;
    makeUpDays: string;
  };
  "settings.summary_on": { schedule: string };
  "settings.summary_off": Empty;
  "settings.pings_on": { details: string | null };
  "settings.pings_off": Empty;
  "settings.pings_no_heads_up": Empty;
  "settings.pings_minutes_before": { minutes: number };
  "settings.pings_no_overdue": Empty;
  "settings.pings_morning": { time: string };
  "settings.pings_not_personal": Empty;
  "settings.language_name": { code: Locale };
  "settings.days_off_none": Empty;
  "settings.saved": { what: string; value: string };
  "settings.switched": { what: string; on: boolean; detail: string | null };
  "settings.days_saved": { days: string; count: number; working: boolean };
  "settings.days_removed": { days: string; working: boolean };
  "settings.days_not_declared": { days: string; working: boolean };
  "settings.forbidden": { managers: string };
  "settings.bad_value": { key: string; value: string; example: string };
  "settings.manager_added": { people: string };
  "settings.manager_removed": { people: string };
  "settings.manager_missing": Empty;
  "settings.label.language": Empty;
  "settings.label.timezone": Empty;
  "settings.label.endofday": Empty;
  "settings.label.workdays": Empty;
  "settings.label.summary": Empty;
  "settings.label.pings": Empty;
  "settings.label.manager": Empty;
  "settings.label.dayoff": Empty;
  // Parse errors: what was not understood and the right form
  "error.empty": Empty;
  "error.unknown_command": { fragment: string | null };
  "error.missing_task_ref": { command: string; example: string };
  "error.missing_title": { example: string };
  "error.bad_due": { fragment: string | null; example: string };
  "error.missing_due": { example: string };
  "error.missing_assignee": { example: string };
  "error.bad_setting": { fragment: string | null; example: string };
  "error.not_available": { command: string };
  /** The system itself failed (database down): nothing the person did wrong, and nothing was lost by them. */
  "system.busy": Empty;
  // Help
  "help.overview": Empty;
  "help.command": { usage: string; description: string; examples: string };
  "help.more": Empty;
}

/** The texts of the permission model, the caps and people resolution (src/i18n/*-permissions.ts). */
export interface PermissionMessageParams {
  "task.title_cut": { number: number; max: number };
  "people.too_many": { count: number; max: number };
  "people.broadcast": { name: string };
  "people.unknown": { names: string };
  "people.ambiguous": { name: string; candidates: string; howTo: string };
  "people.candidate": { person: string; hint: string };
  "people.candidate_seen": { at: string };
  "people.candidate_pending": Empty;
  "people.candidate_id": { id: string };
  "people.how_to_mention": Empty;
  "people.how_to_typed": { example: string };
  /** A command naming someone by full name, as an example. */
  "people.example_assign": { name: string };
  "people.same_full_name": Empty;
  "people.confirmed": { typed: string; person: string; count: number };
  "people.confirm_none": { typed: string };
  "settings.needs_admin": { what: string; hint: string };
  "settings.admin_hint_slack": Empty;
  "settings.admin_hint_zalo": Empty;
  "settings.admin_hint_console": Empty;
  "settings.what_dayoff": Empty;
  "settings.what_managers": Empty;
  "settings.manager_private_chat": Empty;
  "settings.manager_no_change": { people: string; mode: "add" | "remove" };
  "managers.list": { managers: string };
  "managers.none": Empty;
  "managers.history_title": Empty;
  "managers.history_added": { person: string; by: string; at: string };
  "managers.history_removed": { person: string; by: string; at: string };
  "managers.history_creator": { person: string; at: string };
  "remind.too_many": { number: number; max: number };
  "admin.claimed": Empty;
  "admin.claim_invalid": Empty;
  "admin.claim_in_group": Empty;
  "history.assignee_bound": { pending: string; person: string };
  "reply.more_tasks": { count: number };
  "reply.shortened": Empty;
}

/** The bot's questions (when a message is not clearly one command), their answers, and undo. */
export interface ConversationMessageParams {
  "question.ask": { reasons: string };
  "question.answer_hint": { count: number };
  "question.cancelled": Empty;
  "question.expired": { askedAt: string };
  "question.none": Empty;
  "question.pick": { count: number };
  "question.not_yours": Empty;
  "question.taken": Empty;
  "question.cancel_button": Empty;
  "question.chosen": { number: number; label: string };
  "question.dropped": Empty;
  "doubt.past_deadline": { due: string };
  "doubt.day_off": { day: string; holiday: string | null };
  "doubt.time_word_in_title": { word: string };
  "doubt.other_reading": { cue: string };
  "doubt.ambiguous_name": { name: string };
  "choice.note.overdue": Empty;
  "choice.note.next_working_day": Empty;
  "choice.note.previous_working_day": Empty;
  "choice.note.as_written": Empty;
  "command.add": { title: string; assignees: string | null; due: string | null };
  "command.due": { number: number; due: string | null };
  "command.assign": { number: number; mode: "replace" | "add" | "remove"; people: string };
  "command.edit": { number: number; title: string };
  "command.done": { number: number };
  "command.reopen": { number: number };
  "command.cancel": { number: number };
  "command.ack": { number: number };
  "command.show": { number: number };
  "command.remind": { number: number; due: string | null };
  "command.other": { command: string };
  "undo.withdrawn": { number: number; title: string };
  "undo.restored": { number: number; what: string };
  "undo.nothing": Empty;
  "undo.changed_since": { number: number; person: string };
}

/** Pings, reminders, snoozes, the weekly summary and exports (src/i18n/*-jobs.ts). */
export interface JobMessageParams {
  "ping.heads_up": Empty;
  "ping.hour_before": Empty;
  "ping.at_deadline": Empty;
  "ping.overdue": Empty;
  "ping.escalation": Empty;
  "ping.reminder": Empty;
  /** The first line of a message that pings several tasks at once. */
  "ping.header": { count: number };
  "ping.due": { due: string };
  "ping.unassigned": Empty;
  /** Said after an escalation's line, with a leading space. */
  "ping.cc_creator": { creator: string };
  /** Said after the line of a ping sent after its time (the bot was down), with a leading space. */
  "ping.sent_late": Empty;
  /** How late a deadline is: whole days, else hours, else minutes. */
  "lateness.day": { count: number };
  "lateness.hour": { count: number };
  "lateness.minute": { count: number };
  "remind.set": { number: number; when: string };
  "remind.moved": { number: number; when: string };
  "remind.needs_when": { number: number };
  "remind.past": { number: number };
  "remind.closed": { number: number };
  "remind.not_found": { number: number };
  "snooze.done": { number: number; when: string };
  "snooze.missing": { number: number };
  "snooze.past": { number: number };
  "export.ready": { count: number; format: string; cancelledLeftOut: number };
  /** The export file's name before its date, in ASCII (some mail systems mangle others). */
  "export.file_name": Empty;
  "export.sheet_tasks": Empty;
  "export.sheet_people": Empty;
  /** The sheet of the figures the chat's weekly summary gives, so the file and the chat can be compared. */
  "export.sheet_overview": Empty;
  "export.column.figure": Empty;
  "export.column.value": Empty;
  "export.figure.open": Empty;
  "export.figure.cancelled": Empty;
  /** The channel and the series (#L3) a task belongs to. */
  "export.column.channel": Empty;
  "export.column.series": Empty;
  /** The export's column headers, task statuses and yes/no cells. */
  "export.column.number": Empty;
  "export.column.task": Empty;
  "export.column.status": Empty;
  "export.column.assignees": Empty;
  "export.column.due": Empty;
  "export.column.completed_at": Empty;
  "export.column.on_time": Empty;
  "export.column.hours_late": Empty;
  "export.column.person": Empty;
  "export.column.open": Empty;
  "export.column.overdue": Empty;
  "export.column.done_last_week": Empty;
  "export.column.on_time_rate": Empty;
  "export.status.open": Empty;
  "export.status.done": Empty;
  "export.status.cancelled": Empty;
  "export.yes": Empty;
  "export.no": Empty;
  "summary.channel_not_found": Empty;
  "summary.title": { from: string; to: string };
  "summary.done": Empty;
  "summary.overdue": Empty;
  "summary.due_this_week": Empty;
  "summary.people": Empty;
  "summary.change": Empty;
  "summary.none": Empty;
  "summary.late": { lateness: string };
  "summary.on_time": Empty;
  "summary.not_on_time": Empty;
  "summary.due": { due: string };
  /** The recurring series a task in the summary is an occurrence of. */
  "summary.series": { number: number };
  "summary.unassigned": Empty;
  "summary.column.person": Empty;
  "summary.column.open": Empty;
  "summary.column.overdue": Empty;
  "summary.column.done": Empty;
  "summary.column.on_time": Empty;
  "summary.rate": Empty;
  /** The unit of a change in the on-time rate, with its leading space: "+5 điểm". */
  "summary.points": Empty;
}

export interface AllMessageParams
  extends MessageParams,
    PermissionMessageParams,
    JobMessageParams,
    TerminalMessageParams {}

export type MessageId = keyof AllMessageParams;

/** One locale's texts: a function per message id. */
export type Catalogue = { [K in MessageId]: (params: AllMessageParams[K]) => string };

/** The permission model's part of a locale's texts. */
export type PermissionCatalogue = {
  [K in keyof PermissionMessageParams]: (params: PermissionMessageParams[K]) => string;
};

/** The conversation part of a locale's texts (questions, answers, undo; kept in its own file). */
export type ConversationCatalogue = {
  [K in keyof ConversationMessageParams]: (params: ConversationMessageParams[K]) => string;
};

/** The jobs' part of a locale's texts (pings, reminders, summaries, exports; kept in its own file). */
export type JobCatalogue = { [K in keyof JobMessageParams]: (params: JobMessageParams[K]) => string };

/** The terminal chat's part of a locale's texts (kept in its own file). */
export type TerminalCatalogue = { [K in keyof TerminalMessageParams]: (params: TerminalMessageParams[K]) => string };
