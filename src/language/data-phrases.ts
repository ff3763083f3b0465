/**
 * `xóa dữ liệu` / `delete data` (and "xóa toàn bộ dữ liệu của workspace", "delete all workspace data"): a workspace
 * admin asks for the workspace's data to be deleted. The whole message must be the sentence, so "xóa #3" (cancel a
 * task) or a task titled "xóa dữ liệu cũ trên máy chủ" is never read as it.
 */
import type { Locale } from "../locale.js";
import type { Message } from "./message.js";

const PREFIX = /^\s*\/?\s*(?:(?:task|tasks|viec|rv|roviec)\s+)?/;
const VI =
  /^xoa (?:het |toan bo |tat ca )?du lieu(?: (?:cua )?(?:workspace|nhom|to chuc|cong ty|co quan)(?: nay)?)?\s*[.!]?$/;
const EN =
  /^(?:delete|erase|wipe) (?:all )?(?:(?:the|our|this) )?(?:workspace(?:'s)? )?data(?: of (?:the|this) workspace)?\s*[.!]?$/;

/** The language the deletion is asked in, or null when the message is not that sentence. */
export function readDataDeletion(msg: Pick<Message, "folded">): Locale | null {
  const from = PREFIX.exec(msg.folded)?.[0].length ?? 0;
  const folded = msg.folded.slice(from).trim();
  if (VI.test(folded)) return "vi";
  if (EN.test(folded)) return "en";
  return null;
}
