import { type Reply, toPlainText } from "../../core/reply.js";
import type { Paint } from "./console-paint.js";

/**
 * How a reply looks in the terminal: the bot's text, marked when only the asker would see it on a real platform,
 * in the bot's colour (a refusal in the warnings' colour) when the chat is coloured.
 */
export function formatConsoleReply(reply: Reply, savedAs?: string, paint?: Paint): string {
  const marker = reply.visibility === "private" ? "🔒 (riêng bạn / only you) " : "";
  const body = toPlainText(reply.text);
  const attachment = reply.attachment
    ? `\n📎 ${savedAs ?? reply.attachment.filename} (${reply.attachment.content.byteLength} bytes)`
    : "";
  const text = `🤖 ${marker}${indentContinuation(body)}${attachment}`;
  if (!paint) return text;
  return reply.isError ? paint.warning(text) : paint.bot(text);
}

function indentContinuation(text: string): string {
  // Continuation lines line up under the first; an empty line stays empty (no trailing blanks in a transcript).
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : `   ${line}`))
    .join("\n");
}
