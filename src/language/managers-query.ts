/**
 * "Who manages this channel?": "quản lý kênh", "ai là quản lý?", "danh sách quản lý", "cài đặt quản lý", "managers",
 * "who manages this channel". A whole message, so that "thêm quản lý @Lan" (a change) and "giao @Lan quản lý kho"
 * (a task) stay what they are. It reads as the settings command for managers with no value.
 */
import type { Locale } from "../locale.js";

const PREFIX = /^\s*\/?\s*(?:(?:task|viec|rv|roviec|cai dat|settings?)\s+)?/;

const MANAGERS_QUERY =
  /^(?:quan ly(?: kenh| nhom)?|danh sach quan ly|ai (?:la )?quan ly(?: kenh| nhom)?|(?:channel |list )?managers?|who manages(?: this channel)?)\s*\??$/;

/** Whether the folded message asks who manages the channel; "en" or "vi" for the language it asks in, else null. */
export function managersQueryLocale(folded: string): Locale | null {
  const rest = folded.trim().replace(PREFIX, "");
  if (!MANAGERS_QUERY.test(rest)) return null;
  return /manage/.test(rest) ? "en" : "vi";
}
