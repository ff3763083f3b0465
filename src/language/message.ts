/**
 * One chat message made ready for the command rules: normalised, cut to its head (bounds.ts), folded, with the
 * people and the task it names found, and split into words. Mentions are blanked (spaces of the same length) so
 * every offset still points into the original text.
 */
import type { Locale } from "../locale.js";
import { headEnd } from "./bounds.js";
import { detectLocale } from "./detect-locale.js";
import type { FillerContext } from "./fillers.js";
import { fold, hasVietnameseLetters } from "./fold.js";
import { blank, type Mention } from "./mentions.js";
import { findMentions } from "./names.js";
import { envOf } from "./parse-due.js";
import type { ResolveEnv } from "./resolve-due.js";
import { findTaskRef, type TaskRef } from "./task-refs.js";
import type { ParseContext } from "./types.js";
import { type Word, wordsOf } from "./words.js";

export interface Message {
  /** The head of the message (NFC), what the rules read. */
  orig: string;
  /** The rest of a long message: only ever title text. */
  tail: string;
  folded: string;
  blankedOrig: string;
  blankedFolded: string;
  mentions: Mention[];
  ref: TaskRef | null;
  locale: Locale | null;
  ctx: ParseContext;
  env: ResolveEnv;
  /** Words of the blanked head. */
  words: Word[];
  fillers: FillerContext;
}

/** Reads a message for the command rules: its head (bounds.ts), people, task number, language and words. */
export function readMessage(text: string, ctx: ParseContext): Message {
  const all = text.normalize("NFC");
  const end = headEnd(all);
  const orig = all.slice(0, end).trimEnd();
  const tail = all.slice(end);
  const folded = fold(orig);
  const mentions = findMentions(orig, folded, ctx.knownNames);
  const blankedOrig = blank(orig, mentions);
  const blankedFolded = blank(folded, mentions);
  // A Vietnamese name ("@Phúc ship the samples …") does not make an English message Vietnamese.
  const locale = detectLocale(blankedOrig, blankedFolded);
  const ref = findTaskRef(blankedFolded);
  const unaccented = !hasVietnameseLetters(blankedOrig);
  return {
    orig,
    tail,
    folded,
    blankedOrig,
    blankedFolded,
    mentions,
    ref,
    locale,
    ctx,
    env: envOf(ctx),
    words: wordsOf(blankedOrig, blankedFolded),
    fillers: { vietnamese: locale !== "en", unaccented },
  };
}

/** Index of the first word at or after `offset` (words.length when none). */
export function wordIndexFrom(msg: Message, offset: number): number {
  const i = msg.words.findIndex((w) => w.from >= offset);
  return i < 0 ? msg.words.length : i;
}

/** Whether word i lies inside the task reference ("#12", "việc số 12"). */
export function inRef(msg: Message, i: number): boolean {
  const w = msg.words[i];
  return !!w && !!msg.ref && w.from < msg.ref.to && w.to > msg.ref.from;
}
