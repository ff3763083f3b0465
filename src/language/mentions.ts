/**
 * Mentions are blanked out of a message (replaced by spaces) rather than cut, so offsets into the original text
 * stay valid for titles. Finding them is names.ts; finding task numbers is task-refs.ts.
 */

export interface Mention {
  /** The name as typed, without "@" (or the Slack user id / label). */
  name: string;
  from: number;
  to: number;
}

/** Replaces the given ranges with spaces, keeping the string's length. */
export function blank(text: string, ranges: { from: number; to: number }[]): string {
  if (ranges.length === 0) return text;
  let out = "";
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.from) + " ".repeat(r.to - r.from);
    at = r.to;
  }
  return out + text.slice(at);
}
