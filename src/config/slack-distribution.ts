import { z } from "zod";
import { isTokenKey } from "../services/token-cipher.js";

/**
 * Settings of a distributed Slack app (many workspaces install it with "Add to Slack"), beside the single-workspace
 * SLACK_BOT_TOKEN mode. Setting SLACK_CLIENT_ID turns the distributed mode on; the others are then required.
 */

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const tokenKey = optionalText.refine((v) => v === undefined || isTokenKey(v), {
  message: "must be 32 random bytes as base64 or hex; generate one with: openssl rand -base64 32",
});

export const slackDistributionFields = {
  /** The app's Client ID (Basic Information → App Credentials); turns on "Add to Slack" for many workspaces. */
  SLACK_CLIENT_ID: optionalText.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), {
    message: "must be the app's Client ID, digits.digits as Slack shows it under Basic Information",
  }),
  SLACK_CLIENT_SECRET: optionalText,
  /** Signs the OAuth `state` that ties Slack's redirect to the browser that started the install. */
  SLACK_STATE_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: "must be at least 32 characters; generate one with: openssl rand -hex 32",
  }),
  /** Seals the bot tokens stored in the database (AES-256-GCM). */
  SLACK_TOKEN_KEY: tokenKey,
  /** The key being rotated out: still opens tokens until `npm run slack:rotate-key` has resealed them. */
  SLACK_TOKEN_KEY_PREVIOUS: tokenKey,
};

type DistributionSettings = { [K in keyof typeof slackDistributionFields]?: string } & {
  SLACK_BOT_TOKEN?: string;
  SLACK_SIGNING_SECRET?: string;
  SLACK_APP_TOKEN?: string;
};

/** What is missing or contradictory in the distributed mode's settings, one line each (empty when fine). */
export function slackDistributionProblems(config: DistributionSettings): string[] {
  if (!config.SLACK_CLIENT_ID) return [];
  const problems: string[] = [];
  for (const name of ["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_TOKEN_KEY"] as const) {
    if (!config[name]) problems.push(`SLACK_CLIENT_ID is set (installs through "Add to Slack"), so set ${name}`);
  }
  if (config.SLACK_BOT_TOKEN) {
    problems.push(
      "SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: keep SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID for many",
    );
  }
  if (!config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    problems.push("SLACK_CLIENT_ID is set, so set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
  }
  return problems;
}

/** Whether the app serves many workspaces installed through OAuth. */
export function isSlackDistributed(config: { SLACK_CLIENT_ID?: string }): boolean {
  return config.SLACK_CLIENT_ID !== undefined;
}
