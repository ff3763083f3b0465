import { isSlackDistributed } from "./config/slack-distribution.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { Logger } from "./logger.js";
import { createSlackDistribution, type SlackDistribution } from "./platforms/slack/distribution.js";
import { createOutboxWorkspaceQuery } from "./services/outbox-workspace.js";
import { createSlackInstallationStore } from "./services/slack-installation-store.js";
import { TokenCipher } from "./services/token-cipher.js";

/**
 * Many Slack workspaces ("Add to Slack") when SLACK_CLIENT_ID is set: the installations (tokens sealed with
 * SLACK_TOKEN_KEY) and the outbox's workspaces. Undefined for one workspace (SLACK_BOT_TOKEN).
 */
export function slackDistributionOf(config: Config, database: Database, logger: Logger): SlackDistribution | undefined {
  if (!isSlackDistributed(config)) return undefined;
  const cipher = new TokenCipher(config.SLACK_TOKEN_KEY ?? "", config.SLACK_TOKEN_KEY_PREVIOUS);
  return createSlackDistribution({
    config,
    installations: createSlackInstallationStore({ prisma: database.prisma, cipher }),
    outboxWorkspaces: createOutboxWorkspaceQuery({ prisma: database.prisma }),
    logger,
    slackApiUrl: config.SLACK_API_URL,
  });
}
