// Several Slack workspaces in one fake Slack (test/slack/fake-slack-server.ts): Slack's OAuth authorize page and
// oauth.v2.access for "Add to Slack", and auth.test answered per bot token. Each workspace's token is registered
// with the fake so that every recorded call says whose token it carried.
import type { FakeSlackServer } from "../fake-slack-server.js";

export const CLIENT_ID = "1111111111.2222222222";
export const CLIENT_SECRET = "fake-client-secret-for-tests";
export const AUTHORIZE_PATH = "/oauth/v2/authorize";

export interface FakeWorkspace {
  label: string;
  teamId: string;
  teamName: string;
  token: string;
  botUserId: string;
  botId: string;
}

export class FakeSlackWorkspaces {
  readonly workspaces = new Map<string, FakeWorkspace>();
  /** Which workspace the person on Slack's authorize page is signed in to (what they pick in Slack's menu). */
  signedInTo: string | undefined;
  /** The app's redirect URL as configured in its manifest (where Slack sends the person back). */
  redirectUrl = "";
  /** Authorization codes handed out and not used yet → team id. */
  private readonly codes = new Map<string, string>();
  private counter = 0;
  readonly exchanges: { clientId: unknown; ok: boolean }[] = [];

  constructor(private readonly fake: FakeSlackServer) {
    fake.pages.set(AUTHORIZE_PATH, (req, res) => this.authorizePage(req.url ?? "", res));
    fake.methodAnswers.set("oauth.v2.access", (args) => this.exchange(args));
    fake.methodAnswers.set("auth.test", (_args, token) => this.authTest(token));
  }

  add(label: string, teamId: string): FakeWorkspace {
    const workspace = {
      label,
      teamId,
      teamName: `Công ty ${label}`,
      token: `xoxb-${teamId}-${Math.random().toString(36).slice(2)}`,
      botUserId: `UBOT${teamId}`,
      botId: `BBOT${teamId}`,
    };
    this.workspaces.set(teamId, workspace);
    this.fake.tokenOwners.set(workspace.token, label);
    return workspace;
  }

  get authorizationUrl(): string {
    return `${this.fake.url}${AUTHORIZE_PATH}`;
  }

  /** Slack's consent page, reduced to its one button: "Allow" sends the person back with a code and the state. */
  private authorizePage(url: string, res: import("node:http").ServerResponse): void {
    const query = new URL(url, "http://fake").searchParams;
    const team = this.signedInTo;
    if (query.get("client_id") !== CLIENT_ID || !team) {
      res.writeHead(400, { "content-type": "text/plain" });
      res.end("invalid_client_id or not signed in");
      return;
    }
    const code = `code-${team}-${++this.counter}`;
    this.codes.set(code, team);
    const back = new URL(this.redirectUrl);
    back.searchParams.set("code", code);
    back.searchParams.set("state", query.get("state") ?? "");
    const href = back.toString().replaceAll("&", "&amp;");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html><body><p>Rõ Việc asks for: ${query.get("scope")}</p><a id="allow" href="${href}">Allow</a></body></html>`,
    );
  }

  private exchange(args: Record<string, unknown>): Record<string, unknown> {
    const team = this.codes.get(String(args.code));
    const ok = team !== undefined && args.client_id === CLIENT_ID && args.client_secret === CLIENT_SECRET;
    this.exchanges.push({ clientId: args.client_id, ok });
    if (!ok || !team) return { ok: false, error: "invalid_code" };
    this.codes.delete(String(args.code));
    const workspace = this.workspaces.get(team);
    if (!workspace) return { ok: false, error: "invalid_code" };
    return {
      ok: true,
      app_id: "A0ROVIEC",
      authed_user: { id: `UADMIN${team}` },
      scope: "commands,chat:write",
      token_type: "bot",
      access_token: workspace.token,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private authTest(token: string | undefined): Record<string, unknown> {
    const workspace = [...this.workspaces.values()].find((w) => w.token === token);
    if (!workspace) return { ok: false, error: "invalid_auth" };
    return { ok: true, team_id: workspace.teamId, user_id: workspace.botUserId, bot_id: workspace.botId };
  }
}
