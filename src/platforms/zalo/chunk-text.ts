/** Zalo's sendMessage limit. Counted in UTF-16 code units (String.length), the safe reading of "characters". */
export const ZALO_MAX_MESSAGE_LENGTH = 2000;

/**
 * Splits `text` into messages of at most `limit` UTF-16 code units. Prefers line boundaries; a line that alone is
 * too long is split between words; only a single "word" longer than the limit (a long URL) is cut inside, and then
 * never inside a surrogate pair. Empty chunks are dropped; line breaks at chunk edges are removed.
 */
export function chunkText(text: string, limit = ZALO_MAX_MESSAGE_LENGTH): string[] {
  if (limit < 2) throw new RangeError("limit must be at least 2");
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    const trimmed = current.replace(/^\n+|\s+$/g, "");
    if (trimmed !== "") chunks.push(trimmed);
    current = "";
  };
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    if (line.length <= limit) {
      current = line;
      continue;
    }
    const pieces = splitLongLine(line, limit);
    current = pieces.pop() ?? "";
    chunks.push(...pieces.filter((piece) => piece.trim() !== ""));
  }
  flush();
  return chunks;
}

/** Splits one line at spaces; the last piece is returned too so that following lines can join it. */
function splitLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const word of line.split(/(?<=\s)(?=\S)/)) {
    // `word` keeps its trailing whitespace, so joining pieces gives back the line.
    if ((current + word).trimEnd().length <= limit) {
      current += word;
      continue;
    }
    if (current.trim() !== "") pieces.push(current.trimEnd());
    current = "";
    let rest = word;
    while (rest.trimEnd().length > limit) {
      const cut = safeCut(rest, limit);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  pieces.push(current.trimEnd());
  return pieces;
}

/** The largest cut ≤ limit that does not separate a high surrogate from its low surrogate. */
function safeCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
