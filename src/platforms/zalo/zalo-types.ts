/**
 * Shapes of the Zalo Bot API as the official docs and SDKs describe them. Where the sources disagree (marked [?] in
 * docs/reference) the types are loose on purpose: optional fields, and an index signature for what may be added.
 */

/** The reply envelope of every method. Decide on `ok`, never on the HTTP status alone. */
export interface ZaloEnvelope<T = unknown> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
}

/** `getMe`. `can_join_groups` tells whether groups (beta) are open to this bot. */
export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type?: string;
  can_join_groups?: boolean;
  /** Some responses also carry a display name distinct from the account name [?]. */
  display_name?: string;
  [key: string]: unknown;
}

export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
  [key: string]: unknown;
}

/** `sendMessage`, `sendPhoto`, `sendSticker`: `date` is epoch milliseconds. */
export interface ZaloSentMessage {
  message_id: string;
  date?: number;
  [key: string]: unknown;
}

export type ZaloChatType = "PRIVATE" | "GROUP";

export interface ZaloUser {
  /** A hex string; in a PRIVATE chat it equals `chat.id`. */
  id: string;
  display_name?: string;
  is_bot?: boolean;
}

export interface ZaloMessage {
  message_id: string;
  /** Epoch milliseconds. */
  date?: number;
  from: ZaloUser;
  chat: { id: string; chat_type?: ZaloChatType | string };
  text?: string;
  caption?: string;
  /** The docs name it `photo`, some reports `photo_url` [?]. */
  photo?: string;
  photo_url?: string;
  sticker?: string;
  [key: string]: unknown;
}

export type ZaloEventName =
  | "message.text.received"
  | "message.image.received"
  | "message.sticker.received"
  | "message.voice.received"
  | "message.unsupported.received";

/** One update: `getUpdates` returns ONE of these (not an array), and a webhook delivers one per request. */
export interface ZaloUpdate {
  event_name: ZaloEventName | (string & {});
  message?: ZaloMessage;
}

export type ZaloChatAction = "typing" | "upload_photo";
