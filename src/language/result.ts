/** Building parse results: one place for the defaults of a command and the shape of a refusal. */
import type { Message } from "./message.js";
import type { CommandName, ParsedCommand, ParseErrorCode, ParseResult } from "./types.js";

/** A command read from the message, with the people it names and its task number unless `fields` say otherwise. */
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

/** A refusal: what is missing or not understood, the command it was for, and the words to quote back. */
export function fail(msg: Message, error: ParseErrorCode, command?: CommandName, fragment?: string): ParseResult {
  return { ok: false, error, locale: msg.locale, ...(command ? { command } : {}), ...(fragment ? { fragment } : {}) };
}
