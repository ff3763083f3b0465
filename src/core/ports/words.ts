/**
 * The words the pipeline says itself, before or instead of a handler: refusals, "not understood", and the bot's
 * questions. Declared here so the pipeline stays free of rendering; implemented by src/render/pipeline-words.ts.
 */
import type { WorkingCalendar } from "../../calendar/index.js";
import type { ParseDoubt, ParsedCommand, ParseResult } from "../../language/index.js";
import type { IncomingMention, Locale } from "../incoming.js";
import type { PinnedPerson } from "../questions/question-types.js";
import type { PersonView, TaskView } from "../task-view.js";

export type ParseFailure = Extract<ParseResult, { ok: false }>;

/** What wording a question needs to know about the channel and the message. */
export interface QuestionWordsContext {
  locale: Locale;
  timezone: string;
  calendar: WorkingCalendar;
  /** The message's mentions: a Slack mention token (a user id) is named by its display name. */
  mentions: readonly IncomingMention[];
}

export interface PipelineWords {
  /** People as tokens the adapters turn into mentions; "nobody" for none. */
  people(people: readonly PersonView[], locale: Locale): string;
  /** "You can't change task #N": who may do it instead. */
  forbidden(task: TaskView | null, number: number, locale: Locale): string;
  /** What was not understood, and the right form with an example. */
  parseError(failure: ParseFailure, locale: Locale): string;
  /** What running `command` would do, in one line (a question's choice). */
  command(command: ParsedCommand, context: QuestionWordsContext, pinned?: readonly PinnedPerson[]): string;
  /** Why the bot asks about `command`. */
  doubt(doubt: ParseDoubt, command: ParsedCommand, context: QuestionWordsContext): string;
  /** The question: its reasons, the numbered choices and how to answer. */
  question(reasons: readonly string[], labels: readonly string[], locale: Locale): string;
}
