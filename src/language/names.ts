/**
 * People named in a message: "@Lan", "@Nguyễn Văn Lan", Slack's "<@U123|lan>". Zalo sends no mention entities
 * and shows full names with spaces, so a typed "@" is read here:
 * 1. against the channel's member names (ParseContext.knownNames), longest first, in tiers: the exact spelling,
 *    then the same letters in another case, then typed without diacritics ("@nguyen van lan"). The first tier with
 *    a match decides, so "@Lân" is never "Lan" and "@Tuấn anh" (addressing Tuấn) is not "Tuấn Anh";
 * 2. a name not among them is taken whole while its words look like name syllables: capitalised words, up to six,
 *    stopping at a lower-case word, punctuation, a number, a task number, another "@", or a capitalised word that
 *    is a common verb, a deadline word or a particle ("@Lan Nộp báo cáo" is Lan). Vietnamese names are capitalised
 *    syllables and verbs are not, so "@Lan nộp báo cáo" is Lan and "@Phạm Thị Thu Hà soạn …" is the whole name.
 */
import { fold } from "./fold.js";
import type { Mention } from "./mentions.js";
import { endsName } from "./not-name-words.js";

interface KnownName {
  name: string;
  lower: string;
  folded: string;
}

const indexes = new WeakMap<string[], Map<string, KnownName[]>>();

/** Known names by the folded first letter, longest first; cached per list (the bot passes one list per channel). */
function indexOf(knownNames: string[]): Map<string, KnownName[]> {
  let index = indexes.get(knownNames);
  if (index) return index;
  index = new Map();
  for (const raw of knownNames) {
    const name = raw.normalize("NFC").trim();
    if (!name) continue;
    const entry = { name, lower: name.toLowerCase(), folded: fold(name) };
    const key = entry.folded[0] ?? "";
    index.set(key, [...(index.get(key) ?? []), entry]);
  }
  for (const list of index.values()) list.sort((a, b) => b.name.length - a.name.length);
  indexes.set(knownNames, index);
  return index;
}

const WORD_END = /[\p{L}\p{N}]/u;

/** The length of the longest known name typed at `at`, by the first tier that has one; 0 if none. */
function knownAt(text: string, folded: string, at: number, knownNames: string[]): number {
  const candidates = indexOf(knownNames).get(folded[at] ?? "") ?? [];
  const fits = (n: KnownName) => !WORD_END.test(text[at + n.name.length] ?? "");
  const typed = (n: KnownName) => text.slice(at, at + n.name.length);
  const tiers: ((n: KnownName) => boolean)[] = [
    (n) => typed(n) === n.name,
    (n) => typed(n).toLowerCase() === n.lower,
    // Typed without diacritics: every typed letter is the name's letter or its unaccented base.
    (n) =>
      folded.startsWith(n.folded, at) &&
      [...typed(n)].every((ch, i) => ch.toLowerCase() === (n.lower[i] ?? "") || ch.toLowerCase() === n.folded[i]),
  ];
  for (const tier of tiers) {
    const hit = candidates.find((n) => fits(n) && tier(n));
    if (hit) return hit.name.length;
  }
  return 0;
}

const NAME_SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
const MAX_NAME_WORDS = 6;
const NEXT_WORD = / (\S+)/y;

/** Extends a name at [at, end) over the capitalised name syllables that follow (single spaces between them). */
function extendName(text: string, at: number, end: number): number {
  let to = end;
  let words = text.slice(at, end).split(" ").length;
  for (NEXT_WORD.lastIndex = end; words < MAX_NAME_WORDS; words++) {
    const m = NEXT_WORD.exec(text);
    const word = m?.[1]?.replace(/[,.;:!?)]+$/u, "");
    if (!m || !word || !NAME_SYLLABLE.test(word) || endsName(word)) break;
    to += 1 + word.length;
    // "@Phạm Thị Thu Hà, chị gửi …": punctuation ends the name.
    if (word !== m[1]) break;
  }
  return to;
}

const MENTION = /<@([A-Za-z0-9._-]+)(?:\|([^>]+))?>|(?<![\p{L}\p{N}._-])@([\p{L}\p{M}\p{N}_][\p{L}\p{M}\p{N}_.'’-]*)/gu;

/** Every person named in `text`, in order; `folded` is fold(text). */
export function findMentions(text: string, folded: string, knownNames: string[] = []): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const from = m.index ?? 0;
    if (m[1]) {
      out.push({ name: m[2] ?? m[1], from, to: from + m[0].length });
      continue;
    }
    const at = from + 1;
    const known = knownAt(text, folded, at, knownNames);
    // Trailing punctuation ("@Lan:", "@Lan,") and a possessive ("@Hà's") are not part of the name.
    const first = (m[3] ?? "").replace(/[:,.;!?)'"’-]+$/u, "").replace(/['’]s$/u, "");
    const end = at + Math.max(known, first.length);
    const to = known > 0 && known < first.length ? at + first.length : extendName(text, at, end);
    if (to > at) out.push({ name: text.slice(at, to), from, to });
  }
  return out;
}
