import type { Locale } from "../core/incoming.js";
import type { ParseFailure } from "../core/ports/index.js";
import { commandHelp, exampleFor, t } from "../i18n/index.js";
import type { CommandName } from "../language/index.js";

/** The longest piece of the person's text echoed back, in characters. */
const MAX_FRAGMENT_LENGTH = 80;

/**
 * A fragment is echoed back in the answer: a huge paste must not come back as a huge answer (Slack refuses a
 * section over 3,000 characters; Zalo would get dozens of 2,000-character messages).
 */
function shorten(fragment: string): string {
  const characters = [...fragment];
  return characters.length <= MAX_FRAGMENT_LENGTH
    ? fragment
    : `${characters.slice(0, MAX_FRAGMENT_LENGTH - 1).join("")}…`;
}

/** What was not understood and the right form, with an example of the command the person seemed to mean. */
export function renderParseError(failure: ParseFailure, locale: Locale): string {
  const command: CommandName = failure.command ?? "add";
  const example = exampleFor(locale, command);
  const fragment = failure.fragment ? shorten(failure.fragment) : null;
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
