import type { WebClient } from "@slack/web-api";
import type { Bot } from "../../core/handler.js";
import type { Locale } from "../../core/incoming.js";
import { WorkQueue } from "../../core/work-queue.js";
import type { Logger } from "../../logger.js";
import type { CreatedTasksQuery } from "../../services/created-tasks.js";
import type { HomeService } from "../../services/home-service.js";
import { ChannelDirectory } from "./channel-directory.js";
import { CommandRunner } from "./command-runner.js";
import { createDueDescriber } from "./due-text.js";
import { HomeTab } from "./home-tab.js";
import { ReplyDelivery } from "./reply-delivery.js";
import type { DueDescriber } from "./task-card.js";
import { UserDirectory } from "./user-directory.js";

/**
 * Work handled at once after its ack. A command holds a database connection for one or two statements (no
 * interactive transaction) and spends most of its time waiting on Slack and the database, so 32 at once keep the
 * process busy without queueing on the pool; at 8 the same machine answered 69 commands/s instead of 180.
 */
const WORK_CONCURRENCY = 32;

/** What the listeners and the request handler share; built once by the adapter factory. */
export interface SlackRuntime {
  client: WebClient;
  runner: CommandRunner;
  /** The one line where all work after an ack waits, journaled or not. */
  queue: WorkQueue;
  delivery: ReplyDelivery;
  directory: UserDirectory;
  /** Channels' creators (their first managers). */
  channels: ChannelDirectory;
  describeDue: DueDescriber;
  logger: Logger;
  /** Zone for picked dates when Slack does not tell the person's own. */
  defaultTimezone: string;
  /** The app's clock: dates picked on cards ("+1 day", "tomorrow morning") count from it. */
  now: () => Date;
  /** Present when a database is available to read "My tasks". */
  home?: HomeTab;
}

export interface SlackRuntimeOptions {
  client: WebClient;
  bot: Bot;
  logger: Logger;
  defaultTimezone: string;
  defaultLocale: Locale;
  clock: () => Date;
  homeService?: HomeService;
  createdTasks?: CreatedTasksQuery;
}

export function createSlackRuntime(options: SlackRuntimeOptions): SlackRuntime {
  const { client, bot, logger, defaultTimezone, clock, homeService } = options;
  const describeDue = createDueDescriber(defaultTimezone, options.defaultLocale, clock);
  const directory = new UserDirectory({ client, logger });
  const delivery = new ReplyDelivery({ client, describeDue, logger });
  const home = homeService
    ? new HomeTab({
        client,
        homeService,
        createdTasks: options.createdTasks,
        directory,
        describeDue,
        logger,
        defaultTimezone,
        clock,
      })
    : undefined;
  const runner = new CommandRunner({
    bot,
    delivery,
    logger,
    onTasksChanged: home ? (team, users) => home.refresh(team, users) : undefined,
  });
  return {
    client,
    runner,
    queue: new WorkQueue(WORK_CONCURRENCY),
    delivery,
    directory,
    channels: new ChannelDirectory({ client, logger }),
    describeDue,
    logger,
    defaultTimezone,
    now: clock,
    home,
  };
}
