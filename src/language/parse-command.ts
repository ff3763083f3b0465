/**
 * parseCommand: one chat message to one command. Slash style ("/task add …",
 * "/việc thêm …") and sentences ("giao @Lan nộp báo cáo trước 17h thứ 6") meet here,
 * so every platform speaks the same language.
 */

import { buildCommand, type Message } from "./command-builders.js";
import { VERBS, type Verb } from "./command-table.js";
import { detectLocale } from "./detect-locale.js";
import { fold } from "./fold.js";
import { blank, findMentions, findTaskRef } from "./mentions.js";
import type { ParseContext, ParseResult } from "./types.js";

// "/task", "/viec", "task", "việc" before a command word are only a prefix.
const PREFIX = /^\s*\/?\s*(?:(?:task|tasks|viec|cong viec|rv|roviec)(?=\s+\S)\s*)?/;

function matchVerb(folded: string, from: number): { verb: Verb; end: number } | null {
  const rest = folded.slice(from);
  for (const verb of VERBS) {
    const m = verb.re.exec(rest);
    if (m) return { verb, end: from + m[0].length };
  }
  return null;
}

export function parseCommand(text: string, ctx: ParseContext): ParseResult {
  const orig = text.normalize("NFC").replace(/\s+$/, "");
  const folded = fold(orig);
  const locale = detectLocale(orig, folded);
  if (!/[\p{L}\p{N}?#]/u.test(orig)) return { ok: false, error: "empty", locale };
  const mentions = findMentions(orig, ctx.knownNames);
  const blankedOrig = blank(orig, mentions);
  const blankedFolded = blank(folded, mentions);
  let start = PREFIX.exec(blankedFolded)?.[0].length ?? 0;
  let verb = matchVerb(blankedFolded, start);
  // A prefix word can also be the whole command ("việc 12" is a task number, "tasks" a list).
  if (!verb && start > 0) {
    start = /^\s*\/?\s*/.exec(blankedFolded)?.[0].length ?? 0;
    verb = matchVerb(blankedFolded, start);
  }
  const ref = findTaskRef(blankedFolded);
  const msg: Message = {
    orig,
    folded,
    blankedOrig,
    blankedFolded,
    mentions,
    ref,
    locale,
    ctx,
    bodyFrom: verb ? verb.end : start,
    verb: verb?.verb ?? null,
  };
  return buildCommand(msg);
}
