/**
 * The question flow: when a message is not clearly one command the bot asks one short question with numbered
 * choices and changes no task until the answer. Any part of the core asks with {@link askToChoose} (choices are full
 * parsed commands, each with its words and the people it pins) or {@link askWhichPerson} (a typed name that fits
 * several people); the bot reads answers itself (answer.ts) and runs the chosen command as if typed.
 */
export { type AskContext, askAboutDoubts, askToChoose, askWhichPerson, type ChoiceOffer } from "./ask.js";
export { findDoubts } from "./doubts.js";
export {
  type OpenQuestion,
  type PinnedPerson,
  QUESTION_TTL_MS,
  type QuestionChoice,
  type QuestionStore,
} from "./question-types.js";
