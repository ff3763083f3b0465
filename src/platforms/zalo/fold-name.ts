/**
 * Folds a name for comparison: Unicode NFD without combining marks, đ → d, lower case, single spaces. Vietnamese
 * users type names with or without diacritics ("Rõ Việc", "ro viec"), so both must match.
 */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * When `text` starts with `@` followed by one of `names` (diacritics and case tolerant) and then a boundary (end,
 * space or punctuation), returns the text after it, trimmed; otherwise undefined.
 */
export function stripLeadingMention(text: string, names: readonly string[]): string | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("@")) return undefined;
  // Try the longest name first so "Rõ Việc Bot" wins over "Rõ Việc".
  const sorted = [...names].filter((n) => n.trim() !== "").sort((a, b) => b.length - a.length);
  const afterAt = trimmed.slice(1).normalize("NFC");
  for (const name of sorted) {
    const wanted = foldName(name);
    const wordCount = wanted.split(" ").length;
    // Take as many words as the name has, then compare their folded form.
    const match = afterAt.match(new RegExp(`^(\\S+(?:\\s+\\S+){${wordCount - 1}})`, "u"));
    if (!match?.[1]) continue;
    let candidate = match[1];
    let rest = afterAt.slice(candidate.length);
    // Allow punctuation glued to the name: "@Rõ Việc, giao …" or "@RoViec:".
    const glued = candidate.match(/[,:;.!?]+$/u);
    if (glued) {
      candidate = candidate.slice(0, -glued[0].length);
      rest = glued[0] + rest;
    }
    if (foldName(candidate) !== wanted) continue;
    return rest.replace(/^[\s,:;.!?]+/u, "").trim();
  }
  return undefined;
}
