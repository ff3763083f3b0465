/**
 * Understanding deadlines and commands in Vietnamese and English. Pure: no I/O and no
 * clock (callers pass `now`); the only state is caches.
 */
export type {
  CommandName, DueResolution, Grain, ListFilter, ParseContext, ParsedCommand, ParseErrorCode, ParseResult, SettingKey,
} from "./types.js";
export { parseDue } from "./parse-due.js";
export { parseCommand } from "./parse-command.js";
export { formatDue, formatRelative } from "./format.js";
export { errorMessage, commandExample } from "./messages.js";
export { fold } from "./fold.js";
export { type WorkingCalendar, createWorkingCalendar } from "../calendar/index.js";
