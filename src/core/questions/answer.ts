/**
 * Answers to the bot's questions. A message is read as an answer only when it looks like one ("1", "số 2 nhé",
 * "hủy", "ok", or a Slack button naming its question) and the sender has a question open in this channel; only the
 * person asked can answer. The chosen command then runs through the normal path, exactly as if typed unambiguously.
 */
import { randomUUID } from "node:crypto";
import { t } from "../../i18n/index.js";
import { formatMomentIn } from "../../language/format.js";
import { readShortAnswer, type ShortAnswer } from "../../language/index.js";
import type { Actor } from "../handler.js";
import type { IncomingMessage, Locale } from "../incoming.js";
import type { EventClaim } from "../ports/event-dedupe.js";
import type { Reply } from "../reply.js";
import type { ChannelSettingsView } from "../task-view.js";
import type { OpenQuestion, QuestionChoice, QuestionStore } from "./question-types.js";

export interface AnswerInput {
  message: IncomingMessage;
  channel: ChannelSettingsView;
  actor: Actor;
  locale: Locale;
  now: Date;
  claim: EventClaim | undefined;
  questions: QuestionStore;
  /** Whether this delivery was handled already (a redelivered answer whose question is gone by now). */
  isProcessed(claim: EventClaim): Promise<boolean>;
}

export type AnswerOutcome =
  /** Not an answer: the message is read as a command. */
  | { kind: "none" }
  /** Answered in words; `closes`: the question ends with this message (cancelled, lapsed). */
  | { kind: "reply"; replies: Reply[]; closes: boolean }
  /** A choice was made: run its command (the question ends with it). */
  | { kind: "choose"; question: OpenQuestion; choice: QuestionChoice; number: number };

const say = (text: string, closes = false, isError = false): AnswerOutcome => ({
  kind: "reply",
  replies: [{ visibility: "private", keepInChat: true, text, ...(isError ? { isError } : {}) }],
  closes,
});

/** What a button press says: the number it carries ("0" or "hủy" cancels). */
function answerOf(message: IncomingMessage): ShortAnswer | null {
  const short = readShortAnswer(message.text);
  if (message.answerTo && /^\s*0\s*$/.test(message.text)) return { kind: "cancel" };
  return short;
}

async function openQuestionOf(input: AnswerInput): Promise<OpenQuestion | null> {
  const { message, questions, channel, actor } = input;
  const question = message.answerTo
    ? await questions.findById(message.answerTo)
    : await questions.find(channel.id, actor.id);
  return question && question.channelId === channel.id ? question : null;
}

/** Reads the message as an answer to the sender's open question, if it is one. */
export async function readAnswer(input: AnswerInput): Promise<AnswerOutcome> {
  const { message, locale, claim } = input;
  const answer = message.command ? null : answerOf(message);
  if (!answer && !message.answerTo) return { kind: "none" };
  const question = await openQuestionOf(input);
  if (!question) {
    if (claim && (await input.isProcessed(claim))) return { kind: "reply", replies: [], closes: false };
    if (message.answerTo) return say(t(locale, "question.taken"), false, true);
    return answer?.kind === "choice" ? say(t(locale, "question.none"), false, true) : { kind: "none" };
  }
  if (question.askerId !== input.actor.id) return say(t(locale, "question.not_yours"), false, true);
  if (!answer) return say(t(locale, "question.pick", { count: question.choices.length }), false, true);
  return settle(input, question, answer);
}

async function settle(input: AnswerInput, question: OpenQuestion, answer: ShortAnswer): Promise<AnswerOutcome> {
  const { locale, claim, now } = input;
  // A replay of the answer being carried out (a restart in between) goes on, however late it now is.
  const key = claim?.key ?? randomUUID();
  const replaying = question.answerKey !== null && question.answerKey === key;
  if (!replaying && question.expiresAt.getTime() <= now.getTime()) {
    const askedAt = formatMomentIn(question.askedAt, input.channel.timezone);
    return say(t(locale, "question.expired", { askedAt }), true, true);
  }
  if (answer.kind === "cancel") return say(t(locale, "question.cancelled"), true);
  const count = question.choices.length;
  const number = answer.kind === "yes" ? (count === 1 ? 1 : 0) : answer.number;
  const choice = question.choices[number - 1];
  if (!choice) return say(t(locale, "question.pick", { count }), false, true);
  if (!(await input.questions.take(question.id, key))) return say(t(locale, "question.taken"), false, true);
  return { kind: "choose", question, choice, number };
}
