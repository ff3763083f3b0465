import type { ServerResponse } from "node:http";
import { type CodedError, type Installation, type InstallationStore, InstallProvider } from "@slack/oauth";
import type { WebClientOptions } from "@slack/web-api";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import { createBoltLogger } from "./bolt-logger.js";
import { SLACK_BOT_SCOPES } from "./scopes.js";

export const SLACK_INSTALL_PATH = "/slack/install";
export const SLACK_OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` parameter; the browser that started the install must bring it back (a cookie). */
  stateSecret: string;
  installationStore: InstallationStore;
  /** Where oauth.v2.access is called (the Web API's base URL; tests point it at the fake Slack). */
  clientOptions: Omit<WebClientOptions, "logger" | "logLevel">;
  /** Slack's authorize page. Default https://slack.com/oauth/v2/authorize. */
  authorizationUrl?: string;
  logger: Logger;
}

/**
 * @slack/oauth's InstallProvider for our app: the "Add to Slack" flow (below), and `authorize`, which refreshes a
 * rotating bot token before it expires and stores the new one (see distribution.ts).
 */
export function createSlackInstallProvider(options: SlackOAuthOptions): InstallProvider {
  return new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    installationStore: options.installationStore,
    installUrlOptions: { scopes: [...SLACK_BOT_SCOPES] },
    renderHtmlForInstallPath: installPage,
    clientOptions: options.clientOptions,
    logger: createBoltLogger(options.logger.child({ module: "slack-oauth" })),
    ...(options.authorizationUrl ? { authorizationUrl: options.authorizationUrl } : {}),
  });
}

/**
 * "Add to Slack" for many workspaces, with @slack/oauth's InstallProvider on our one HTTP server:
 * GET /slack/install shows a page with the button (and sets the state cookie), Slack sends the person back to
 * /slack/oauth_redirect with a code and the state, the state is checked against that browser's cookie, the code is
 * exchanged for the bot token, and the installation is stored (its token sealed) through the InstallationStore.
 */
export function createSlackOAuthRoutes(provider: InstallProvider, parentLogger: Logger): Record<string, RouteHandler> {
  const logger = parentLogger.child({ module: "slack-oauth" });
  return {
    [SLACK_INSTALL_PATH]: async (request, response) => {
      if (request.method !== "GET") return methodNotAllowed(response);
      await provider.handleInstallPath(request, response);
    },
    [SLACK_OAUTH_REDIRECT_PATH]: async (request, response) => {
      if (request.method !== "GET") return methodNotAllowed(response);
      await provider.handleCallback(request, response, {
        success: (installation: Installation) => {
          const where = installation.team?.name ?? installation.enterprise?.name ?? "Slack";
          logger.info(
            { team: installation.team?.id, enterprise: installation.enterprise?.id },
            "slack app installed in a workspace",
          );
          page(response, 200, successBody(where));
        },
        failure: (error: CodedError) => {
          logger.warn({ code: error.code }, "slack install refused");
          page(response, 400, failureBody());
        },
      });
    },
  };
}

function installPage(url: string): string {
  return document(
    "Cài Rõ Việc vào Slack / Add Rõ Việc to Slack",
    `<h1>Cài Rõ Việc vào Slack</h1>
<p>Bấm nút dưới đây, chọn workspace của cơ quan và bấm <b>Cho phép</b>. Quản trị viên Slack có thể cần duyệt.</p>
<p lang="en">Press the button, choose your organisation's workspace and press <b>Allow</b>. A Slack admin may need to approve.</p>
<p><a id="add-to-slack" href="${escapeHtml(url)}">Thêm vào Slack / Add to Slack</a></p>`,
  );
}

function successBody(workspace: string): string {
  return document(
    "Đã cài xong / Installed",
    `<h1 id="installed">Đã cài Rõ Việc vào ${escapeHtml(workspace)}</h1>
<p>Mời bot vào kênh (<code>/invite @Rõ Việc</code>) rồi gõ <code>/viec trợ giúp</code>.</p>
<p lang="en">Rõ Việc is installed in ${escapeHtml(workspace)}. Invite it to a channel and type <code>/task help</code>.</p>`,
  );
}

function failureBody(): string {
  return document(
    "Chưa cài được / Not installed",
    `<h1 id="not-installed">Chưa cài được Rõ Việc</h1>
<p>Liên kết cài đặt đã hết hạn hoặc được mở ở trình duyệt khác. Vui lòng <a href="${SLACK_INSTALL_PATH}">bắt đầu lại</a>.</p>
<p lang="en">The install link expired or was opened in another browser. Please <a href="${SLACK_INSTALL_PATH}">start again</a>.</p>`,
  );
}

function document(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

function page(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  response.end(html);
}

function methodNotAllowed(response: ServerResponse): void {
  response.writeHead(405, { "content-type": "application/json", allow: "GET" });
  response.end(JSON.stringify({ ok: false, error: "method_not_allowed" }));
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
