import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppBot } from "../../src/app-bot.js";
import type { InboundJournal } from "../../src/core/inbound.js";
import { createLogger } from "../../src/logger.js";
import { createSlackAdapter, type SlackAdapter } from "../../src/platforms/slack/index.js";
import { createCreatedTasksQuery } from "../../src/services/created-tasks.js";
import { createHomeService } from "../../src/services/home-service.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { coreServices, FIXED_NOW } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { FakeSlackServer } from "./fake-slack-server.js";
import { FakeSocketModeServer } from "./fake-socket-mode-server.js";

/**
 * The Slack adapter in Socket Mode against a live (fake) socket: commands and events are journaled, acked and
 * handled. The SIGKILL between journal and ack is test/drills/socket-kill.test.ts.
 */
describe("Slack over Socket Mode", () => {
  let database: TestDatabase;
  let fake: FakeSlackServer;
  let socket: FakeSocketModeServer;
  let adapter: SlackAdapter;
  const TEAM = "T0SOCKET";
  /** What happened, in order: a request's journal write (its key) and the fake Slack receiving an ack. */
  const timeline: string[] = [];

  /** The real journal, noting each write once it is committed. */
  const notingJournal = (journal: InboundJournal): InboundJournal => ({
    ...journal,
    accept: async (entry, leaseMs) => {
      const id = await journal.accept(entry, leaseMs);
      if (id !== undefined) timeline.push(`journaled ${entry.key}`);
      return id;
    },
  });

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    fake = await new FakeSlackServer().start();
    fake.addUser({ id: "U0LAN", name: "Lan" });
    fake.addUser({ id: "U0MINH", name: "Minh" });
    socket = await new FakeSocketModeServer().start(fake);
    const { tasks, directory, questions } = coreServices(database);
    const logger = createLogger("silent");
    const bot = createAppBot({ services: { tasks, directory, questions }, logger, now: () => FIXED_NOW });
    adapter = createSlackAdapter({
      config: {
        SLACK_BOT_TOKEN: "xoxb-socket-test",
        SLACK_SIGNING_SECRET: undefined,
        SLACK_APP_TOKEN: "xapp-1-socket-test",
        SLACK_API_URL: fake.apiUrl,
        DEFAULT_TIMEZONE: "Asia/Ho_Chi_Minh",
        DEFAULT_LOCALE: "vi",
      },
      bot,
      logger,
      homeService: createHomeService({ prisma: database.prisma }),
      createdTasks: createCreatedTasksQuery({ prisma: database.prisma }),
      journal: notingJournal(createInboundJournal(database.priorityLane)),
      clock: () => FIXED_NOW,
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

  const slashCommand = (text: string, responseId: string) => ({
    token: "deprecated-verification-token",
    team_id: TEAM,
    team_domain: "socket",
    channel_id: "C0SOCKET",
    channel_name: "socket",
    user_id: "U0LAN",
    user_name: "lan",
    command: "/viec",
    text,
    api_app_id: "A0ROVIEC",
    trigger_id: `${randomBytes(6).toString("hex")}.trigger`,
    response_url: fake.responseUrl(responseId),
  });

  const mention = (text: string, eventId: string) => ({
    token: "deprecated-verification-token",
    team_id: TEAM,
    api_app_id: "A0ROVIEC",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000), // real time: Slack stamps events with its clock
    event: {
      type: "app_mention",
      user: "U0LAN",
      text: `<@${fake.botUserId}> ${text}`,
      ts: `${Math.floor(Date.now() / 1000)}.000100`,
      channel: "C0SOCKET",
      event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    },
  });

  const tasksNamed = (title: string) =>
    database.prisma.task.count({ where: { title, channel: { workspace: { externalId: TEAM } } } });

  it("opens its socket with the app-level token and gets Slack's hello", () => {
    expect(socket.opens[0]).toEqual({ appToken: true });
    expect(socket.connections).toBe(1);
  });

  it("acks a slash command by its envelope id, then handles it and answers on the response_url", async () => {
    const ack = await socket.deliver("slash_commands", slashCommand("giao <@U0MINH|minh> nộp báo cáo quý", "socket-1"));
    expect(ack.envelope_id).toBeTruthy();
    await eventually(() => expect(fake.responsesTo("socket-1").length).toBeGreaterThan(0));
    expect(JSON.stringify(fake.responsesTo("socket-1"))).toContain("nộp báo cáo quý");
    expect(await tasksNamed("nộp báo cáo quý")).toBe(1);
  });

  it("writes a slash command and an event to the journal before acking them, and forgets them once handled", async () => {
    const command = slashCommand("giao <@U0MINH|minh> soạn tờ trình", "socket-journal");
    const event = mention("giao <@U0LAN> duyệt tờ trình", "EvSOCKETJ");
    const acked = (what: string) => (ack: { envelope_id: string }) => timeline.push(`acked ${what} ${ack.envelope_id}`);
    await socket.deliver("slash_commands", command).then(acked("command"));
    await socket.deliver("events_api", event).then(acked("event"));
    const at = (prefix: string) => timeline.findIndex((entry) => entry.startsWith(prefix));
    expect(at(`journaled ${command.trigger_id}`)).toBeGreaterThanOrEqual(0);
    expect(at(`journaled ${command.trigger_id}`)).toBeLessThan(at("acked command"));
    expect(at(`journaled ${TEAM}:EvSOCKETJ`)).toBeGreaterThanOrEqual(0);
    expect(at(`journaled ${TEAM}:EvSOCKETJ`)).toBeLessThan(at("acked event"));
    await eventually(async () => expect(await tasksNamed("duyệt tờ trình")).toBe(1));
    await eventually(async () => expect(await tasksNamed("soạn tờ trình")).toBe(1));
    await eventually(async () =>
      expect(await database.priorityLane.query(`SELECT 1 FROM "InboundRequest" WHERE "platform" = 'slack'`)).toEqual(
        [],
      ),
    );
  });

  it("acks a mention and answers in the channel", async () => {
    const posted = fake.callsOf("chat.postMessage").length;
    await socket.deliver("events_api", mention("giao <@U0LAN> gửi công văn", "EvSOCKET1"));
    await eventually(() => expect(fake.callsOf("chat.postMessage").length).toBeGreaterThan(posted));
    expect(await tasksNamed("gửi công văn")).toBe(1);
  });

  it("reconnects when Slack asks, and a retried event (the only way an event missed while down arrives) is handled once", async () => {
    socket.askToReconnect();
    await socket.connected(2);
    expect(socket.opens.length).toBeGreaterThanOrEqual(2);
    const before = fake.callsOf("chat.postMessage").length;
    const event = mention("giao <@U0MINH> in tài liệu họp", "EvSOCKET2");
    await socket.deliver("events_api", event, { attempt: 1, reason: "timeout" });
    await eventually(() => expect(fake.callsOf("chat.postMessage").length).toBe(before + 1));
    expect(await tasksNamed("in tài liệu họp")).toBe(1);
    // Slack delivers it again (its retry crossed our ack): acked, and still one task, one answer. The event sent
    // after it shows when the queue has passed it.
    await socket.deliver("events_api", event, { attempt: 2, reason: "timeout" });
    await socket.deliver("events_api", mention("giao <@U0MINH> đặt phòng họp", "EvSOCKET3"));
    await eventually(async () => expect(await tasksNamed("đặt phòng họp")).toBe(1));
    await eventually(() => expect(fake.callsOf("chat.postMessage").length).toBe(before + 2));
    expect(await tasksNamed("in tài liệu họp")).toBe(1);
  });
});
