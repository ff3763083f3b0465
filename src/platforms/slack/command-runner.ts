import { AppError } from "../../core/errors.js";
import type { Bot } from "../../core/handler.js";
import type { IncomingMessage } from "../../core/incoming.js";
import type { Reply } from "../../core/reply.js";
import { WorkQueue } from "../../core/work-queue.js";
import type { Logger } from "../../logger.js";
import { BUSY_TEXT, type ReplyDelivery, type ReplyTarget } from "./reply-delivery.js";

/**
 * Commands handled at once after their ack. A command now holds a database connection for one or two statements
 * (no interactive transaction) and spends most of its time waiting on Slack and the database, so 32 at once keep
 * the process busy without queueing on the pool; at 8 the same machine answered 69 commands/s instead of 180.
 */
const DEFAULT_CONCURRENCY = 32;

export interface CommandRunnerOptions {
  bot: Bot;
  delivery: ReplyDelivery;
  logger: Logger;
  /** Told which Slack users' tasks may have changed, to refresh their App Home. */
  onTasksChanged?: (teamId: string, userIds: string[]) => void;
  /** At most this many messages are handled at once; the others wait in arrival order. Default 32. */
  concurrency?: number;
}

/**
 * The one catch point of the Slack adapter: runs a normalised message through Bot.handle, and answers "busy, try
 * again" privately when the system failed. Listeners call this only after they have acked, so nothing here counts
 * against Slack's 3 seconds.
 */
export class CommandRunner {
  private readonly queue: WorkQueue;

  constructor(private readonly options: CommandRunnerOptions) {
    this.queue = new WorkQueue(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** Handles `incoming` and returns its replies; undefined when the system failed (the user has been told). */
  handle(incoming: IncomingMessage, target: ReplyTarget): Promise<Reply[] | undefined> {
    return this.queue.run(() => this.handleNow(incoming, target));
  }

  /** Handles `incoming` and delivers every reply to `target` (the delivery holds the slot too: it is post-ack work). */
  run(incoming: IncomingMessage, target: ReplyTarget): Promise<void> {
    return this.queue.run(async () => {
      const replies = await this.handleNow(incoming, target);
      if (replies && replies.length > 0) await this.options.delivery.deliver(replies, target);
    });
  }

  private async handleNow(incoming: IncomingMessage, target: ReplyTarget): Promise<Reply[] | undefined> {
    const { bot, delivery, logger } = this.options;
    let replies: Reply[];
    try {
      replies = await bot.handle(incoming);
    } catch (error) {
      const code = error instanceof AppError ? error.code : "internal";
      logger.error(
        { code, err: error instanceof AppError ? undefined : error, eventId: incoming.eventId },
        "slack command failed",
      );
      await delivery.sendEphemeral(BUSY_TEXT, target);
      return undefined;
    }
    this.notifyChanges(incoming, replies);
    return replies;
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
