import type { Locale } from "../locale.js";
import type { SummaryView } from "./summary-view.js";
import type { PersonView, TaskView } from "./task-view.js";

/**
 * What a handler answers. Text is already in the channel's language; adapters only change how it looks.
 *
 * Markup in `text` is deliberately tiny so every platform can render it: `*bold*` (Slack mrkdwn; stripped on Zalo
 * and the terminal) and person tokens made by {@link personToken}, which each adapter turns into a real mention
 * (Slack `<@U…>`) or a plain name (Zalo, terminal). User-typed text never contains the token characters: adapters
 * remove them on the way in (see {@link stripReservedCharacters}), so a title cannot forge a mention.
 */
export interface Reply {
  /**
   * `channel`: everyone in the chat sees it. `private`: only the person who asked (Slack ephemeral or DM, Zalo
   * private chat when known, otherwise the group), used for errors, help and personal lists.
   */
  visibility: "channel" | "private";
  text: string;
  /** Tasks the reply is about, for platforms that draw cards with buttons (Slack). */
  tasks?: TaskView[];
  /** True when the command failed and nothing was written. */
  isError?: boolean;
  /**
   * How the channel shows dates: its language, time zone and end of the working day. Set by the bot for every reply,
   * so an adapter drawing its own card (Slack) formats a due date as the text around it does.
   */
  presentation?: { locale: Locale; timezone: string; endOfDayMinutes: number };
  /** What the message is: deadline pings (cards may offer snooze) or the weekly summary. Unset: an answer. */
  kind?: "ping" | "summary";
  /** The weekly summary as data, with kind "summary" (Slack draws it as Block Kit with a chart). */
  summary?: SummaryView;
  /** A file to attach (exports). */
  attachment?: { filename: string; mimeType: string; content: Uint8Array };
  /**
   * A question the bot asks the person (the text already lists the choices): platforms with buttons (Slack) offer
   * one per choice and a cancel button; each press is answered like the typed number.
   */
  question?: QuestionPrompt;
  /**
   * A private reply that stays in the chat it answers instead of moving to the person's private chat with the bot
   * (Zalo): the bot's questions, whose answer must come from that chat, and what it says about those answers.
   */
  keepInChat?: boolean;
}

/** The choices of a question, for buttons: a press answers `questionId` with `number` (0: cancel). */
export interface QuestionPrompt {
  questionId: string;
  choices: { number: number; label: string }[];
  cancelLabel: string;
}

const TOKEN_START = "\uE000";
const TOKEN_SEPARATOR = "\uE001";
const TOKEN_END = "\uE002";
const RESERVED = /[\uE000-\uE002]/g;
const TOKEN_PATTERN = /\uE000([^\uE001\uE002]*)\uE001([^\uE001\uE002]*)\uE001([^\uE000\uE002]*)\uE002/g;

/** A placeholder for a person inside reply text; adapters render it with {@link renderPersonTokens}. */
export function personToken(person: PersonView): string {
  const name = person.displayName.replace(RESERVED, "");
  return `${TOKEN_START}${person.id}${TOKEN_SEPARATOR}${person.externalId ?? ""}${TOKEN_SEPARATOR}${name}${TOKEN_END}`;
}

/** Replaces every person token in `text` with what `render` returns for it. */
export function renderPersonTokens(text: string, render: (person: PersonView) => string): string {
  return text.replace(TOKEN_PATTERN, (_match, id: string, externalId: string, displayName: string) =>
    render({ id, externalId: externalId === "" ? null : externalId, displayName }),
  );
}

/** Removes the characters reserved for person tokens from user input. */
export function stripReservedCharacters(text: string): string {
  return text.replace(RESERVED, "");
}

/**
 * Plain text for platforms without markup (Zalo, the terminal): names for tokens; `*bold*` marks, `_(italic)_`
 * marks around a bracketed note (a ping sent late) and the lines that only open or close a monospace block (the
 * summary's table) removed.
 */
export function toPlainText(text: string): string {
  return renderPersonTokens(text, (person) => `@${person.displayName}`)
    .replace(/\*([^*\n]+)\*/g, "$1")
    .replace(/(^|\s)_(\([^)\n]*\))_(?=\s|$)/g, "$1$2")
    .replace(/^```\n|\n```$|\n```(?=\n)/g, "");
}
