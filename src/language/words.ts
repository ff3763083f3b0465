/**
 * Whitespace-separated words of a message with their offsets, in the original spelling and folded. `key` is the
 * folded word without the punctuation around it ("nhé," → "nhe"), the form the vocabularies are written in.
 */
import { fold } from "./fold.js";

export interface Word {
  from: number;
  to: number;
  /** As typed, punctuation included. */
  text: string;
  /** As typed, without leading or trailing punctuation. */
  core: string;
  /** Folded core: lower case, no diacritics. */
  key: string;
}

const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * The words of `text` (blanked ranges are spaces, so they are simply not words). `folded` is fold(text) when the
 * caller has it: folding keeps offsets, so each word's key is a slice of it.
 */
export function wordsOf(text: string, folded?: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const from = m.index ?? 0;
    const word = m[0];
    const core = word.replace(EDGE_PUNCTUATION, "");
    const lead = core.length === word.length ? 0 : word.indexOf(core);
    const key = folded && core ? folded.slice(from + lead, from + lead + core.length) : fold(core);
    out.push({ from, to: from + word.length, text: word, core, key });
  }
  return out;
}

/** True for a word that is only punctuation (",", ":", "-", "?"). */
export function isPunctuation(w: Word): boolean {
  return w.core === "";
}

/** True when the word ends a clause: its own trailing "," ":" "." "!" "?" ";". */
export function endsClause(w: Word): boolean {
  return /[,:;.!?]$/.test(w.text);
}

/** True for a capitalised word (a name: "anh Nam", "@Phạm Thị Thu Hà"), not an abbreviation in capitals ("CV"). */
export function isCapitalised(w: Word | undefined): boolean {
  return !!w && /^\p{Lu}(?:\p{Ll}|$)/u.test(w.core);
}

/** Whether the words from index i spell the phrase (folded keys, space-separated). */
export function wordsMatch(words: Word[], i: number, phrase: string): boolean {
  const parts = phrase.split(" ");
  for (let k = 0; k < parts.length; k++) if (words[i + k]?.key !== parts[k]) return false;
  return true;
}

/** Phrases indexed by their first word, longest first, so finding one at a word costs a map look-up. */
export type PhraseTable<T> = Map<string, { parts: string[]; value: T }[]>;

/** Indexes `[phrase, value]` pairs (phrases as folded words, space-separated) by their first word. */
export function phraseTable<T>(entries: Iterable<[string, T]>): PhraseTable<T> {
  const table: PhraseTable<T> = new Map();
  for (const [phrase, value] of entries) {
    const parts = phrase.split(" ");
    const list = table.get(parts[0] as string) ?? [];
    list.push({ parts, value });
    table.set(parts[0] as string, list);
  }
  for (const list of table.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return table;
}

/** The longest phrase of the table at word i that `accept` agrees to, with its length in words. */
export function phraseAt<T>(
  table: PhraseTable<T>,
  words: Word[],
  i: number,
  accept: (value: T, length: number) => boolean = () => true,
): { value: T; length: number } | null {
  const candidates = table.get(words[i]?.key ?? "");
  if (!candidates) return null;
  for (const { parts, value } of candidates) {
    if (parts.every((p, k) => words[i + k]?.key === p) && accept(value, parts.length)) {
      return { value, length: parts.length };
    }
  }
  return null;
}
