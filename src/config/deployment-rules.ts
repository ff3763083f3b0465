/**
 * Rules that span several variables: how the bot may be deployed. Each broken rule is one line saying what to set.
 * Checked by loadConfig after each variable is valid on its own.
 */
export interface DeploymentSettings {
  ROLE: "all" | "web" | "worker";
  WEB_PROCESSES?: number;
  DATABASE_URL?: string;
  SLACK_BOT_TOKEN?: string;
  /** Many Slack workspaces installed through "Add to Slack" (src/config/slack-distribution.ts). */
  SLACK_CLIENT_ID?: string;
  SLACK_SIGNING_SECRET?: string;
  SLACK_APP_TOKEN?: string;
  ZALO_BOT_TOKEN?: string;
}

/** Whether a platform is configured (a token, or Slack's many-workspace install; else the bot is the terminal chat). */
export function hasPlatformToken(
  config: Pick<DeploymentSettings, "SLACK_BOT_TOKEN" | "SLACK_CLIENT_ID" | "ZALO_BOT_TOKEN">,
): boolean {
  return Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID || config.ZALO_BOT_TOKEN);
}

/** The variables that make the bot serve a platform, for messages that tell an operator what to set. */
export const platformVariablesHint =
  "SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (many) with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode), and/or ZALO_BOT_TOKEN";

export function deploymentProblems(config: DeploymentSettings): string[] {
  const problems: string[] = [];
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    problems.push("SLACK_BOT_TOKEN is set, so set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
  }
  if (config.ROLE !== "all" && !hasPlatformToken(config)) {
    problems.push(
      `ROLE=${config.ROLE} splits a platform bot across processes, so set ${platformVariablesHint} (the terminal chat runs as ROLE=all)`,
    );
  }
  if (config.ROLE !== "all" && !config.DATABASE_URL) {
    problems.push(
      `ROLE=${config.ROLE} needs DATABASE_URL (PostgreSQL): the embedded PGlite database can be opened by one process only, so web and worker cannot share it; use ROLE=all or set DATABASE_URL`,
    );
  }
  if ((config.WEB_PROCESSES ?? 1) > 1 && config.ROLE !== "web") {
    problems.push(
      `WEB_PROCESSES=${config.WEB_PROCESSES} runs several web processes behind one port, so set ROLE=web (run more ROLE=worker processes to share the jobs)`,
    );
  }
  return problems;
}
