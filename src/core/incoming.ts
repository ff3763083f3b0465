/**
 * The one message shape every platform adapter produces (Slack, Zalo, terminal). Everything after the adapter —
 * parser, handlers, task service — sees only this, never a platform type.
 */
export type Platform = "slack" | "zalo" | "console";
export type { Locale } from "../locale.js";

import type { Locale } from "../locale.js";

export interface IncomingMessage {
  platform: Platform;
  workspace: { externalId: string; name?: string };
  channel: {
    externalId: string;
    name?: string;
    /** A one-to-one chat with the bot (Slack DM, Zalo PRIVATE chat). */
    isPrivateChat: boolean;
    /**
     * Who created the channel, when the platform says (Slack conversations.info): its first manager. Only read while
     * the channel has never had a manager.
     */
    creator?: IncomingPerson;
  };
  sender: IncomingPerson & {
    /** The platform says this person administers the workspace; such people count as managers everywhere. */
    isWorkspaceAdmin?: boolean;
    /** A chat id where the bot may write to this person privately. */
    privateChatId?: string;
  };
  /**
   * The command text with the bot's own leading mention removed. A mention of a person stands as `@token`,
   * where `token` is the `token` of one entry in `mentions` (Slack: the user id; Zalo and terminal: the name as typed).
   */
  text: string;
  /** People mentioned in `text`, in order. Platforms without mention entities (Zalo) leave `externalId` unset. */
  mentions: IncomingMention[];
  /**
   * `@token`s of `text` that the platform marked as addressing a group, not a person (Slack `<!channel>`,
   * `<!here>`, `<!everyone>`, user groups `<!subteam^…|@admins>`). They are never resolved to people.
   */
  groupMentions?: string[];
  /** The platform's id of this delivery (Slack event id or trigger id, Zalo message_id), for durable dedupe. */
  eventId?: string;
  /** When the platform says the message was written. */
  sentAt: Date;
  /** The platform message id, kept as the task's source. */
  messageRef?: string;
  /**
   * A command already in structured form (a Slack button or form): the parser is skipped and `text` is only kept
   * for the record. Typed text always goes through the parser.
   */
  command?: import("../language/index.js").ParsedCommand;
  /**
   * The task a button or menu was pressed for, by its database id. A card may be shown outside its channel (a
   * private "my tasks" list, a personal ping, the Slack Home tab): the command then acts on this task, in its own
   * channel and with the presser's rights there, whatever chat the press came from.
   */
  target?: { taskId: string };
  /**
   * The question this message answers, when the platform knows it (a Slack button on the question): an answer to a
   * question that was replaced or settled since is told so instead of answering the newer one. Typed answers ("1",
   * "hủy") leave it unset and answer the sender's open question in the channel.
   */
  answerTo?: string;
}

export interface IncomingPerson {
  externalId: string;
  displayName: string;
  /** IANA time zone, when the platform knows it (Slack users.info). */
  timezone?: string;
  locale?: Locale;
}

export interface IncomingMention {
  /** What follows "@" in `text`. */
  token: string;
  /** The platform user id, when the platform gives one. */
  externalId?: string;
  displayName: string;
  timezone?: string;
  locale?: Locale;
}
