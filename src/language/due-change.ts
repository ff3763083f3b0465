/**
 * A new deadline for a task the message names ("gia hạn #12 đến thứ 6", "lùi deadline #2 sang thứ 5", "push #4 to
 * Friday", "#16 deadline mai nhé") or a reminder time ("nhắc #4 lúc 9h sáng mai"). The words left once the task,
 * the verb and the fillers are gone must be the deadline; or, for a deadline change, an amount to move the current
 * one by ("thêm 2 ngày", "by a week"). Anything else is a deadline the bot did not understand, said back.
 */
import { MAX_DUE_CHARS } from "./bounds.js";
import { readShift } from "./due-shift.js";
import { trimFillers } from "./fillers.js";
import { findDue } from "./find-due.js";
import { fold } from "./fold.js";
import { inRef, type Message } from "./message.js";
import { resolvePhrase, toDueResolution } from "./parse-due.js";
import { fail, ok } from "./result.js";
import type { VerbHit } from "./task-verbs.js";
import type { ParseResult } from "./types.js";
import { type Word, wordsOf } from "./words.js";

// Words between the verb and the deadline: "lùi deadline #2 sang …", "extend the deadline of #9 to …".
const CONNECTOR =
  /^(?:the deadline of|the due date of|the deadline for|deadline of|due date of|the deadline|the due date|deadline|han|lai|sang|len|thanh|to|into|of|until|till|den|toi|cho|set|due)$/;

function connectorAt(words: Word[], i: number): number {
  for (let n = 4; n >= 1; n--) {
    const phrase = words.slice(i, i + n).map((w) => w.key);
    if (phrase.length === n && CONNECTOR.test(phrase.join(" "))) return n;
  }
  return 0;
}

const joined = (words: Word[]) => words.map((w) => w.text).join(" ");

/**
 * The words left for the deadline: everything but the task, the given verbs and the fillers (`said`, what a
 * refusal quotes back), and the same without the connectors before the deadline (`text`, what is read).
 */
export function leftover(msg: Message, skip: VerbHit[]): { said: string; text: string } {
  const rest = msg.words.filter((_, i) => !inRef(msg, i) && !skip.some((h) => i >= h.first && i < h.end));
  let [start, end] = trimFillers(rest, msg.fillers);
  const said = joined(rest.slice(start, end));
  // "sáng" (morning) folds to the connector "sang" (to): only the unaccented word is the connector.
  const connector = (i: number) => (rest[i]?.core === "sáng" ? 0 : connectorAt(rest, i));
  for (let n = connector(start); n > 0 && start < end; n = connector(start)) {
    // "sang"/"to" also start a deadline ("sang tuần sau" reads the same without it), so dropping them is safe.
    start += n;
    [start, end] = trimFillers(rest, msg.fillers, start, end);
  }
  return { said, text: joined(rest.slice(start, end)) };
}

/** A new deadline ("due") or reminder time ("remind") for the task the message names; see the file's header. */
export function dueChange(msg: Message, command: "due" | "remind", verbs: VerbHit[]): ParseResult {
  const { said, text } = leftover(msg, verbs);
  if (!text) return said ? fail(msg, "bad_due", command, said) : fail(msg, "missing_due", command);
  const folded = fold(text);
  const shift = command === "due" ? readShift(folded) : null;
  if (shift) return ok(msg, "due", { due: null, dueShift: shift });
  const whole = text.length <= MAX_DUE_CHARS ? resolvePhrase(text, folded, msg.env) : null;
  if (whole) return ok(msg, command, { due: toDueResolution(whole, text, msg.env) });
  const words = wordsOf(text);
  const found = findDue(
    { orig: text, folded, words, env: msg.env, vietnamese: msg.fillers.vietnamese },
    0,
    words.length,
  );
  if (found?.due) {
    const phrase = text.slice((words[found.first] as Word).from, (words[found.end - 1] as Word).to);
    return ok(msg, command, { due: toDueResolution(found.due, phrase, msg.env) });
  }
  return fail(msg, "bad_due", command, said);
}
