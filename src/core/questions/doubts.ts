/**
 * Why a parsed command is not clearly what the person meant: the parser's own doubts (another reading, a time word
 * left in the title) and the ones that need the channel's calendar and the clock, checked here so they hold whatever
 * the parser says: a deadline already past, or on a day that is not a working day. One list, without repeats.
 */
import type { WorkingCalendar } from "../../calendar/index.js";
import type { ParseDoubt, ParsedCommand } from "../../language/index.js";
import { localIsoDate } from "./local-dates.js";

export interface DoubtContext {
  now: Date;
  timezone: string;
  calendar: WorkingCalendar;
}

/** Commands whose deadline is a task's deadline (a reminder's time is not checked against working days). */
const DEADLINE_COMMANDS = new Set<ParsedCommand["command"]>(["add", "due"]);

function sameDoubt(a: ParseDoubt, b: ParseDoubt): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "day_off":
      return a.day === (b as typeof a).day;
    case "time_word_in_title":
      return a.word === (b as typeof a).word;
    case "ambiguous_name":
      return a.name === (b as typeof a).name;
    case "other_reading":
      return a.cue === (b as typeof a).cue;
    default:
      return true;
  }
}

/** The doubts about `command`: the parser's, then the deadline's (past, day off), each once. */
export function findDoubts(command: ParsedCommand, context: DoubtContext): ParseDoubt[] {
  const doubts: ParseDoubt[] = [...(command.doubts ?? [])];
  const add = (doubt: ParseDoubt) => {
    if (!doubts.some((d) => sameDoubt(d, doubt))) doubts.push(doubt);
  };
  const due = command.due;
  if (due && DEADLINE_COMMANDS.has(command.command)) {
    if (due.deadline.getTime() < context.now.getTime()) add({ kind: "past_deadline" });
    const day = localIsoDate(due.deadline, context.timezone);
    if (!context.calendar.isWorkingDay(day)) add({ kind: "day_off", day });
  }
  return doubts;
}
