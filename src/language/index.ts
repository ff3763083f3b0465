/**
 * Understanding deadlines and commands in Vietnamese and English. Pure: no I/O and no
 * clock (callers pass `now`); the only state is caches and the work meter of the message being read (bounds.ts).
 */

export { createWorkingCalendar, type WorkingCalendar } from "../calendar/index.js";
export { applyDueShift } from "./due-shift.js";
export { fold } from "./fold.js";
export { formatDue, formatRelative } from "./format.js";
export { commandExample, errorMessage } from "./messages.js";
export { parseCommand } from "./parse-command.js";
export { parseDue } from "./parse-due.js";
export { parseMessage } from "./parse-message.js";
export { readShortAnswer, readUndo, type ShortAnswer } from "./short-replies.js";
export type {
  CommandName,
  DueResolution,
  DueShift,
  Grain,
  HelpTopic,
  ListFilter,
  ParseContext,
  ParseDoubt,
  ParsedCommand,
  ParseErrorCode,
  ParseResult,
  SettingKey,
} from "./types.js";
export { readWeekday, readWeekdays } from "./weekdays.js";
