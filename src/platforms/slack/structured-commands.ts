import { stripReservedCharacters } from "../../core/reply.js";
import type { ParsedCommand } from "../../language/index.js";
import type { Locale } from "../../locale.js";
import type { Recurrence } from "../../recurrence/index.js";
import type { PickedDue } from "./picked-due.js";

/**
 * Buttons, menus and the modal already know what the person wants; they skip the text parser and reach the same
 * handlers through Bot.handle with these structured commands. `text` next to them (see {@link commandText}) is only
 * kept for the record.
 */
function base(command: ParsedCommand["command"], locale: Locale | null): ParsedCommand {
  return { command, taskRef: null, title: null, assignees: [], filter: null, due: null, locale, doubts: [] };
}

export function doneCommand(taskNumber: number, locale: Locale | null): ParsedCommand {
  return { ...base("done", locale), taskRef: taskNumber };
}

export function dueCommand(taskNumber: number, due: PickedDue, locale: Locale | null): ParsedCommand {
  return { ...base("due", locale), taskRef: taskNumber, due };
}

/** Snooze: no ping of the task before `until.deadline` (moved out of quiet hours by the planner). */
export function snoozeCommand(taskNumber: number, until: PickedDue, locale: Locale | null): ParsedCommand {
  return { ...base("snooze", locale), taskRef: taskNumber, due: until };
}

/** Reassign: the picked user replaces the current assignees. */
export function reassignCommand(taskNumber: number, userId: string, locale: Locale | null): ParsedCommand {
  return { ...base("assign", locale), taskRef: taskNumber, assignees: [userId], assignMode: "replace" };
}

export function addCommand(
  title: string,
  assigneeIds: string[],
  due: PickedDue | undefined,
  locale: Locale | null,
): ParsedCommand {
  return {
    ...base("add", locale),
    title: stripReservedCharacters(title).trim(),
    assignees: assigneeIds,
    due: due ?? null,
  };
}

/** A new recurring series from the Add task modal (its rule already made from the pickers). */
export function repeatCommand(
  title: string,
  assigneeIds: string[],
  recurrence: Recurrence,
  locale: Locale | null,
): ParsedCommand {
  return {
    ...base("repeat", locale),
    title: stripReservedCharacters(title).trim(),
    assignees: assigneeIds,
    recurrence,
  };
}

/** A readable slash-style line for the record, e.g. "/task due #12 2026-12-11". */
export function commandText(command: ParsedCommand): string {
  const parts = [`/task ${command.command}`];
  if (command.taskRef !== null) parts.push(`#${command.taskRef}`);
  if (command.title) parts.push(command.title);
  for (const id of command.assignees) parts.push(`@${id}`);
  if (command.due) parts.push(command.due.text);
  return parts.join(" ");
}
