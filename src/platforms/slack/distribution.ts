import type { App, Authorize } from "@slack/bolt";
import type { WebClient, WebClientOptions } from "@slack/web-api";
import type { Config } from "../../config.js";
import type { MessageSender } from "../../core/sender.js";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import type { OutboxWorkspaceQuery } from "../../services/outbox-workspace.js";
import type { SlackInstallations } from "../../services/slack-installation-store.js";
import { listenForInstallChanges } from "./install-changes.js";
import { installationLookupOf } from "./installation-lookup.js";
import { createSlackInstallProvider, createSlackOAuthRoutes } from "./oauth-routes.js";
import type { DueDescriber } from "./task-card.js";
import { rotatingAuthorization } from "./token-rotation.js";
import { enterRequestWorkspace, WorkspaceRoutedClient } from "./workspace-scope.js";
import { WorkspaceSender } from "./workspace-sender.js";

export interface SlackDistributionOptions {
  config: Pick<Config, "SLACK_CLIENT_ID" | "SLACK_CLIENT_SECRET" | "SLACK_STATE_SECRET">;
  /** The installations, their bot tokens sealed at rest (src/services/slack-installation-store.ts). */
  installations: SlackInstallations;
  /** Which workspace an outbox message is for. */
  outboxWorkspaces: OutboxWorkspaceQuery;
  logger: Logger;
  /** The Web API's base URL (SLACK_API_URL; tests: the fake Slack). */
  slackApiUrl?: string;
  /** Slack's authorize page; tests point it at the fake. */
  authorizationUrl?: string;
}

/** What the Slack adapter needs to serve every workspace that installed the app, each with its own token. */
export interface SlackDistribution {
  installations: SlackInstallations;
  /** Bolt's authorize: the bot token of the request's workspace, from its installation. */
  authorize: Authorize<boolean>;
  /** Whether a verified request comes from an installed workspace; others are refused (401) before being written. */
  admit(body: Record<string, unknown>): Promise<boolean>;
  /** /slack/install and /slack/oauth_redirect. */
  routes: Record<string, RouteHandler>;
  /** The one client of the adapter's helpers: each call uses the token of the workspace being served. */
  interactiveClient(options: WebClientOptions): WebClient;
  /** The outbox's sender: each message with the token of its channel's workspace. */
  outboxSender(options: { clientOptions: WebClientOptions; describeDue: DueDescriber }): MessageSender;
  /** Bolt middleware and listeners: the request's workspace scope, uninstalls and revoked tokens. */
  listen(app: App): void;
}

export function createSlackDistribution(options: SlackDistributionOptions): SlackDistribution {
  const { config, outboxWorkspaces } = options;
  const logger = options.logger.child({ module: "slack-distribution" });
  if (!config.SLACK_CLIENT_ID || !config.SLACK_CLIENT_SECRET || !config.SLACK_STATE_SECRET) {
    throw new Error("the distributed Slack app needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET");
  }
  const slackApiUrl = options.slackApiUrl?.replace(/\/?$/, "/");
  const apiOptions = slackApiUrl ? { slackApiUrl } : {};
  const provider = createSlackInstallProvider({
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    installationStore: options.installations,
    clientOptions: apiOptions,
    authorizationUrl: options.authorizationUrl,
    logger,
  });
  // Every token handed out below is refreshed first when it rotates and is about to expire.
  const installations = rotatingAuthorization(options.installations, provider, logger);

  const authorize: Authorize<boolean> = async (source) => {
    const found = await installations.findAuthorization({
      teamId: source.teamId,
      enterpriseId: source.enterpriseId,
      isEnterpriseInstall: source.isEnterpriseInstall,
    });
    if (!found) throw new Error(`no Slack installation for ${source.enterpriseId ?? ""}/${source.teamId ?? ""}`);
    return found;
  };

  return {
    installations,
    authorize,
    admit: async (body) => {
      const lookup = installationLookupOf(body);
      return lookup !== undefined && (await installations.isInstalled(lookup));
    },
    routes: createSlackOAuthRoutes(provider, logger),
    interactiveClient: (clientOptions) => new WorkspaceRoutedClient(clientOptions),
    outboxSender: ({ clientOptions, describeDue }) =>
      new WorkspaceSender({
        workspaceOf: (outboxId) => outboxWorkspaces.workspaceOf(outboxId),
        // The team's own install first, then its org's org-wide one (see SlackInstallations.findAuthorization).
        authorizationOf: (workspace) => installations.findAuthorization(workspace),
        clientOptions,
        describeDue,
        logger,
      }),
    listen: (app) => {
      app.use(enterRequestWorkspace);
      listenForInstallChanges(app, installations, logger);
    },
  };
}
