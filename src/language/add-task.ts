/**
 * A new task: the people, the deadline (find-due.ts) and the title, which is every other word of the task minus
 * the fillers around it (fillers.ts). Past the head of a long message everything is title text.
 */

import { titleFrom, trimFillers } from "./fillers.js";
import { findDue } from "./find-due.js";
import { type Message, wordIndexFrom } from "./message.js";
import { toDueResolution } from "./parse-due.js";
import { fail, ok } from "./result.js";
import type { ParseResult } from "./types.js";
import type { Word } from "./words.js";

/** "gấp", "khẩn", "asap" say how soon, never what: they leave the title even when a deadline is given. */
function isUrgencyWord(w: Word, msg: Message): boolean {
  if (w.key === "asap") return true;
  return msg.fillers.vietnamese && (w.key === "gap" || w.key === "khan") && /^(?:gấp|khẩn|gap|khan)$/i.test(w.core);
}

function dueOf(msg: Message, bodyFrom: number) {
  const words = msg.words.slice(wordIndexFrom(msg, bodyFrom));
  const [start, end] = trimFillers(words, msg.fillers);
  const t = {
    orig: msg.blankedOrig,
    folded: msg.blankedFolded,
    words,
    env: msg.env,
    vietnamese: msg.fillers.vietnamese,
  };
  return { words, found: findDue(t, start, end) };
}

/** A new task from the words starting at `bodyFrom` (after the command word, if there was one). */
export function addTask(msg: Message, bodyFrom: number): ParseResult {
  const { words, found } = dueOf(msg, bodyFrom);
  if (found?.badFragment !== undefined) return fail(msg, "bad_due", "add", found.badFragment || undefined);
  const kept = (found ? [...words.slice(0, found.first), ...words.slice(found.end)] : words).filter(
    (w) => !isUrgencyWord(w, msg),
  );
  const title = titleFrom(kept, msg.fillers, msg.tail);
  if (!title) return fail(msg, "missing_title", "add");
  if (!found?.due) return ok(msg, "add", { title, taskRef: null });
  const [a, b] = [words[found.first] as Word, words[found.end - 1] as Word];
  const due = toDueResolution(found.due, msg.orig.slice(a.from, b.to), msg.env);
  return ok(msg, "add", { title, due, taskRef: null });
}

/** Whether the words from `bodyFrom` hold a deadline (or a deadline the person got wrong). */
export function hasDeadline(msg: Message, bodyFrom: number): boolean {
  return dueOf(msg, bodyFrom).found !== null;
}
