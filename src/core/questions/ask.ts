/**
 * Asking instead of guessing: the bot stores a question with numbered choices and answers with it; nothing of the
 * message is written until the person answers (see answer.ts). Any part of the core asks through
 * {@link askToChoose}; the parser's doubts and the deadline checks go through {@link askAboutDoubts}.
 */
import type { WorkingCalendar } from "../../calendar/index.js";
import { t } from "../../i18n/index.js";
import type { ParseDoubt, ParsedCommand } from "../../language/index.js";
import type { Actor } from "../handler.js";
import type { IncomingMessage, Locale } from "../incoming.js";
import type { PipelineWords } from "../ports/words.js";
import type { Reply } from "../reply.js";
import type { ChannelSettingsView, PersonView } from "../task-view.js";
import { type ChoiceContext, choicesFor } from "./doubt-choices.js";
import { type PinnedPerson, QUESTION_TTL_MS, type QuestionChoice, type QuestionStore } from "./question-types.js";

/** What asking needs to know about the message; a handler's or middleware's context has all of it. */
export interface AskContext {
  incoming: IncomingMessage;
  channel: ChannelSettingsView;
  actor: Actor;
  locale: Locale;
  now: Date;
  calendar?: WorkingCalendar;
  services: { questions: QuestionStore };
  words: Pick<PipelineWords, "command" | "doubt" | "question">;
}

/** One choice offered: the command it runs, and optionally its words and the people it pins. */
export interface ChoiceOffer {
  command: ParsedCommand;
  /** The words of the choice; default: what the command does ("Tạo việc "…", hạn …"). */
  label?: string;
  /** Typed names the command uses, pinned to one person each ("@Hoa" → this Hoa). */
  people?: PinnedPerson[];
  /** Said after the words: what tells this choice from the others (" — nhắn ở đây lần cuối 09:00 …"). */
  note?: string;
}

/**
 * Asks the person who wrote the message to choose among `choices` (at most 9), for the `reasons` given (already in
 * the channel's language). Stores the question (replacing their open one in this channel) and returns the reply
 * that asks it. Writes no task: the chosen command runs later through the same path as a typed one.
 */
export async function askToChoose(
  context: AskContext,
  question: { reasons: string[]; choices: ChoiceOffer[] },
): Promise<Reply[]> {
  const render = {
    locale: context.locale,
    timezone: context.channel.timezone,
    calendar: requireCalendar(context),
    mentions: context.incoming.mentions,
  };
  const choices: QuestionChoice[] = question.choices.slice(0, 9).map((offer) => ({
    command: { ...offer.command, doubts: [] },
    label: withNote(offer.label ?? context.words.command(offer.command, render, offer.people), offer.note),
    ...(offer.people?.length ? { people: offer.people } : {}),
  }));
  const stored = await context.services.questions.ask({
    channelId: context.channel.id,
    askerId: context.actor.id,
    choices,
    mentions: context.incoming.mentions,
    askedAt: context.now,
    expiresAt: new Date(context.now.getTime() + QUESTION_TTL_MS),
  });
  const labels = choices.map((choice) => choice.label);
  return [
    {
      visibility: "private",
      keepInChat: true,
      text: context.words.question(question.reasons, labels, context.locale),
      question: {
        questionId: stored.id,
        choices: labels.map((label, i) => ({ number: i + 1, label })),
        cancelLabel: t(context.locale, "question.cancel_button"),
      },
    },
  ];
}

/**
 * "Which @Hoa?": the same command once per person the typed name fits, each pinned to that person; `hints` (by
 * member id) say what tells people of the same name apart.
 */
export function askWhichPerson(
  context: AskContext,
  command: ParsedCommand,
  name: string,
  candidates: readonly PersonView[],
  hints: ReadonlyMap<string, string> = new Map(),
): Promise<Reply[]> {
  return askToChoose(context, {
    reasons: [t(context.locale, "doubt.ambiguous_name", { name })],
    choices: candidates.map((person) => ({ command, people: [{ name, person }], note: hints.get(person.id) })),
  });
}

function withNote(label: string, note: string | undefined): string {
  return note ? `${label}${note}` : label;
}

/** Asks about a parsed command the bot is not sure of: why (each doubt), and the readings to choose from. */
export function askAboutDoubts(
  context: AskContext & { channel: ChannelSettingsView },
  command: ParsedCommand,
  doubts: readonly ParseDoubt[],
): Promise<Reply[]> {
  const calendar = requireCalendar(context);
  const choiceContext: ChoiceContext = {
    now: context.now,
    timezone: context.channel.timezone,
    endOfDayMinutes: context.channel.endOfDayMinutes,
    calendar,
  };
  const render = { locale: context.locale, timezone: context.channel.timezone, calendar, mentions: [] };
  const drafts = choicesFor(command, doubts, choiceContext);
  const describe = { ...render, mentions: context.incoming.mentions };
  // Another reading or a word in the title decides the choices; the deadline's doubts then are not the question.
  const main = doubts.find((d) => d.kind === "other_reading") ?? doubts.find((d) => d.kind === "time_word_in_title");
  return askToChoose(context, {
    reasons: (main ? [main] : doubts).map((doubt) => context.words.doubt(doubt, command, render)),
    choices: drafts.map((draft) => {
      const words = context.words.command(draft.command, describe);
      const note = draft.note ? ` (${t(context.locale, `choice.note.${draft.note}`)})` : "";
      return { command: draft.command, label: `${words}${note}` };
    }),
  });
}

function requireCalendar(context: AskContext): WorkingCalendar {
  if (!context.calendar) throw new Error("asking needs the channel's working calendar");
  return context.calendar;
}
