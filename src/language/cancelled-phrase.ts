/**
 * "xuất báo cáo xlsx kèm việc đã hủy" / "export csv with cancelled tasks": exports leave cancelled tasks out (the
 * chat counts them nowhere) unless the asker names them. Read on folded text (no diacritics, lower case).
 */
const VI_WORDS = "(?:kem|gom|ca|co|bao gom)\\s+(?:ca\\s+)?(?:cac\\s+|nhung\\s+)?(?:viec\\s+)?(?:da\\s+|bi\\s+)?huy";
const EN_WORDS = "(?:with|including|incl\\.?|include)\\s+(?:the\\s+)?cancell?ed(?:\\s+tasks?)?";
const WORDS = new RegExp(`\\b(?:${VI_WORDS}|${EN_WORDS})\\b`, "g");

export function asksForCancelled(folded: string): boolean {
  return folded.search(WORDS) !== -1;
}

/** The text without those words, so that what remains can be read as the export's own. */
export function withoutCancelledPhrase(folded: string): string {
  return folded.replace(WORDS, " ");
}

/** The same words as a pattern to put after a sentence's own (org-phrases.ts): the group is set when present. */
export const WITH_CANCELLED_SUFFIX = `(\\s+(?:${VI_WORDS}|${EN_WORDS}))?`;
