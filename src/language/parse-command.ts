/**
 * parseCommand: one chat message to one command. Slash style ("/task add …", "/việc thêm …"), sentences ("giao
 * @Lan nộp báo cáo trước 17h thứ 6") and staff replies ("dạ em nhận ạ #4") meet here, so every platform speaks
 * the same language. The result says how sure it is (doubts.ts). Bounded: see bounds.ts.
 */
import { startWork } from "./bounds.js";
import { buildCommand } from "./command-builders.js";
import { doubtsOf } from "./doubts.js";
import { readMessage } from "./message.js";
import { readShortEnglish } from "./scan.js";
import type { ParseContext, ParseResult } from "./types.js";

export function parseCommand(text: string, ctx: ParseContext): ParseResult {
  startWork();
  const msg = readMessage(text, ctx);
  readShortEnglish(msg.locale === "en" || msg.locale === null);
  if (!/[\p{L}\p{N}?#]/u.test(msg.orig)) return { ok: false, error: "empty", locale: msg.locale };
  const result = buildCommand(msg);
  return result.ok ? { ok: true, command: { ...result.command, doubts: doubtsOf(result.command, msg) } } : result;
}
