/**
 * Telling the task's words from the words around them. Vietnamese requests wrap the work in particles, politeness
 * and pronouns: "@Lan ơi, em soạn giúp chị công văn trước thứ 6 nhé ạ" asks for "soạn công văn". The rules work
 * by position, so they generalise: fillers are dropped at the start and the end of the task words, and inside them
 * only where they take the speaker as object ("giúp chị", "cho mình", "gửi chị bảng kê"). A pronoun before a
 * capitalised word is a title ("anh Nam"), and pairs such as "anh em" are content.
 */
import {
  END_ONLY_PARTICLES,
  GROUP_VOCATIVES,
  HELP_WORDS,
  INTERJECTIONS,
  KEEP_PRONOUN_AFTER,
  PARTICLES,
  POLITENESS,
  PRONOUNS,
} from "./filler-words.js";
import { isCapitalised, isPunctuation, type PhraseTable, phraseAt, phraseTable, type Word } from "./words.js";

export interface FillerContext {
  /** Vietnamese rules (pronouns, "ạ") apply unless the message is English. */
  vietnamese: boolean;
  /** The message has no diacritics, so "chi", "minh", "toi" may be pronouns. */
  unaccented: boolean;
}

const SPELLINGS: Record<string, RegExp> = {
  // Lower case only: "việc A" is a label, "ạ"/"a" a particle.
  a: /^(?:ạ|à|a|ah|ak|ạh|Ạ|À)$/,
  nha: /^(?:nha|nhá)$/i,
  nhe: /^(?:nhé|nhe|nhè)$/i,
  ha: /^(?:hả|há|ha)$/i,
  ne: /^(?:nè|ne)$/i,
  di: /^(?:đi|di)$/i,
  ho: /^(?:hộ)$/i,
  hay: /^(?:hãy)$/i,
  r: /^r$/i,
  roi: /^(?:rồi|roi)$/i,
  nho: /^(?:nhờ|nhớ|nho)$/i,
  chi: /^(?:chị)$/i,
  minh: /^(?:mình)$/i,
  toi: /^(?:tôi)$/i,
  to: /^(?:tớ)$/i,
  ban: /^(?:bạn)$/i,
  e: /^e$/,
  c: /^c$/,
  u: /^(?:ừ)$/i,
  da: /^(?:dạ)$/i,
  vang: /^(?:vâng)$/i,
};
const UNACCENTED_PRONOUNS = new Set(["chi", "minh", "toi"]);
const VIETNAMESE_ONLY = new Set(["a", "e", "c", "ha", "ne", "di", "r", "roi", "da", "vang", "u", "ho", "hay", "nho"]);

/** Whether a word is the filler of that folded spelling, as typed ("hộ" yes, "hồ" no). */
function spelled(w: Word, ctx: FillerContext): boolean {
  if (VIETNAMESE_ONLY.has(w.key) && !ctx.vietnamese) return false;
  const re = SPELLINGS[w.key];
  if (!re || re.test(w.core)) return true;
  return ctx.unaccented && w.core.toLowerCase() === w.key && w.key !== "ho" && w.key !== "hay";
}

const tableOf = (set: Iterable<string>) => phraseTable([...set].map((p) => [p, p] as [string, string]));
const PARTICLE_TABLE = tableOf(PARTICLES);
const POLITENESS_TABLE = tableOf(POLITENESS);
const VOCATIVE_TABLE = tableOf(GROUP_VOCATIVES);

/** Length of the phrase of `table` at word i (0 if none); a one-word entry must also be spelled as the filler. */
function fillerAt(table: PhraseTable<string>, words: Word[], i: number, ctx: FillerContext): number {
  return phraseAt(table, words, i, (_, n) => n > 1 || spelled(words[i] as Word, ctx))?.length ?? 0;
}

/** A pronoun of the speaker or listener as typed ("em", "chị", "mình"; "chi"/"minh" only in unaccented text). */
export function isPronoun(w: Word | undefined, ctx: FillerContext): boolean {
  if (!w || !ctx.vietnamese || !PRONOUNS.has(w.key)) return false;
  if (UNACCENTED_PRONOUNS.has(w.key) && !SPELLINGS[w.key]?.test(w.core))
    return ctx.unaccented && /^[a-z]+$/.test(w.core);
  return spelled(w, ctx);
}

/** Politeness that also closes a request ("… giúp anh", "… please"). */
const CLOSING_POLITENESS = new Set(["giup", "gium", "dum", "ho", "please", "pls", "plz", "kindly"]);

const particleAt = (words: Word[], i: number, ctx: FillerContext) => fillerAt(PARTICLE_TABLE, words, i, ctx);
const politenessAt = (words: Word[], i: number, ctx: FillerContext) => fillerAt(POLITENESS_TABLE, words, i, ctx);

/** "cho", "for", "to", "và", "and", "task": joining words at the edge of the task words ("tổ" is not "to"). */
function isConnector(w: Word): boolean {
  return /^(?:cho|for|to|and|và|va|task|tasks)$/i.test(w.core);
}

/** How many words at index i open a request without being part of it (0 if the task starts here). */
export function openingFillerAt(words: Word[], i: number, end: number, ctx: FillerContext): number {
  const w = words[i] as Word;
  if (isPunctuation(w)) return 1;
  const vocative = phraseAt(VOCATIVE_TABLE, words, i);
  if (vocative) return vocative.length;
  if (INTERJECTIONS.has(w.key) && spelled(w, ctx)) return 1;
  const polite = politenessAt(words, i, ctx);
  if (polite) return polite;
  if (isPronoun(w, ctx) && i + 1 < end && !isCapitalised(words[i + 1])) return 1;
  if (isConnector(w)) return 1;
  const particle = particleAt(words, i, ctx);
  return particle && !END_ONLY_PARTICLES.has(w.key) ? particle : 0;
}

/** How many words ending at index j (inclusive) close a request without being part of it. */
function trailingFiller(words: Word[], start: number, j: number, ctx: FillerContext): number {
  const w = words[j] as Word;
  if (isPunctuation(w) || w.key === "oi") return 1;
  for (let n = 3; n >= 1; n--) {
    if (j - n + 1 < start) continue;
    if (particleAt(words, j - n + 1, ctx) === n) return n;
  }
  if (CLOSING_POLITENESS.has(w.key) && spelled(w, ctx)) return 1;
  const before = words[j - 1];
  if (isPronoun(w, ctx) && before && j > start) {
    const particleBefore = [1, 2, 3].some((n) => j - n >= start && particleAt(words, j - n, ctx) === n);
    const closes = /^(?:cho|oi)$/.test(before.key) || HELP_WORDS.has(before.key) || particleBefore;
    if (closes || /[,:;.!?]$/.test(before.text)) return 1;
  }
  return isConnector(w) && !/^tasks?$/i.test(w.core) ? 1 : 0;
}

/** [start, end) of the words that carry the request, within [from, to): fillers at both ends dropped. */
export function trimFillers(words: Word[], ctx: FillerContext, from = 0, to = words.length): [number, number] {
  let [start, end] = [from, to];
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const lead = openingFillerAt(words, start, end, ctx);
    if (lead) [start, changed] = [start + lead, true];
    const trail = start < end ? trailingFiller(words, start, end - 1, ctx) : 0;
    if (trail) [end, changed] = [end - trail, true];
  }
  return [start, Math.max(start, end)];
}

/** Inside the task words: "giúp chị", "giùm", "cho mình" (before more words) and a pronoun object after a verb. */
function innerFiller(words: Word[], i: number, end: number, ctx: FillerContext): number {
  const w = words[i] as Word;
  const next = words[i + 1];
  const objectFollows = (k: number) => k < end && !isCapitalised(words[k]) && !isPronoun(words[k], ctx);
  if (HELP_WORDS.has(w.key) && spelled(w, ctx) && isPronoun(next, ctx) && objectFollows(i + 2)) return 2;
  if ((w.key === "gium" || w.key === "dum") && spelled(w, ctx)) return 1;
  if (w.key === "cho" && isPronoun(next, ctx) && objectFollows(i + 2)) return 2;
  const prev = words[i - 1];
  const full = w.key !== "e" && w.key !== "a" && w.key !== "c" && w.key !== "ban";
  if (full && isPronoun(w, ctx) && prev && !isPronoun(prev, ctx) && !KEEP_PRONOUN_AFTER.has(prev.key)) {
    if (!/[,:;.!?]$/.test(prev.text) && objectFollows(i + 1)) return 1;
  }
  return 0;
}

const END_PUNCTUATION = new Set([..." \t\n,:;.!?-–…"]);

/** The text without trailing spaces and punctuation; a loop, since a regex anchored at the end can be quadratic. */
function trimEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && END_PUNCTUATION.has(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/**
 * The title from the words kept: fillers at the ends and inside dropped, punctuation at the ends removed. `tail`
 * is the rest of a message too long to read (bounds.ts): appended as typed, spaces collapsed.
 */
export function titleFrom(words: Word[], ctx: FillerContext, tail = ""): string {
  if (tail.trim()) {
    const head = titleFrom(words, ctx, "");
    return trimEndPunctuation(`${head} ${tail.replace(/\s+/g, " ").trim()}`.trim());
  }
  const [start, end] = trimFillers(words, ctx);
  const kept: Word[] = [];
  for (let i = start; i < end; ) {
    const skip = i > start ? innerFiller(words, i, end, ctx) : 0;
    if (skip) i += skip;
    else kept.push(words[i++] as Word);
  }
  const [first, last] = [kept[0], kept[kept.length - 1]];
  if (!first || !last) return "";
  const text = kept.map((w) => w.text).join(" ");
  const lead = first.text.length - first.text.replace(/^[\p{P}\p{S}]+/u, "").length;
  const trail = last.text.length - last.text.replace(/[,:;.!?\-–…]+$/u, "").length;
  const trimmed = text.slice(lead, text.length - trail).trim();
  return trimmed.replace(/^["“'](.*)["”']$/u, "$1").trim();
}
