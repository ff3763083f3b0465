import { type Reply, toPlainText } from "../../core/reply.js";

/** How a reply looks in the terminal: the bot's text, marked when only the asker would see it on a real platform. */
export function formatConsoleReply(reply: Reply, savedAs?: string): string {
  const marker = reply.visibility === "private" ? "🔒 (riêng bạn / only you) " : "";
  const body = toPlainText(reply.text);
  const attachment = reply.attachment
    ? `\n📎 ${savedAs ?? reply.attachment.filename} (${reply.attachment.content.byteLength} bytes)`
    : "";
  return `🤖 ${marker}${indentContinuation(body)}${attachment}`;
}

function indentContinuation(text: string): string {
  return text.split("\n").join("\n   ");
}
