/**
 * Diacritic folding that keeps string offsets: many people type Vietnamese without
 * diacritics on phones ("thu 6 tuan sau"), so rules match a folded, lower-case copy
 * while titles are cut from the original text at the same offsets.
 */

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = ch.toLowerCase();
  if (out === "đ") out = "d";
  else if (out.length === 1 && out.charCodeAt(0) > 0x7f) {
    const base = out.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    // Keep one char per char so offsets line up; unknown letters stay as typed.
    out = base.length === 1 ? base : out;
  }
  if (out.length !== 1) out = ch;
  cache.set(ch, out);
  return out;
}

/** Lower-cased, diacritic-free copy of an NFC string, with exactly the same length. */
export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldChar(text[i] as string);
  return out;
}

/** True when the text carries Vietnamese-only letters (ă â đ ê ô ơ ư or tone marks). */
export function hasVietnameseLetters(text: string): boolean {
  return /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(text);
}
