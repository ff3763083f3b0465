import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../core/reply.js";
import type { Logger } from "../../logger.js";
import { postJson } from "./json-post.js";
import { renderReply, type SlackMessagePage } from "./reply-blocks.js";
import { describeSlackFailure } from "./slack-errors.js";
import { uploadPeopleChart } from "./summary-chart.js";
import type { DueDescriber } from "./task-card.js";

/** Where the answers to one Slack request go. */
export interface ReplyTarget {
  channelId: string;
  userId: string;
  isDirectMessage: boolean;
  /** The request's response_url (commands, interactions, shortcuts): works even where the bot is not a member. */
  responseUrl?: string;
  /** Answer inside this thread (a mention written in a thread). */
  threadTs?: string;
}

export interface ReplyDeliveryOptions {
  client: WebClient;
  describeDue: DueDescriber;
  logger: Logger;
}

/** Slack lets a response_url take 5 posts in 30 minutes; keep one spare for a final error message. */
const RESPONSE_URL_BUDGET = 4;
/** Slack answers a response_url at once; a reply still unanswered after this is logged, not waited for. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/**
 * Sends a handler's replies: `channel` replies visible to everyone (`in_channel`), `private` ones ephemeral to the
 * person who asked (in a DM, a normal message). The response_url is preferred while its budget lasts because it
 * also works in channels the bot has not joined; otherwise chat.postMessage / chat.postEphemeral.
 */
export class ReplyDelivery {
  constructor(private readonly options: ReplyDeliveryOptions) {}

  async deliver(replies: Reply[], target: ReplyTarget): Promise<void> {
    const budget = { responseUrlPosts: 0 };
    for (const reply of replies) {
      const visibility = reply.isError ? "private" : reply.visibility;
      for (const page of renderReply(reply, this.options.describeDue)) {
        await this.post(page, visibility, target, budget);
      }
      if (reply.attachment) await this.upload(reply, visibility, target);
      if (reply.summary && !reply.isError) await this.uploadChart(reply, visibility, target);
    }
  }

  /** The summary's per-person chart, next to the summary (a failure costs the picture, not the summary). */
  private async uploadChart(reply: Reply, visibility: Reply["visibility"], target: ReplyTarget): Promise<void> {
    if (!reply.summary) return;
    try {
      await uploadPeopleChart(this.options.client, await this.fileChannel(visibility, target), reply.summary);
    } catch (error) {
      this.options.logger.warn({ failure: describeSlackFailure("files.uploadV2", error) }, "slack chart upload failed");
    }
  }

  /** Where a file goes: the channel, or for a private answer outside a DM the person's DM with the bot. */
  private async fileChannel(visibility: Reply["visibility"], target: ReplyTarget): Promise<string> {
    if (visibility !== "private" || target.isDirectMessage) return target.channelId;
    const opened = await this.options.client.conversations.open({ users: target.userId });
    return opened.channel?.id ?? target.userId;
  }

  private async post(
    page: SlackMessagePage,
    visibility: Reply["visibility"],
    target: ReplyTarget,
    budget: { responseUrlPosts: number },
  ): Promise<void> {
    const { client } = this.options;
    if (target.responseUrl && budget.responseUrlPosts < RESPONSE_URL_BUDGET) {
      budget.responseUrlPosts++;
      const responseType = visibility === "channel" ? "in_channel" : "ephemeral";
      await this.postToResponseUrl(target.responseUrl, {
        ...page,
        response_type: responseType,
        replace_original: false,
      });
      return;
    }
    const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
    try {
      if (visibility === "channel" || target.isDirectMessage) {
        await client.chat.postMessage({ channel: target.channelId, ...page, ...thread, unfurl_links: false });
      } else {
        await client.chat.postEphemeral({ channel: target.channelId, user: target.userId, ...page, ...thread });
      }
    } catch (error) {
      this.options.logger.warn({ failure: describeSlackFailure("chat.postMessage", error) }, "slack reply failed");
    }
  }

  /** Replaces the message a button was pressed on (ephemeral or not) through its response_url. */
  async replaceOriginal(responseUrl: string, page: SlackMessagePage): Promise<void> {
    await this.postToResponseUrl(responseUrl, { ...page, replace_original: true });
  }

  /** Through the lean keep-alive POST (json-post.ts): every answered command makes one, so fetch's cost shows. */
  private async postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
    try {
      const headers = { "content-type": "application/json" };
      const response = await postJson(new URL(url), headers, JSON.stringify(body), RESPONSE_URL_TIMEOUT_MS);
      if (response.status < 200 || response.status > 299) {
        this.options.logger.warn({ status: response.status }, "slack response_url refused the reply");
      }
    } catch (error) {
      this.options.logger.warn({ code: (error as { code?: string }).code }, "slack response_url unreachable");
    }
  }

  private async upload(reply: Reply, visibility: Reply["visibility"], target: ReplyTarget): Promise<void> {
    const attachment = reply.attachment;
    if (!attachment) return;
    const { client } = this.options;
    try {
      await client.filesUploadV2({
        channel_id: await this.fileChannel(visibility, target),
        file: Buffer.from(attachment.content),
        filename: attachment.filename,
      });
    } catch (error) {
      this.options.logger.warn({ failure: describeSlackFailure("files.uploadV2", error) }, "slack file upload failed");
    }
  }
}
