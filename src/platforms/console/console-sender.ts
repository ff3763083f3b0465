import type { Writable } from "node:stream";
import type { Reply } from "../../core/reply.js";
import type { MessageSender } from "../../core/sender.js";
import type { Paint } from "./console-paint.js";
import { formatConsoleReply } from "./console-render.js";

/**
 * Pings and summaries in the terminal chat: printed as they come, tagged with their channel and, when the chat's
 * clock was set (`/now`, `/tua`), with that clock's time, so a skipped week reads as the week it was.
 */
export class ConsoleSender implements MessageSender {
  readonly platform = "console" as const;
  private sent = 0;

  constructor(
    private readonly output: Writable,
    private readonly options: { paint?: Paint; stamp?: () => string | undefined } = {},
  ) {}

  async send(target: string, reply: Reply): Promise<{ externalMessageId: string }> {
    this.sent += 1;
    const { paint, stamp } = this.options;
    const when = stamp?.();
    const tag = `[${when ? `${when} · ` : ""}#${target}]`;
    this.output.write(`${paint ? paint.note(tag) : tag} ${formatConsoleReply(reply, undefined, paint)}\n`);
    return { externalMessageId: `console-${this.sent}` };
  }
}
