/**
 * Mentions and task numbers inside a message. Mentions are blanked out (replaced by
 * spaces) rather than cut, so offsets into the original text stay valid for titles.
 */
import { fold } from "./fold.js";

export interface Mention {
  name: string;
  from: number;
  to: number;
}

/** Finds "@Lan", "@Nguyễn Văn Lan" (when a known name), "<@U123>" and "<@U123|lan>". */
export function findMentions(text: string, knownNames: string[] = []): Mention[] {
  const out: Mention[] = [];
  const known = [...knownNames].sort((a, b) => b.length - a.length).map((n) => ({ n, f: fold(n) }));
  const folded = fold(text);
  const re = /<@([A-Za-z0-9._-]+)(?:\|([^>]+))?>|@(\S+)/g;
  for (const m of text.matchAll(re)) {
    const from = m.index ?? 0;
    if (m[1]) {
      out.push({ name: m[2] ?? m[1], from, to: from + m[0].length });
      continue;
    }
    const hit = known.find(
      ({ f }) => folded.startsWith(f, from + 1) && !/[\p{L}\p{N}]/u.test(text[from + 1 + f.length] ?? ""),
    );
    if (hit) {
      out.push({ name: text.slice(from + 1, from + 1 + hit.n.length), from, to: from + 1 + hit.n.length });
      re.lastIndex = from + 1 + hit.n.length;
      continue;
    }
    // Trailing punctuation ("@Lan:", "@Lan,") is not part of the name.
    const name = (m[3] ?? "").replace(/[:,.;!?)'"’]+$/u, "").replace(/'s$/, "");
    if (name) out.push({ name, from, to: from + 1 + name.length });
  }
  return out;
}

/** Replaces the given ranges with spaces, keeping the string's length. */
export function blank(text: string, ranges: { from: number; to: number }[]): string {
  let out = text;
  for (const r of ranges) out = out.slice(0, r.from) + " ".repeat(r.to - r.from) + out.slice(r.to);
  return out;
}

const REF_RE = /(?:#|\b(?:so|viec|task|cong viec|item)\s*#?\s*)(\d{1,7})\b/;

/** Finds "#12", "số 12", "việc 12", "task 12" in folded text. */
export function findTaskRef(folded: string): { ref: number; from: number; to: number } | null {
  const m = REF_RE.exec(folded);
  if (!m) return null;
  return { ref: Number(m[1]), from: m.index, to: m.index + m[0].length };
}
