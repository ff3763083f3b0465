import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../core/reply.js";
import type { MessageSender } from "../../core/sender.js";
import type { Logger } from "../../logger.js";
import { renderReply, type SlackMessagePage } from "./reply-blocks.js";
import { describeSlackFailure, toSendError } from "./slack-errors.js";
import { uploadPeopleChart } from "./summary-chart.js";
import type { DueDescriber } from "./task-card.js";

/** The metadata event type that marks our outbox messages in channel history. */
export const OUTBOX_EVENT_TYPE = "roviec_outbox";

export interface SlackMessageSenderOptions {
  /** A client with retries turned off: the outbox owns retries and backoff (see slack.md, "Web API limits"). */
  client: WebClient;
  describeDue: DueDescriber;
  /** How many history pages `wasDelivered` reads at most (200 messages each). Default 5. */
  maxHistoryPages?: number;
  /** Where a failed chart upload is reported. */
  logger?: Logger;
}

/**
 * Sends outbox messages (pings, summaries) with chat.postMessage. Each message carries message metadata
 * `{event_type: "roviec_outbox", event_payload: {outbox_id}}` so that after an in-doubt send (timeout, crash) the
 * outbox can look in channel history and not post twice. A 429 becomes a retryable SendError with Retry-After.
 */
export class SlackMessageSender implements MessageSender {
  readonly platform = "slack" as const;

  constructor(private readonly options: SlackMessageSenderOptions) {}

  async send(target: string, reply: Reply, meta: { outboxId: string }): Promise<{ externalMessageId?: string }> {
    const pages = renderReply(reply, this.options.describeDue);
    let firstTs: string | undefined;
    for (const [index, page] of pages.entries()) {
      // Only the first page carries the outbox id: it is the one that proves the send happened.
      const ts = await this.post(target, page, index === 0 ? meta.outboxId : undefined);
      firstTs ??= ts;
    }
    if (reply.summary) await this.postChart(target, reply.summary);
    return firstTs ? { externalMessageId: firstTs } : {};
  }

  async wasDelivered(target: string, outboxId: string, since: Date): Promise<boolean> {
    const maxPages = this.options.maxHistoryPages ?? 5;
    const channel = await this.historyChannel(target);
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      let result: Awaited<ReturnType<WebClient["conversations"]["history"]>>;
      try {
        result = await this.options.client.conversations.history({
          channel,
          oldest: String(Math.floor(since.getTime() / 1000) - 1),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
      } catch (error) {
        throw toSendError("conversations.history", error);
      }
      const found = (result.messages ?? []).some((message) => {
        const metadata = message.metadata as
          | { event_type?: string; event_payload?: Record<string, unknown> }
          | undefined;
        return metadata?.event_type === OUTBOX_EVENT_TYPE && metadata.event_payload?.outbox_id === outboxId;
      });
      if (found) return true;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) return false;
    }
    return false;
  }

  /** A personal ping is posted to a user id (it lands in the bot's DM); its history lives in that DM channel. */
  private async historyChannel(target: string): Promise<string> {
    if (!/^[UW]/.test(target)) return target;
    try {
      const opened = await this.options.client.conversations.open({ users: target });
      return opened.channel?.id ?? target;
    } catch (error) {
      throw toSendError("conversations.open", error);
    }
  }

  /**
   * The summary's per-person chart, after the summary. Its failure is logged, never thrown: the summary is already
   * in the channel and a retry would post it twice. (A crash between the two loses only the picture.)
   */
  private async postChart(channel: string, summary: NonNullable<Reply["summary"]>): Promise<void> {
    try {
      await uploadPeopleChart(this.options.client, channel, summary);
    } catch (error) {
      this.options.logger?.warn(
        { failure: describeSlackFailure("files.uploadV2", error) },
        "slack summary chart not uploaded",
      );
    }
  }

  private async post(
    channel: string,
    page: SlackMessagePage,
    outboxId: string | undefined,
  ): Promise<string | undefined> {
    try {
      const result = await this.options.client.chat.postMessage({
        channel,
        text: page.text,
        blocks: page.blocks,
        unfurl_links: false,
        ...(outboxId ? { metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: outboxId } } } : {}),
      });
      return result.ts;
    } catch (error) {
      throw toSendError("chat.postMessage", error);
    }
  }
}
