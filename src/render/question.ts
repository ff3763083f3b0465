import type { Locale } from "../core/incoming.js";
import type { QuestionWordsContext } from "../core/ports/index.js";
import type { PinnedPerson } from "../core/questions/question-types.js";
import { t } from "../i18n/index.js";
import { formatDue, type ParseDoubt, type ParsedCommand } from "../language/index.js";
import { renderDay } from "./settings.js";

export type QuestionRenderContext = QuestionWordsContext;

function dueText(command: ParsedCommand, context: QuestionRenderContext): string | null {
  return command.due ? formatDue(command.due, context.locale, context.timezone) : null;
}

function peopleText(command: ParsedCommand, context: QuestionRenderContext, pinned: readonly PinnedPerson[]): string {
  return command.assignees
    .map((name) => {
      const person = pinned.find((p) => p.name === name)?.person;
      const mention = context.mentions.find((m) => m.token === name);
      return `@${person?.displayName ?? mention?.displayName ?? name}`;
    })
    .join(", ");
}

/** What running `command` would do, in one line. */
export function describeCommand(
  command: ParsedCommand,
  context: QuestionRenderContext,
  pinned: readonly PinnedPerson[] = [],
): string {
  const { locale } = context;
  const number = command.taskRef ?? 0;
  const people = peopleText(command, context, pinned);
  switch (command.command) {
    case "add":
      return t(locale, "command.add", {
        title: command.title ?? "",
        assignees: people || null,
        due: dueText(command, context),
      });
    case "due":
      return t(locale, "command.due", { number, due: dueText(command, context) });
    case "remind":
      return t(locale, "command.remind", { number, due: dueText(command, context) });
    case "assign":
      return t(locale, "command.assign", { number, mode: command.assignMode ?? "replace", people });
    case "edit":
      return t(locale, "command.edit", { number, title: command.title ?? "" });
    case "done":
    case "reopen":
    case "cancel":
    case "ack":
    case "show":
      return t(locale, `command.${command.command}`, { number });
    default:
      return t(locale, "command.other", { command: command.command });
  }
}

/** Why the bot asks about `command`, one doubt. */
export function renderDoubt(doubt: ParseDoubt, command: ParsedCommand, context: QuestionRenderContext): string {
  const { locale } = context;
  switch (doubt.kind) {
    case "past_deadline":
      return t(locale, "doubt.past_deadline", { due: dueText(command, context) ?? "" });
    case "day_off":
      return t(locale, "doubt.day_off", {
        day: renderDay(doubt.day, locale),
        holiday: context.calendar.holidayName(doubt.day, locale),
      });
    case "time_word_in_title":
      return t(locale, "doubt.time_word_in_title", { word: doubt.word });
    case "other_reading":
      return t(locale, "doubt.other_reading", { cue: doubt.cue });
    case "ambiguous_name":
      return t(locale, "doubt.ambiguous_name", { name: doubt.name });
  }
}

/** The whole question: the reasons, the numbered choices, and how to answer. */
export function renderQuestion(reasons: readonly string[], labels: readonly string[], locale: Locale): string {
  return [
    t(locale, "question.ask", { reasons: reasons.join(" ") }),
    ...labels.map((label, i) => `${i + 1}. ${label}`),
    t(locale, "question.answer_hint", { count: labels.length }),
  ].join("\n");
}
