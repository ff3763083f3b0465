/**
 * Short replies to the bot, read before the command parser: the answer to a question the bot asked ("1", "số 2 nhé",
 * "chọn 3 ạ", "hủy", "cancel") and "hoàn tác" / "undo". An answer is only an answer while a question is open (the
 * bot checks); "hủy #12" is a command, never an answer, because it names a task.
 */
import { fold } from "./fold.js";
import type { ParsedCommand } from "./types.js";

/** A number picks a choice; "hủy" drops the question; "ok"/"đúng" says yes (the only choice, when there is one). */
export type ShortAnswer = { kind: "choice"; number: number } | { kind: "cancel" } | { kind: "yes" };

/** Particles and politeness around a short answer ("2 nhé", "dạ 1 ạ", "ok số 2", "1 please"). */
const BEFORE = "(?:(?:da|vang|ok|oke|okay|uh|um|u|yes|em|anh|chi|minh|toi|cho|xin|i|pick|choose|take)\\s+)*";
const AFTER = "(?:\\s+(?:nhe|nha|nhen|a|ha|nhe a|nha a|di|nghe|luon|please|pls|thanks|thank you|thx|ok))*";
const CHOICE = new RegExp(
  `^${BEFORE}(?:(?:so|chon|lua chon|cach|phuong an|y|option|choice|number|no\\.?)\\s*)?\\(?([1-9])\\)?[.)]?${AFTER}[.!]*$`,
);
const CANCEL = new RegExp(
  `^${BEFORE}(?:huy|huy bo|huy cau hoi|thoi|bo qua|khong|ko|k|khong can|cancel|never mind|nevermind|skip|no|none)${AFTER}[.!]*$`,
);
const YES = new RegExp(
  `^(?:da |vang )?(?:ok|oke|okay|ok luon|co|dung|dung roi|dong y|duoc|u|uh|yes|yep|yeah|sure|confirm|xac nhan)${AFTER}[.!]*$`,
);
const UNDO = new RegExp(
  `^${BEFORE}(?:hoan tac|undo)(?:\\s+(?:lai|di|giup|giup em|giup minh|lenh vua roi|thao tac vua roi|vua roi|that|last|last change|it))*${AFTER}[.!]*$`,
);

/** Longer text is never a short reply: it is not even folded (every message passes here first). */
const MAX_SHORT_REPLY = 60;

function clean(text: string): string {
  return fold(text.normalize("NFC")).replace(/\s+/g, " ").replace(/,/g, " ").trim().replace(/\s+/g, " ");
}

/** The answer a short message gives to an open question, or null when it is not one. */
export function readShortAnswer(text: string): ShortAnswer | null {
  if (text.length > MAX_SHORT_REPLY) return null;
  const folded = clean(text);
  const choice = CHOICE.exec(folded);
  if (choice) return { kind: "choice", number: Number(choice[1]) };
  if (CANCEL.test(folded)) return { kind: "cancel" };
  return YES.test(folded) ? { kind: "yes" } : null;
}

/** "hoàn tác", "undo", "hoàn tác lệnh vừa rồi", "undo that please" → the undo command; anything else null. */
export function readUndo(text: string): ParsedCommand | null {
  if (text.length > MAX_SHORT_REPLY) return null;
  const folded = clean(text);
  if (!UNDO.test(folded)) return null;
  const locale = /hoan tac/.test(folded) ? "vi" : "en";
  return {
    command: "undo",
    taskRef: null,
    title: null,
    assignees: [],
    filter: null,
    due: null,
    locale,
    doubts: [],
  };
}
