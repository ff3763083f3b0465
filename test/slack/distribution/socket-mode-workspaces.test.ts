import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../../src/app-bot.js";
import { createLogger } from "../../../src/logger.js";
import { createSlackDistribution } from "../../../src/platforms/slack/distribution.js";
import { createSlackAdapter, type SlackAdapter } from "../../../src/platforms/slack/index.js";
import { createCreatedTasksQuery } from "../../../src/services/created-tasks.js";
import { createHomeService } from "../../../src/services/home-service.js";
import { createOutboxWorkspaceQuery } from "../../../src/services/outbox-workspace.js";
import { createSlackInstallationStore } from "../../../src/services/slack-installation-store.js";
import { TokenCipher } from "../../../src/services/token-cipher.js";
import { coreServices, FIXED_NOW } from "../../helpers/chat-harness.js";
import { eventually } from "../../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import { FakeSlackServer } from "../fake-slack-server.js";
import { FakeSocketModeServer } from "../fake-socket-mode-server.js";
import { CLIENT_ID, CLIENT_SECRET, FakeSlackWorkspaces } from "./fake-slack-workspaces.js";

const TOKEN_KEY = randomBytes(32).toString("base64");

/** One socket serves every installed workspace, each with its own token; an uninstalled one is acked and ignored. */
describe("many workspaces over one Socket Mode connection", () => {
  let database: TestDatabase;
  let fake: FakeSlackServer;
  let socket: FakeSocketModeServer;
  let adapter: SlackAdapter;
  let workspaces: FakeSlackWorkspaces;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    fake = await new FakeSlackServer().start();
    workspaces = new FakeSlackWorkspaces(fake);
    fake.addUser({ id: "U0AN", name: "An" });
    fake.addUser({ id: "U0BICH", name: "Bích" });
    socket = await new FakeSocketModeServer().start(fake);
    const logger = createLogger("silent");
    const { tasks, directory, questions } = coreServices(database);
    const bot = createAppBot({ services: { tasks, directory, questions }, logger, now: () => FIXED_NOW });
    const distribution = createSlackDistribution({
      config: {
        SLACK_CLIENT_ID: CLIENT_ID,
        SLACK_CLIENT_SECRET: CLIENT_SECRET,
        SLACK_STATE_SECRET: "state-secret-for-tests-0123456789abcdef",
      },
      installations: createSlackInstallationStore({ prisma: database.prisma, cipher: new TokenCipher(TOKEN_KEY) }),
      outboxWorkspaces: createOutboxWorkspaceQuery({ prisma: database.prisma }),
      logger,
      slackApiUrl: fake.apiUrl,
    });
    for (const [label, teamId] of [
      ["A", "TSOCKA"],
      ["B", "TSOCKB"],
    ] as const) {
      const workspace = workspaces.add(label, teamId);
      await distribution.installations.storeInstallation({
        team: { id: teamId },
        enterprise: undefined,
        user: { id: "UADMIN", token: undefined, scopes: undefined },
        bot: { token: workspace.token, scopes: ["commands"], id: workspace.botId, userId: workspace.botUserId },
        isEnterpriseInstall: false,
        authVersion: "v2",
      });
    }
    adapter = createSlackAdapter({
      config: {
        SLACK_BOT_TOKEN: undefined,
        SLACK_SIGNING_SECRET: undefined,
        SLACK_APP_TOKEN: "xapp-1-socket-many",
        SLACK_API_URL: fake.apiUrl,
        DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
        DEFAULT_LOCALE: "vi",
      },
      bot,
      logger,
      homeService: createHomeService({ prisma: database.prisma }),
      createdTasks: createCreatedTasksQuery({ prisma: database.prisma }),
      clock: () => FIXED_NOW,
      distribution,
    });
    await adapter.start();
    await socket.connected(1);
  });
  afterAll(async () => {
    await adapter?.stop();
    await socket?.stop();
    await fake?.stop();
    await database?.close();
  });

  const command = (teamId: string, user: string, text: string, responseId: string) => ({
    team_id: teamId,
    team_domain: teamId.toLowerCase(),
    channel_id: "C0SHARED",
    channel_name: "shared",
    user_id: user,
    user_name: user.toLowerCase(),
    command: "/viec",
    text,
    api_app_id: "A0ROVIEC",
    trigger_id: `${randomBytes(6).toString("hex")}.trigger`,
    response_url: fake.responseUrl(responseId),
  });

  it("answers each workspace's command with that workspace's token", async () => {
    await socket.deliver("slash_commands", command("TSOCKA", "U0AN", "giao <@U0AN> báo cáo A", "sock-a"));
    await socket.deliver("slash_commands", command("TSOCKB", "U0BICH", "giao <@U0BICH> báo cáo B", "sock-b"));
    await eventually(() => expect(fake.responsesTo("sock-a").length).toBeGreaterThan(0));
    await eventually(() => expect(fake.responsesTo("sock-b").length).toBeGreaterThan(0));
    expect(JSON.stringify(fake.responsesTo("sock-a"))).not.toContain("báo cáo B");
    for (const call of fake.callsOf("users.info")) {
      expect(call.tokenOwner).toBe(call.args.user === "U0AN" ? "A" : "B");
    }
  });

  it("acks a command from a workspace without an installation and writes nothing for it", async () => {
    const ack = await socket.deliver("slash_commands", command("TSOCKNONE", "U0X", "giao <@U0X> việc lạ", "sock-x"));
    expect(ack.envelope_id).toBeTruthy();
    // A later command of an installed workspace is answered: the stranger's has been passed by then.
    await socket.deliver("slash_commands", command("TSOCKA", "U0AN", "danh sách việc", "sock-a2"));
    await eventually(() => expect(fake.responsesTo("sock-a2").length).toBeGreaterThan(0));
    expect(fake.responsesTo("sock-x")).toEqual([]);
    expect(await database.prisma.workspace.count({ where: { externalId: "TSOCKNONE" } })).toBe(0);
  });
});
