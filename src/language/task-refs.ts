/**
 * The task a message names: "#12", "việc 12", "việc số 12", "task 12", and after a command word "số 12" or a bare
 * "12" ("xong 12", "hoàn thành số 12"). Elsewhere "số 5" is a document number ("gói thầu số 5", "công văn số
 * 125/UBND"), and a number followed by a unit is an amount ("làm việc 2 ngày").
 */

export interface TaskRef {
  ref: number;
  from: number;
  to: number;
}

const UNIT_AFTER =
  /^\s*(?:ngay|hom|tuan|thang|nam|quy|gio|tieng|h|phut|nguoi|lan|ban|bo|trang|days?|weeks?|hours?)(?![a-z])/;
const HASH = /(?<![\p{L}\p{N}&])#\s?(\d{1,7})(?![\d/])/u;
const NAMED = /(?<![a-z])(?:cong viec|viec|task|item)\s*(?:so\s*)?(?:#\s*)?(\d{1,7})(?![\d/.,:]\d)/g;
const AFTER_VERB =
  /^\s*(?:\/\s*)?(?:(?:task|viec)\s+)?(?:xong|hoan thanh|hoan tat|da xong|huy bo|huy|xoa|xem|chi tiet|mo lai|nhan viec|da nhan|nhan|gia han|nhac|done|finish|cancel|show|reopen|ack)\s+((?:so\s*)?(\d{1,7}))(?![\d/])/;

function unitFollows(folded: string, end: number): boolean {
  return UNIT_AFTER.test(folded.slice(end, end + 12));
}

/** The first task the folded, mention-blanked message names, or null. */
export function findTaskRef(folded: string): TaskRef | null {
  const hash = HASH.exec(folded);
  let best: TaskRef | null = hash ? { ref: Number(hash[1]), from: hash.index, to: hash.index + hash[0].length } : null;
  for (const m of folded.matchAll(NAMED)) {
    const from = m.index ?? 0;
    if (best && best.from < from) break;
    const to = from + m[0].length;
    // "làm việc 2 ngày" is working for two days, not task 2.
    if (/(?<![a-z])lam\s+$/.test(folded.slice(Math.max(0, from - 5), from)) || unitFollows(folded, to)) continue;
    best = { ref: Number(m[1]), from, to };
    break;
  }
  if (best) return best;
  const after = AFTER_VERB.exec(folded);
  if (!after || unitFollows(folded, after[0].length)) return null;
  const to = after[0].length;
  return { ref: Number(after[2]), from: to - (after[1] as string).length, to };
}
