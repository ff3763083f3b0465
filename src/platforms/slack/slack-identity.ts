import type { WebClient } from "@slack/web-api";

/** Who the bot is in its workspace (auth.test): its own messages are recognised, and mentions of it stripped. */
export interface SlackIdentity {
  botId?: string;
  botUserId?: string;
  teamId?: string;
}

/**
 * The bot's identity for a single-workspace bot token, fetched on first use and kept; a failed auth.test is retried
 * on the next request instead of failing every request forever. Shared by bolt's authorize and the request reader.
 */
export function createSlackIdentity(client: WebClient, botToken: string): () => Promise<SlackIdentity> {
  let identity: Promise<SlackIdentity> | undefined;
  return () => {
    identity ??= client.auth.test({ token: botToken }).then(
      (result) => ({ botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return identity;
  };
}
