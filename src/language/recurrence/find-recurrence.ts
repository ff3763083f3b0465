/**
 * The recurring phrase of a message, if it has one: every phrase rule of both languages is tried from the start of
 * the task words, and the earliest match wins (the longest at the same place, then the first rule). A phrase whose
 * days do not exist ("ngày 32 hàng tháng") is no match.
 */
import type { PhraseRule, RecurrenceDraft } from "./draft.js";
import { EN_PHRASES } from "./phrases-en.js";
import { VI_PHRASES } from "./phrases-vi.js";

export interface FoundPhrase {
  draft: RecurrenceDraft;
  from: number;
  to: number;
}

const RULES: PhraseRule[] = [...VI_PHRASES, ...EN_PHRASES];

/** "mới" (new) folds to "moi" as "mỗi" (each) does: "năm mới ngày 15/1" is no daily rhythm. */
const NEW_WORD = /(?<!\p{L})mới(?!\p{L})/iu;

function firstMatch(rule: PhraseRule, folded: string, orig: string, from: number): FoundPhrase | null {
  rule.re.lastIndex = from;
  for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
    const draft = NEW_WORD.test(orig.slice(m.index, m.index + m[0].length)) ? null : rule.build(m);
    if (draft) return { draft, from: m.index, to: m.index + m[0].length };
    if (m[0].length === 0) rule.re.lastIndex++;
  }
  return null;
}

/** The recurring phrase in `folded` (the folding of `orig`) at or after `from`, or null. */
export function findRecurringPhrase(folded: string, orig: string, from: number): FoundPhrase | null {
  let best: FoundPhrase | null = null;
  for (const rule of RULES) {
    const found = firstMatch(rule, folded, orig, from);
    if (!found) continue;
    if (!best || found.from < best.from || (found.from === best.from && found.to > best.to)) best = found;
  }
  return best;
}
