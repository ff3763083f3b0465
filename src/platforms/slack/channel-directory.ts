import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../logger.js";
import { describeSlackFailure } from "./slack-errors.js";

/** How long "creator unknown" is remembered, in milliseconds. */
const UNKNOWN_TTL_MS = 60 * 60 * 1000;

export interface ChannelDirectoryOptions {
  client: WebClient;
  logger: Logger;
  /** How long an answer is reused, in milliseconds. Default 24 hours (a channel's creator never changes). */
  ttlMs?: number;
  /** Channels kept at most; the oldest go first. Default 5000. */
  maxEntries?: number;
}

/**
 * Who created a Slack channel (`conversations.info` → `creator`): the core makes that person the channel's first
 * manager while it has never had one. Asked once per channel and process; a failure (no `channels:read` scope, a
 * channel the bot cannot see) means "unknown", the channel then waits for a workspace admin to name its managers.
 */
export class ChannelDirectory {
  private readonly cache = new Map<string, { creator: Promise<string | undefined>; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: ChannelDirectoryOptions) {
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 5000;
  }

  creatorOf(teamId: string, channelId: string): Promise<string | undefined> {
    const key = `${teamId}:${channelId}`;
    const hit = this.cache.get(key);
    // real time: how long what Slack told us stays fresh (here and below).
    if (hit && hit.expiresAt > Date.now()) return hit.creator;
    const creator = this.fetch(channelId);
    this.cache.set(key, { creator, expiresAt: Date.now() + this.ttlMs }); // real time, as above
    // An unknown creator (a failure, a missing scope) is asked again after an hour rather than a day, and not on every
    // message: conversations.info is Tier 3, and a busy workspace has many channels.
    void creator.then((id) => {
      const entry = this.cache.get(key);
      // real time, as above
      if (id === undefined && entry) entry.expiresAt = Math.min(entry.expiresAt, Date.now() + UNKNOWN_TTL_MS);
    });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return creator;
  }

  private async fetch(channelId: string): Promise<string | undefined> {
    try {
      const result = await this.options.client.conversations.info({ channel: channelId });
      const creator = (result.channel as { creator?: unknown } | undefined)?.creator;
      return typeof creator === "string" && /^[UW][A-Z0-9]+$/.test(creator) ? creator : undefined;
    } catch (error) {
      this.options.logger.warn(
        { failure: describeSlackFailure("conversations.info", error), channelId },
        "conversations.info failed; the channel's first manager stays unknown",
      );
      return undefined;
    }
  }
}
