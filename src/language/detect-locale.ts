/**
 * Which language a message is in, so replies and errors match it. Vietnamese letters
 * settle it; without diacritics, common Vietnamese words do.
 */
import type { Locale } from "../locale.js";
import { hasVietnameseLetters } from "./fold.js";

const VI_WORDS =
  /(?<![a-z])(?:viec|giao|xong|huy|cua|toi|tuan|thang|ngay|hom|nay|mai|truoc|han|gio|thu [2-7]|cho|lai|nhac|nhan|xem|them|tao|danh sach|tat ca|bao cao|thong ke|cai dat|giup|huong dan|doi|gia han|bo|vao|khoi|sau|chieu|sang|trua|lam|nop|qua han|mo lai|tong ket|xuat)(?![a-z])/;
const EN_WORDS =
  /(?<![a-z])(?:the|task|tasks|add|list|show|done|reopen|cancel|due|assign|reassign|rename|status|summary|settings|help|remind|export|my|by|to|tomorrow|today|friday|monday|next|week|month|write|report|prepare|got it|ack|for|of|and|at|overdue|this|in|day|days|end)(?![a-z])/;

export function detectLocale(orig: string, folded: string): Locale | null {
  if (hasVietnameseLetters(orig)) return "vi";
  const text = folded.replace(/@\S+|<@[^>]+>/g, " ");
  const vi = text.match(new RegExp(VI_WORDS, "g"))?.length ?? 0;
  const en = text.match(new RegExp(EN_WORDS, "g"))?.length ?? 0;
  if (vi === 0 && en === 0) return null;
  return vi >= en ? "vi" : "en";
}
