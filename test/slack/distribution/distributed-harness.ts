// The Slack adapter serving many workspaces (OAuth installs) on our HTTP server, against one fake Slack that plays
// several workspaces. A real bot on a real database handles what arrives.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { createAppBot } from "../../../src/app-bot.js";
import type { Database } from "../../../src/db/client.js";
import { createHttpServer, listen } from "../../../src/http/server.js";
import { createLogger, type Logger } from "../../../src/logger.js";
import { createSlackDistribution, type SlackDistribution } from "../../../src/platforms/slack/distribution.js";
import { createSlackAdapter, type SlackAdapter } from "../../../src/platforms/slack/index.js";
import { createCreatedTasksQuery } from "../../../src/services/created-tasks.js";
import { createHomeService } from "../../../src/services/home-service.js";
import { createInboundJournal } from "../../../src/services/inbound-journal.js";
import { createOutboxWorkspaceQuery } from "../../../src/services/outbox-workspace.js";
import { createSlackInstallationStore } from "../../../src/services/slack-installation-store.js";
import { TokenCipher } from "../../../src/services/token-cipher.js";
import { coreServices, FIXED_NOW } from "../../helpers/chat-harness.js";
import { eventually } from "../../helpers/eventually.js";
import { FakeSlackServer } from "../fake-slack-server.js";
import { postSigned, type SlackPost, triggerId } from "../slack-requests.js";
import { CLIENT_ID, CLIENT_SECRET, FakeSlackWorkspaces } from "./fake-slack-workspaces.js";

export const SIGNING_SECRET = "distributed-signing-secret-0123456789";
export const TOKEN_KEY = randomBytes(32).toString("base64");
const STATE_SECRET = "state-secret-for-tests-0123456789abcdef";

export interface DistributedHarness {
  fake: FakeSlackServer;
  workspaces: FakeSlackWorkspaces;
  adapter: SlackAdapter;
  distribution: SlackDistribution;
  baseUrl: string;
  post(request: SlackPost): Promise<{ status: number; text: string }>;
  /** Runs "Add to Slack" for `teamId` over plain HTTP as a browser would (cookie kept); resolves with the last page. */
  install(teamId: string): Promise<{ status: number; html: string }>;
  /** A slash command from `teamId`; resolves with its answers on the response_url (waits for the first). */
  command(teamId: string, channel: string, user: string, text: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** `logger`: where the adapter logs (default silent); a test that reads the logs passes its own. */
export async function startDistributedHarness(
  database: Database,
  logger: Logger = createLogger("silent"),
): Promise<DistributedHarness> {
  const fake = await new FakeSlackServer().start();
  const workspaces = new FakeSlackWorkspaces(fake);
  const { tasks, directory, questions } = coreServices(database);
  const bot = createAppBot({ services: { tasks, directory, questions }, logger, now: () => FIXED_NOW });
  const distribution = createSlackDistribution({
    config: {
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: CLIENT_SECRET,
      SLACK_STATE_SECRET: STATE_SECRET,
    },
    installations: createSlackInstallationStore({ prisma: database.prisma, cipher: new TokenCipher(TOKEN_KEY) }),
    outboxWorkspaces: createOutboxWorkspaceQuery({ prisma: database.prisma }),
    logger,
    slackApiUrl: fake.apiUrl,
    authorizationUrl: workspaces.authorizationUrl,
  });
  const adapter = createSlackAdapter({
    config: {
      SLACK_BOT_TOKEN: undefined,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: fake.apiUrl,
      DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
      DEFAULT_LOCALE: "vi",
    },
    bot,
    logger,
    homeService: createHomeService({ prisma: database.prisma }),
    createdTasks: createCreatedTasksQuery({ prisma: database.prisma }),
    journal: createInboundJournal(database.priorityLane),
    clock: () => FIXED_NOW,
    distribution,
  });
  await adapter.start();
  const server: Server = createHttpServer({ routes: adapter.routes, logger });
  const port = await listen(server, 0, "127.0.0.1");
  const baseUrl = `http://127.0.0.1:${port}`;
  workspaces.redirectUrl = `${baseUrl}/slack/oauth_redirect`;
  const post = (request: SlackPost) => postSigned(`${baseUrl}/slack/events`, SIGNING_SECRET, request);

  return {
    fake,
    workspaces,
    adapter,
    distribution,
    baseUrl,
    post,
    install: (teamId) => installOverHttp(baseUrl, workspaces, teamId),
    async command(teamId, channel, user, text) {
      const id = `${teamId}-${channel}-${randomBytes(4).toString("hex")}`;
      const response = await post(slashCommandFrom(teamId, { channel, user, text, responseUrl: fake.responseUrl(id) }));
      if (response.status !== 200) throw new Error(`command refused: ${response.status} ${response.text}`);
      await eventually(() => {
        if (fake.responsesTo(id).length === 0) throw new Error("no answer yet");
      });
      return fake.responsesTo(id);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await adapter.stop();
      await fake.stop();
    },
  };
}

export function slashCommandFrom(
  teamId: string,
  options: { channel: string; user: string; text: string; responseUrl: string },
): SlackPost {
  const fields = {
    token: "deprecated-verification-token",
    team_id: teamId,
    team_domain: teamId.toLowerCase(),
    channel_id: options.channel,
    channel_name: options.channel.toLowerCase(),
    user_id: options.user,
    user_name: options.user.toLowerCase(),
    command: "/viec",
    text: options.text,
    api_app_id: "A0ROVIEC",
    trigger_id: triggerId(),
    response_url: options.responseUrl,
  };
  return {
    body: Buffer.from(new URLSearchParams(fields).toString()),
    contentType: "application/x-www-form-urlencoded",
  };
}

export function eventFrom(teamId: string, event: Record<string, unknown>): SlackPost {
  const body = {
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0ROVIEC",
    type: "event_callback",
    event_id: `Ev${randomBytes(5).toString("hex")}`,
    event_time: Math.floor(Date.now() / 1000), // real time: Slack stamps events with its clock
    event,
  };
  return { body: Buffer.from(JSON.stringify(body)), contentType: "application/json" };
}

async function installOverHttp(baseUrl: string, workspaces: FakeSlackWorkspaces, teamId: string) {
  const start = await fetch(`${baseUrl}/slack/install`, { redirect: "manual" });
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const link = /id="add-to-slack" href="([^"]+)"/.exec(await start.text())?.[1]?.replaceAll("&amp;", "&");
  if (!link) throw new Error("no Add to Slack link on the install page");
  workspaces.signedInTo = teamId;
  const consent = await (await fetch(link)).text();
  const allow = /id="allow" href="([^"]+)"/.exec(consent)?.[1]?.replaceAll("&amp;", "&");
  if (!allow) throw new Error(`no Allow on Slack's page: ${consent}`);
  const back = await fetch(allow, { headers: { cookie }, redirect: "manual" });
  return { status: back.status, html: await back.text() };
}
