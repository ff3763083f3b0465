import type { Writable } from "node:stream";
import type { Locale } from "../../core/incoming.js";
import type { Reply } from "../../core/reply.js";
import type { MessageSender } from "../../core/sender.js";
import type { Paint } from "./console-paint.js";
import { formatConsoleReply } from "./console-render.js";

export interface ConsoleSenderOptions {
  paint?: Paint;
  /**
   * The chat clock's time in words in the message's language (its channel's), when the clock was set (`/now`,
   * `/tua`); undefined while it follows real time.
   */
  stamp?: (locale: Locale | undefined) => string | undefined;
  /** The chat clock's instant (orders held messages). */
  now?: () => Date;
  /** Start a message arriving on its own (real time) on a new line: a person's prompt may be waiting there. */
  startOnNewLine?: boolean;
}

/**
 * Pings and summaries in the terminal chat: printed as they come, tagged with their channel and, when the chat's
 * clock was set, with that clock's time, so a skipped week reads as the week it was.
 *
 * While the clock jumps, messages are held and printed when it lands, by the clock's time and then by chat: the
 * outbox keeps each chat's order, but messages to two chats at one instant may be sent in either order, and the
 * same conversation must print the same transcript.
 */
export class ConsoleSender implements MessageSender {
  readonly platform = "console" as const;
  private sent = 0;
  private held: { at: number; target: string; line: string }[] | undefined;

  constructor(
    private readonly output: Writable,
    private readonly options: ConsoleSenderOptions = {},
  ) {}

  async send(target: string, reply: Reply): Promise<{ externalMessageId: string }> {
    this.sent += 1;
    const { paint, stamp } = this.options;
    const when = stamp?.(reply.presentation?.locale ?? reply.summary?.locale);
    const tag = `[${when ? `${when} · ` : ""}#${target}]`;
    const line = `${paint ? paint.note(tag) : tag} ${formatConsoleReply(reply, undefined, paint)}\n`;
    if (this.held) this.held.push({ at: this.options.now?.().getTime() ?? 0, target, line });
    else this.output.write(this.options.startOnNewLine ? `\n${line}` : line);
    return { externalMessageId: `console-${this.sent}` };
  }

  /** Holds what is sent from now until `release`. */
  hold(): void {
    this.held ??= [];
  }

  /** Prints what was held, by time and then by chat (each chat's own order kept), and prints at once again. */
  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    const ordered = held
      .map((message, index) => ({ ...message, index }))
      .sort((a, b) => a.at - b.at || a.target.localeCompare(b.target) || a.index - b.index);
    for (const message of ordered) this.output.write(message.line);
  }
}
