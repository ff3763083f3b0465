import type { Writable } from "node:stream";
import type { Reply } from "../../core/reply.js";
import type { MessageSender } from "../../core/sender.js";
import { formatConsoleReply } from "./console-render.js";

/** Pings and summaries in the terminal chat: printed as they come, tagged with their channel. */
export class ConsoleSender implements MessageSender {
  readonly platform = "console" as const;
  private sent = 0;

  constructor(private readonly output: Writable) {}

  async send(target: string, reply: Reply): Promise<{ externalMessageId: string }> {
    this.sent += 1;
    this.output.write(`\n[#${target}] ${formatConsoleReply(reply)}\n`);
    return { externalMessageId: `console-${this.sent}` };
  }
}
