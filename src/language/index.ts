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
export type {
  CommandName,
  DueResolution,
  Grain,
  ListFilter,
  ParseContext,
  ParsedCommand,
  ParseErrorCode,
  ParseResult,
  SettingKey,
} from "./types.js";
