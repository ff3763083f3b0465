/**
 * Messages that name a task (#12, việc 12). They are never a new task: the verb anywhere in the message decides
 * (task-verbs.ts); without one, a deadline word or an amount makes it a deadline change ("#16 deadline mai", "cho
 * em xin thêm 2 ngày cho #7"), "gửi rồi" reports it done, and anything else shows the task.
 */
import { dueChange, leftover } from "./due-change.js";
import { readShift } from "./due-shift.js";
import { titleFrom } from "./fillers.js";
import { fold } from "./fold.js";
import { inRef, type Message } from "./message.js";
import { fail, ok } from "./result.js";
import { reportsDone, strongestVerb, taskVerbHits, type VerbHit } from "./task-verbs.js";
import type { ParseResult } from "./types.js";

function assign(msg: Message, hit: VerbHit): ParseResult {
  if (msg.mentions.length === 0) return fail(msg, "missing_assignee", "assign");
  const into = /(?<![a-z])(?:vao|into)(?![a-z])/.test(msg.blankedFolded);
  const mode = hit.mode === "remove" ? "remove" : hit.mode === "add" || into ? "add" : "replace";
  return ok(msg, "assign", { assignMode: mode });
}

/** The new title: the words after the task number and the verb, without "thành"/"to" and fillers. */
function edit(msg: Message, hit: VerbHit): ParseResult {
  const after = Math.max(hit.end, ...msg.words.map((_, i) => (inRef(msg, i) ? i + 1 : 0)));
  let words = msg.words.slice(after);
  if (/^(?:thanh|to|into|as|=|:)$/.test(words[0]?.key ?? words[0]?.text ?? "")) words = words.slice(1);
  const title = titleFrom(words, { ...msg.fillers, vietnamese: false }, msg.tail);
  return title ? ok(msg, "edit", { title }) : fail(msg, "missing_title", "edit");
}

/**
 * No verb: a deadline word ("#16 deadline mai") or an amount alone ("cho em xin thêm 2 ngày cho #7") still asks for
 * a deadline change, and "gửi rồi" reports the work done. Anything else asks about the task: it is shown, and a
 * deadline without such a word ("#5 mai em gửi nhé") changes nothing.
 */
function withoutVerb(msg: Message, hits: VerbHit[]): ParseResult {
  const cue = hits.find((h) => h.command === "dueCue");
  if (cue) {
    const r = dueChange(msg, "due", hits);
    // "due #12 someday" opens with the deadline word: a deadline change whose deadline was not understood.
    if (r.ok || cue.first === 0) return r;
  }
  const shift = readShift(fold(leftover(msg, hits).text));
  if (shift) return ok(msg, "due", { due: null, dueShift: shift });
  if (reportsDone(msg) && !hits.some((h) => h.negated)) return ok(msg, "done");
  return ok(msg, "show");
}

/** The command of a message that names a task; never "add". */
export function taskCommand(msg: Message): ParseResult {
  const hits = taskVerbHits(msg);
  const hit = strongestVerb(hits, msg.mentions.length > 0);
  if (!hit) return withoutVerb(msg, hits);
  switch (hit.command) {
    case "due":
    case "remind":
      return dueChange(
        msg,
        hit.command,
        hits.filter((h) => h.command === hit.command || h.command === "dueCue"),
      );
    case "assign":
      return assign(msg, hit);
    case "edit":
      return edit(msg, hit);
    case "dueCue":
      return withoutVerb(msg, hits);
    default:
      // "Dạ #10 em gửi rồi ạ": the "dạ" gives way to the report that the work is sent.
      return hit.weak && reportsDone(msg) ? ok(msg, "done") : ok(msg, hit.command);
  }
}
