/**
 * Understanding deadlines and commands in Vietnamese and English. Pure: no I/O and no
 * clock (callers pass `now`); the only state is caches.
 */

export { createWorkingCalendar, type WorkingCalendar } from "../calendar/index.js";
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
