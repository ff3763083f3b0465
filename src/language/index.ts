/**
 * Understanding deadlines and commands in Vietnamese and English. Pure: no I/O,
 * no clock (callers pass `now`), no globals beyond caches.
 */
export type {
  CommandName, DueResolution, Grain, ListFilter, ParseContext, ParsedCommand, ParseErrorCode, ParseResult, SettingKey,
} from "./types.js";
export { parseDue } from "./parse-due.js";
export { type WorkingCalendar, createWorkingCalendar } from "../calendar/index.js";
