/**
 * parseMessage: what the bot reads from a typed message. "hoàn tác" / "undo" first (a word of its own, not a task
 * command), then the command parser. Answers to the bot's questions are read separately (readShortAnswer), because
 * "1" or "hủy" is an answer only while a question is open.
 */
import { parseCommand } from "./parse-command.js";
import { readUndo } from "./short-replies.js";
import type { ParseContext, ParseResult } from "./types.js";

export function parseMessage(text: string, ctx: ParseContext): ParseResult {
  const undo = readUndo(text);
  return undo ? { ok: true, command: undo } : parseCommand(text, ctx);
}
