import { answerOrBusy } from "../../core/answer-or-busy.js";
import type { Bot } from "../../core/handler.js";
import type { IncomingMessage } from "../../core/incoming.js";
import type { Reply } from "../../core/reply.js";
import type { Logger } from "../../logger.js";
import type { ReplyDelivery, ReplyTarget } from "./reply-delivery.js";

export interface CommandRunnerOptions {
  bot: Bot;
  delivery: ReplyDelivery;
  logger: Logger;
  /** Told which Slack users' tasks may have changed, to refresh their App Home. */
  onTasksChanged?: (teamId: string, userIds: string[]) => void;
}

/**
 * Runs a normalised message through the bot (see answerOrBusy: a failure of the system is answered "busy, try
 * again", privately). Callers have acked and hold a slot of the adapter's work queue, so nothing here counts
 * against Slack's 3 seconds.
 */
export class CommandRunner {
  constructor(private readonly options: CommandRunnerOptions) {}

  /** Handles `incoming` and returns its replies; undefined when the system failed (the user has been told). */
  async handle(incoming: IncomingMessage, target: ReplyTarget): Promise<Reply[] | undefined> {
    const { bot, delivery, logger } = this.options;
    const answer = await answerOrBusy(bot, incoming, logger);
    if (!answer.ok) {
      await delivery.deliver(answer.replies, target);
      return undefined;
    }
    this.notifyChanges(incoming, answer.replies);
    return answer.replies;
  }

  /** Handles `incoming` and delivers every reply to `target`. */
  async run(incoming: IncomingMessage, target: ReplyTarget): Promise<void> {
    const replies = await this.handle(incoming, target);
    if (replies && replies.length > 0) await this.options.delivery.deliver(replies, target);
  }

  private notifyChanges(incoming: IncomingMessage, replies: Reply[]): void {
    const { onTasksChanged } = this.options;
    if (!onTasksChanged) return;
    const users = new Set<string>();
    for (const reply of replies) {
      if (reply.isError) continue;
      for (const task of reply.tasks ?? []) {
        if (task.creator.externalId) users.add(task.creator.externalId);
        for (const assignee of task.assignees) if (assignee.externalId) users.add(assignee.externalId);
      }
    }
    if (users.size > 0) {
      users.add(incoming.sender.externalId);
      onTasksChanged(incoming.workspace.externalId, [...users]);
    }
  }
}
