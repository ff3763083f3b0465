import type { WebClient } from "@slack/web-api";
import type { WorkQueue } from "../../core/work-queue.js";
import type { Logger } from "../../logger.js";
import type { ChannelDirectory } from "./channel-directory.js";
import type { CommandRunner } from "./command-runner.js";
import type { HomeTab } from "./home-tab.js";
import type { ReplyDelivery } from "./reply-delivery.js";
import type { DueDescriber } from "./task-card.js";
import type { UserDirectory } from "./user-directory.js";

/** What the listeners share; built once by the adapter factory. */
export interface SlackRuntime {
  client: WebClient;
  runner: CommandRunner;
  /** The one line where all work after an ack waits, journaled or not (see createSlackAdapter). */
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
