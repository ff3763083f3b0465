import type { ZaloMessage, ZaloUpdate } from "../../src/platforms/zalo/zalo-types.js";

let counter = 0;

/** A text message update with sensible defaults; override any field. */
export function textUpdate(
  text: string,
  overrides: {
    chatType?: "PRIVATE" | "GROUP";
    chatId?: string;
    fromId?: string;
    name?: string;
    messageId?: string;
  } = {},
): ZaloUpdate {
  const fromId = overrides.fromId ?? "a1b2c3";
  const chatType = overrides.chatType ?? "PRIVATE";
  const message: ZaloMessage = {
    message_id: overrides.messageId ?? `msg-${Date.now()}-${++counter}`,
    date: Date.now(),
    from: { id: fromId, display_name: overrides.name ?? "Lan", is_bot: false },
    chat: { id: overrides.chatId ?? (chatType === "PRIVATE" ? fromId : "group-1"), chat_type: chatType },
    text,
  };
  return { event_name: "message.text.received", message };
}
