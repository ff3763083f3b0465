/**
 * "xuất báo cáo xlsx kèm việc đã hủy" / "export csv with cancelled tasks": exports leave cancelled tasks out (the
 * chat counts them nowhere) unless the asker names them. Read on folded text (no diacritics, lower case).
 */
const VI = /\b(?:kem|gom|ca|co|bao gom)\s+(?:ca\s+)?(?:cac\s+|nhung\s+)?(?:viec\s+)?(?:da\s+|bi\s+)?huy\b/;
const EN = /\b(?:with|including|incl\.?|include)\s+(?:the\s+)?cancell?ed(?:\s+tasks?)?\b/;

export function asksForCancelled(folded: string): boolean {
  return VI.test(folded) || EN.test(folded);
}

/** The text without those words, so that what remains can be read as the export's own. */
export function withoutCancelledPhrase(folded: string): string {
  return folded.replace(new RegExp(VI.source, "g"), " ").replace(new RegExp(EN.source, "g"), " ");
}

/** The same words as a pattern to put after a sentence's own (org-phrases.ts): the group is set when present. */
export const WITH_CANCELLED_SUFFIX = `(\\s+(?:(?:kem|gom|ca|co|bao gom)\\s+(?:ca\\s+)?(?:cac\\s+|nhung\\s+)?(?:viec\\s+)?(?:da\\s+|bi\\s+)?huy|(?:with|including|incl\\.?|include)\\s+(?:the\\s+)?cancell?ed(?:\\s+tasks?)?))?`;
