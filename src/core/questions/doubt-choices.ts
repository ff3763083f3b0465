/**
 * The choices offered for a doubtful command, decided as data (rendered in words later): the command as written,
 * and the readings the person most likely meant. A deadline already past: the same time on the next working day
 * still ahead, or (a new task) no deadline. A deadline on a day off: the working day before (when still ahead) or
 * after, at the same time. Another reading: that reading first, then the new task. A time word left in the title:
 * as written, or with that word as the deadline.
 */
import type { WorkingCalendar } from "../../calendar/index.js";
import { type DueResolution, type ParseDoubt, type ParsedCommand, parseDue } from "../../language/index.js";
import { atSameTimeOn, localIsoDate } from "./local-dates.js";

/** Why a choice differs from what was written, said after it. */
export type ChoiceNote = "overdue" | "next_working_day" | "previous_working_day" | "as_written";

export interface ChoiceDraft {
  command: ParsedCommand;
  note?: ChoiceNote;
}

export interface ChoiceContext {
  now: Date;
  timezone: string;
  endOfDayMinutes: number;
  calendar: WorkingCalendar;
}

/** The command as it will run once chosen: never asked about again. */
const settled = (command: ParsedCommand): ParsedCommand => ({ ...command, doubts: [] });

function withDeadline(command: ParsedCommand, due: DueResolution, deadline: Date): ParsedCommand {
  const shift = deadline.getTime() - due.deadline.getTime();
  return settled({ ...command, due: { ...due, deadline, start: new Date(due.start.getTime() + shift) } });
}

/** The first working day on or after `day` whose same local time is still ahead of now. */
function nextWorkingAhead(due: DueResolution, fromDay: string, context: ChoiceContext): Date {
  let day = context.calendar.isWorkingDay(fromDay) ? fromDay : context.calendar.nextWorkingDay(fromDay);
  for (let i = 0; i < 400; i++) {
    const at = atSameTimeOn(due.deadline, day, context.timezone);
    if (at.getTime() > context.now.getTime()) return at;
    day = context.calendar.nextWorkingDay(day);
  }
  return due.deadline;
}

function dueChoices(command: ParsedCommand, doubts: readonly ParseDoubt[], context: ChoiceContext): ChoiceDraft[] {
  const due = command.due;
  if (!due) return [{ command: settled(command) }];
  const past = doubts.some((d) => d.kind === "past_deadline");
  const dayOff = doubts.some((d) => d.kind === "day_off");
  const choices: ChoiceDraft[] = [{ command: settled(command), note: past ? "overdue" : "as_written" }];
  const day = localIsoDate(due.deadline, context.timezone);
  if (dayOff && !past) {
    const before = context.calendar.addWorkingDays(day, -1);
    const earlier = atSameTimeOn(due.deadline, before, context.timezone);
    if (earlier.getTime() > context.now.getTime()) {
      choices.push({ command: withDeadline(command, due, earlier), note: "previous_working_day" });
    }
  }
  if (dayOff || past) {
    const today = localIsoDate(context.now, context.timezone);
    const after = nextWorkingAhead(due, day < today ? today : context.calendar.nextWorkingDay(day), context);
    choices.push({ command: withDeadline(command, due, after), note: "next_working_day" });
  }
  if (past && command.command === "add") choices.push({ command: settled({ ...command, due: null }) });
  return choices.filter(
    (choice, i) =>
      choices.findIndex((c) => c.command.due?.deadline.getTime() === choice.command.due?.deadline.getTime()) === i,
  );
}

/** "lập báo cáo tháng 12" → also offered as "lập báo cáo", due the end of December, when the word reads as a date. */
function timeWordChoices(command: ParsedCommand, word: string, context: ChoiceContext): ChoiceDraft[] {
  const asWritten: ChoiceDraft = { command: settled(command), note: "as_written" };
  const due = parseDue(word, { ...context, endOfDayMinutes: context.endOfDayMinutes });
  const title = (command.title ?? "").replace(word, " ").replace(/\s+/g, " ").trim();
  if (!due || !title || command.due) return [asWritten];
  return [asWritten, { command: settled({ ...command, title, due }) }];
}

/** Commands that act on one numbered task. */
const NEEDS_TASK = new Set<ParsedCommand["command"]>([
  "show",
  "done",
  "reopen",
  "cancel",
  "due",
  "assign",
  "edit",
  "ack",
  "remind",
  "snooze",
]);

/** The choices for `command` given its doubts; at least one (the command as written, or the other reading). */
export function choicesFor(
  command: ParsedCommand,
  doubts: readonly ParseDoubt[],
  context: ChoiceContext,
): ChoiceDraft[] {
  const other = doubts.find((d) => d.kind === "other_reading");
  if (other?.kind === "other_reading") {
    // A change of a task that names no task cannot run: the reason asked about says so, the new task remains.
    const runnable = other.reading.taskRef !== null || !NEEDS_TASK.has(other.reading.command);
    return [...(runnable ? [{ command: settled(other.reading) }] : []), { command: settled(command) }];
  }
  const word = doubts.find((d) => d.kind === "time_word_in_title");
  if (word?.kind === "time_word_in_title" && !command.due) return timeWordChoices(command, word.word, context);
  return dueChoices(command, doubts, context);
}
