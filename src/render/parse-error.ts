import type { Locale } from "../core/incoming.js";
import { commandHelp, exampleFor, t } from "../i18n/index.js";
import type { CommandName, ParseResult } from "../language/index.js";

type ParseFailure = Extract<ParseResult, { ok: false }>;

/** What was not understood and the right form, with an example of the command the person seemed to mean. */
export function renderParseError(failure: ParseFailure, locale: Locale): string {
  const command: CommandName = failure.command ?? "add";
  const example = exampleFor(locale, command);
  const fragment = failure.fragment ?? null;
  switch (failure.error) {
    case "empty":
      return t(locale, "error.empty");
    case "unknown_command":
      return t(locale, "error.unknown_command", { fragment });
    case "missing_task_ref":
      return t(locale, "error.missing_task_ref", { command: commandHelp(locale, command).usage, example });
    case "missing_title":
      return t(locale, "error.missing_title", { example });
    case "bad_due":
      return t(locale, "error.bad_due", { fragment, example: exampleFor(locale, failure.command ?? "due") });
    case "missing_due":
      return t(locale, "error.missing_due", { example: exampleFor(locale, "due") });
    case "missing_assignee":
      return t(locale, "error.missing_assignee", { example: exampleFor(locale, failure.command ?? "assign") });
    case "bad_setting":
      return t(locale, "error.bad_setting", { fragment, example: exampleFor(locale, "settings") });
  }
}
