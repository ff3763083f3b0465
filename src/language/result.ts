/** Building parse results: one place for the defaults of a command and the shape of a refusal. */
import type { Message } from "./message.js";
import type { CommandName, ParsedCommand, ParseErrorCode, ParseResult } from "./types.js";

export function ok(msg: Message, command: CommandName, fields: Partial<ParsedCommand> = {}): ParseResult {
  const base: ParsedCommand = {
    command,
    taskRef: msg.ref?.ref ?? null,
    title: null,
    assignees: msg.mentions.map((m) => m.name),
    filter: null,
    due: null,
    locale: msg.locale,
    doubts: [],
  };
  return { ok: true, command: { ...base, ...fields } };
}

export function fail(msg: Message, error: ParseErrorCode, command?: CommandName, fragment?: string): ParseResult {
  return { ok: false, error, locale: msg.locale, ...(command ? { command } : {}), ...(fragment ? { fragment } : {}) };
}
