import type { WebClient } from "@slack/web-api";
import type { IncomingPerson, Locale } from "../../core/incoming.js";
import { stripReservedCharacters } from "../../core/reply.js";
import type { Logger } from "../../logger.js";
import { describeSlackFailure } from "./slack-errors.js";

export interface SlackUser extends IncomingPerson {
  isWorkspaceAdmin: boolean;
  isBot: boolean;
}

export interface UserDirectoryOptions {
  client: WebClient;
  logger: Logger;
  /** How long a users.info answer is reused, in milliseconds. Default 1 hour. */
  ttlMs?: number;
  /** Entries kept at most; the oldest go first. Default 5000. */
  maxEntries?: number;
}

/**
 * Who a Slack user is (display name, time zone, locale, admin), from `users.info`, asked once per user and kept in
 * memory. The core persists members; this cache only saves API calls (users.info is Tier 4) within a process.
 * When Slack cannot answer, the user id stands in as the name so a command never fails for lack of a profile.
 */
export class UserDirectory {
  private readonly cache = new Map<string, { user: Promise<SlackUser>; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: UserDirectoryOptions) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 5000;
  }

  lookup(teamId: string, userId: string): Promise<SlackUser> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    // real time: how long a profile read from Slack stays fresh.
    if (hit && hit.expiresAt > Date.now()) return hit.user;
    const user = this.fetch(userId);
    this.cache.set(key, { user, expiresAt: Date.now() + this.ttlMs }); // real time, as above
    // A failed lookup is not cached for long: try again on the next message.
    user.then((u) => {
      if (u.displayName === userId) this.cache.delete(key);
    });
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return user;
  }

  /** Forgets a user, e.g. after a `user_change` event. */
  forget(teamId: string, userId: string): void {
    this.cache.delete(`${teamId}:${userId}`);
  }

  private async fetch(userId: string): Promise<SlackUser> {
    try {
      const result = await this.options.client.users.info({ user: userId, include_locale: true });
      const user = result.user;
      const profile = user?.profile;
      const name =
        profile?.display_name?.trim() || profile?.real_name?.trim() || user?.real_name?.trim() || user?.name || userId;
      return {
        externalId: userId,
        displayName: stripReservedCharacters(name),
        timezone: user?.tz || undefined,
        locale: toLocale(user?.locale),
        isWorkspaceAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        isBot: Boolean(user?.is_bot),
      };
    } catch (error) {
      this.options.logger.warn(
        { failure: describeSlackFailure("users.info", error), userId },
        "users.info failed; using the user id as the name",
      );
      return { externalId: userId, displayName: userId, isWorkspaceAdmin: false, isBot: false };
    }
  }
}

function toLocale(slackLocale: string | undefined): Locale | undefined {
  if (!slackLocale) return undefined;
  if (slackLocale.toLowerCase().startsWith("vi")) return "vi";
  if (slackLocale.toLowerCase().startsWith("en")) return "en";
  return undefined;
}
