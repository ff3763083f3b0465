import { AsyncLocalStorage } from "node:async_hooks";
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { type WebAPICallResult, WebClient, type WebClientOptions } from "@slack/web-api";

/**
 * Which workspace's bot token a Slack call made while handling a request uses, when one process serves many
 * workspaces. The adapter's helpers (reply delivery, user and channel lookups, the Home tab, card updates) hold one
 * client; in the distributed mode that client is a {@link WorkspaceRoutedClient}, and the token it sends is the one
 * bolt authorized for the request being handled, carried with the request's async work. A call made outside any
 * request (nothing authorized it) fails instead of borrowing some other workspace's token.
 */

interface WorkspaceScope {
  /** The authorized bot token of the request's workspace. */
  botToken: string;
  teamId?: string;
}

const scopes = new AsyncLocalStorage<WorkspaceScope>();

/** Runs `work` with `scope` as the workspace of every Slack call it makes. */
export function runInWorkspace<T>(scope: WorkspaceScope, work: () => Promise<T>): Promise<T> {
  return scopes.run(scope, work);
}

/** The team of the request being handled, if any (for logs and tests). */
export function currentWorkspaceTeam(): string | undefined {
  return scopes.getStore()?.teamId;
}

/**
 * Bolt global middleware: the rest of the request (its listeners and their post-ack work) runs in its workspace.
 * Bolt skips authorize for app_uninstalled and tokens_revoked (the token is gone by then): those run with no
 * workspace, so a Slack call made while handling them fails rather than using any token.
 */
export const enterRequestWorkspace: Middleware<AnyMiddlewareArgs> = async ({ context, next }) => {
  if (!context.botToken) return next();
  await runInWorkspace({ botToken: context.botToken, teamId: context.teamId }, next);
};

export class WorkspaceScopeError extends Error {
  readonly code = "slack_no_workspace";
  constructor() {
    super("a Slack call was made outside any authorized workspace");
    this.name = "WorkspaceScopeError";
  }
}

/**
 * A WebClient without a token of its own: each call carries the bot token of the workspace it is made for. Every
 * Web API method (files.uploadV2's steps included) goes through apiCall, so this is the one place to pick it.
 */
export class WorkspaceRoutedClient extends WebClient {
  constructor(options: WebClientOptions) {
    super(undefined, options);
  }

  override apiCall(method: string, options: Record<string, unknown> = {}): Promise<WebAPICallResult> {
    if (options.token) return super.apiCall(method, options);
    const scope = scopes.getStore();
    if (!scope) return Promise.reject(new WorkspaceScopeError());
    return super.apiCall(method, { ...options, token: scope.botToken });
  }
}
