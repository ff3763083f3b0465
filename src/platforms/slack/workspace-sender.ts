import type { WebClientOptions } from "@slack/web-api";
import type { Reply } from "../../core/reply.js";
import { type MessageSender, SendError } from "../../core/sender.js";
import type { Logger } from "../../logger.js";
import type { OutboxWorkspace } from "../../services/outbox-workspace.js";
import type { SlackBotAuthorization } from "../../services/slack-installation-store.js";
import { SlackMessageSender } from "./message-sender.js";
import { OutboxWebClient } from "./outbox-web-client.js";
import type { DueDescriber } from "./task-card.js";

export interface WorkspaceSenderOptions {
  /** The workspace (Slack team id, and its org when served org-wide) an outbox message is for. */
  workspaceOf(outboxId: string): Promise<OutboxWorkspace | undefined>;
  /** The bot credentials serving a team, or undefined when the app is not (or no longer) installed there. */
  authorizationOf(workspace: OutboxWorkspace): Promise<SlackBotAuthorization | undefined>;
  /** The outbox client's options (no retries, a timeout): see createSlackAdapter. */
  clientOptions: WebClientOptions;
  describeDue: DueDescriber;
  logger: Logger;
}

/**
 * The outbox's Slack sender when one process serves many workspaces: each message goes out with the bot token of
 * the workspace its channel belongs to, never another's. A workspace that uninstalled the app is suspended and its
 * messages never reach this sender; one without an installation all the same (its channel gone, an org-wide install
 * whose team's org is not known yet) fails the message for good.
 */
export class WorkspaceSender implements MessageSender {
  readonly platform = "slack" as const;
  /** One sender per installed token, reused while the token stays the same (a reinstall brings a new one). */
  private readonly senders = new Map<string, { token: string; sender: SlackMessageSender }>();

  constructor(private readonly options: WorkspaceSenderOptions) {}

  async send(target: string, reply: Reply, meta: { outboxId: string }): Promise<{ externalMessageId?: string }> {
    return (await this.senderFor(meta.outboxId)).send(target, reply, meta);
  }

  async wasDelivered(target: string, outboxId: string, since: Date): Promise<boolean> {
    return (await this.senderFor(outboxId)).wasDelivered(target, outboxId, since);
  }

  private async senderFor(outboxId: string): Promise<SlackMessageSender> {
    const workspace = await this.options.workspaceOf(outboxId);
    if (!workspace) throw notInstalled("the message's channel is gone");
    const { teamId } = workspace;
    const auth = await this.options.authorizationOf(workspace);
    if (!auth) throw notInstalled(`the app is not installed in ${teamId}`);
    const known = this.senders.get(teamId);
    if (known?.token === auth.botToken) return known.sender;
    const sender = new SlackMessageSender({
      client: new OutboxWebClient(auth.botToken, this.options.clientOptions),
      describeDue: this.options.describeDue,
      logger: this.options.logger,
    });
    this.senders.set(teamId, { token: auth.botToken, sender });
    return sender;
  }
}

function notInstalled(why: string): SendError {
  return new SendError(why, { platform: "slack", method: "authorize", retryable: false, code: "not_installed" });
}
