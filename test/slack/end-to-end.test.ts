import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/core/bot.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { coreServices, FIXED_NOW } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { appMention, blockAction, eventCallback, slashCommand, viewSubmission } from "./slack-requests.js";

/** Polls until the adapter's after-ack work shows up (the first PostgreSQL query of a run can be slow). */

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Record<string, unknown>[] };

describe.each(testDatabaseKinds)("Slack end to end on %s", (kind) => {
  let database: TestDatabase;
  let harness: SlackHarness;
  let n = 0;
  /** A fresh channel per test keeps task numbers and dedupe independent. */
  let channel = "";

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { logger, tasks, directory, questions } = coreServices(database);
    // The commands below name December 2026: the bot reads them on the test's clock, not today's.
    const bot = createBot({ services: { tasks, directory, questions }, logger, now: () => FIXED_NOW });
    // As in the app: slash commands and events go through the inbound journal before their ack.
    harness = await startSlackHarness({
      bot,
      prisma: database.prisma,
      journal: createInboundJournal(database.priorityLane),
    });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });
  beforeEach(() => {
    n += 1;
    channel = `C0TEST${n}`;
  });

  const tasksInChannel = () =>
    database.prisma.task.findMany({
      where: { channel: { externalId: channel } },
      select: {
        number: true,
        title: true,
        status: true,
        dueAt: true,
        assignees: { select: { member: { select: { externalId: true } } } },
      },
      orderBy: { number: "asc" },
    });

  /** Sends a slash command and waits for its first answer on the response_url. */
  async function command(text: string, user = "U0LAN", name = "/viec") {
    const id = `${channel}-${Math.random().toString(36).slice(2)}`;
    const response = await harness.post(
      slashCommand({
        command: name,
        text,
        responseUrl: harness.fake.responseUrl(id),
        channel_id: channel,
        user_id: user,
      }),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(harness.fake.responsesTo(id).length).toBeGreaterThan(0));
    return harness.fake.responsesTo(id) as { response_type: string; text: string; blocks: Block[] }[];
  }

  /** Shows an in_channel answer as a message in the fake channel (what Slack does) and returns it. */
  function showInChannel(answer: { text: string; blocks: Block[] }) {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++n).padStart(6, "0")}`;
    harness.fake.history.set(channel, [
      ...(harness.fake.history.get(channel) ?? []),
      { ts, text: answer.text, blocks: answer.blocks },
    ]);
    return { ts, text: answer.text, blocks: answer.blocks };
  }

  function cardElement(blocks: Block[], type: string): Record<string, unknown> {
    const element = blocks.find((b) => b.type === "actions")?.elements?.find((e) => e.type === type);
    if (!element) throw new Error(`no ${type} on the card`);
    return element;
  }

  it("creates a task from a Vietnamese slash command, with the mentioned member, answered in the channel", async () => {
    const [answer] = await command("giao <@U0MINH|minh> nộp báo cáo quý trước 17h thứ 6 tuần sau");
    expect(answer?.response_type).toBe("in_channel");
    const all = JSON.stringify(answer);
    expect(all).toContain("#1");
    expect(all).toContain("<@U0MINH>");
    const [task] = await tasksInChannel();
    expect(task).toMatchObject({
      number: 1,
      title: "nộp báo cáo quý",
      status: "open",
      assignees: [{ member: { externalId: "U0MINH" } }],
    });
    expect(task?.dueAt).toBeInstanceOf(Date);
    const minh = await database.prisma.member.findFirst({
      where: { externalId: "U0MINH" },
      select: { displayName: true, timezone: true },
    });
    expect(minh).toEqual({ displayName: "Minh", timezone: "Asia/Ho_Chi_Minh" });
  });

  it("creates a task from an English slash command and escapes the echoed title", async () => {
    // Slack escapes what people type: a literal "<!channel>" arrives as "&lt;!channel&gt;".
    const [answer] = await command(
      "add check &lt;!channel&gt; &amp; &lt;https://evil.example|here&gt; for <@U0HOA>",
      "U0LAN",
      "/task",
    );
    const all = JSON.stringify(answer);
    expect(all).toContain("&lt;!channel&gt; &amp; &lt;https://evil.example|here&gt;");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<https://evil");
    expect(all).toContain("<@U0HOA>");
    const [task] = await tasksInChannel();
    expect(task?.title).toContain("<!channel> & <https://evil.example|here>");
  });

  it("a retried app_mention (X-Slack-Retry-Num) never creates a second task", async () => {
    const request = appMention(
      `<@${harness.fake.botUserId}> giao <@U0MINH> gửi hợp đồng`,
      "U0LAN",
      channel,
      `Ev${channel}`,
    );
    await harness.post(request);
    await eventually(async () => expect(await tasksInChannel()).toHaveLength(1));
    const posted = () => harness.fake.callsOf("chat.postMessage").filter((c) => c.args.channel === channel);
    await eventually(() => expect(posted()).toHaveLength(1));
    const retry = await harness.post(request, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    // A marker after the retry: once it is answered, the retry (sent before it) has been fully handled.
    await command("list");
    expect(await tasksInChannel()).toHaveLength(1);
    expect(posted()).toHaveLength(1);
  });

  it("writes nothing for a bad signature or a stale timestamp", async () => {
    const trigger = `refused-${channel}`;
    const request = slashCommand({
      text: "add không được ghi",
      responseUrl: harness.fake.responseUrl("x"),
      channel_id: channel,
      trigger_id: trigger,
    });
    expect((await harness.post(request, { signature: `v0=${"1".repeat(64)}` })).status).toBe(401);
    expect((await harness.post(request, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    expect((await harness.post(request, { timestamp: Math.floor(Date.now() / 1000) + 3600 })).status).toBe(401);
    expect(await tasksInChannel()).toHaveLength(0);
    expect(await database.prisma.processedEvent.count({ where: { key: { contains: trigger } } })).toBe(0);
    expect(await database.prisma.channel.count({ where: { externalId: channel } })).toBe(0);
  });

  it("✅ Done: refused ephemerally for someone else, done in place for the assignee", async () => {
    const [answer] = await command("giao <@U0MINH> in hợp đồng");
    const message = showInChannel(answer as { text: string; blocks: Block[] });
    const done = cardElement(message.blocks, "button");
    const press = (user: string) =>
      harness.post(
        blockAction(
          { type: "button", action_id: done.action_id, value: done.value },
          { user, channel, message, responseUrl: harness.fake.responseUrl(`${channel}-b-${user}`) },
        ),
      );
    await press("U0HOA");
    await eventually(() =>
      expect(harness.fake.callsOf("chat.postEphemeral").filter((c) => c.args.channel === channel)).toHaveLength(1),
    );
    expect(harness.fake.callsOf("chat.postEphemeral").find((c) => c.args.channel === channel)?.args.user).toBe("U0HOA");
    expect((await tasksInChannel())[0]?.status).toBe("open");
    await press("U0MINH");
    await eventually(async () => expect((await tasksInChannel())[0]?.status).toBe("done"));
    await eventually(() =>
      expect(harness.fake.callsOf("chat.update").filter((c) => c.args.channel === channel)).toHaveLength(1),
    );
    const updated = harness.fake.history.get(channel)?.find((m) => m.ts === message.ts)?.blocks as Block[];
    expect(updated.some((b) => b.type === "actions")).toBe(false);
    const history = await database.prisma.taskEvent.findMany({
      where: { task: { channel: { externalId: channel } } },
      select: { action: true },
    });
    expect(history.length).toBeGreaterThanOrEqual(2);
  });

  it("⏰ Extend +1 week and 👤 Reassign change the task through the same handlers", async () => {
    const [answer] = await command("giao <@U0MINH> chuẩn bị họp trước 17h ngày 15/12/2026");
    const message = showInChannel(answer as { text: string; blocks: Block[] });
    const before = (await tasksInChannel())[0]?.dueAt as Date;
    const extend = cardElement(message.blocks, "static_select") as { action_id: string; options: { value: string }[] };
    await harness.post(
      blockAction(
        { type: "static_select", action_id: extend.action_id, selected_option: { value: extend.options[1]?.value } },
        { channel, message, responseUrl: harness.fake.responseUrl(`${channel}-e`) },
      ),
    );
    await eventually(async () =>
      expect((await tasksInChannel())[0]?.dueAt?.getTime()).toBe(before.getTime() + 7 * 86_400_000),
    );
    const reassign = cardElement(message.blocks, "users_select");
    await harness.post(
      blockAction(
        { type: "users_select", action_id: reassign.action_id, selected_user: "U0HOA" },
        { channel, message, responseUrl: harness.fake.responseUrl(`${channel}-r`) },
      ),
    );
    await eventually(async () =>
      expect((await tasksInChannel())[0]?.assignees.map((a) => a.member.externalId)).toEqual(["U0HOA"]),
    );
  });

  it("the modal submission creates the task once, even when Slack delivers it twice", async () => {
    const id = `${channel}-modal`;
    const submission = viewSubmission({
      private_metadata: JSON.stringify({ channelId: channel, responseUrl: harness.fake.responseUrl(id) }),
      values: {
        title: { value: { type: "plain_text_input", value: "Đặt phòng họp" } },
        assignees: { value: { type: "multi_users_select", selected_users: ["U0MINH", "U0HOA"] } },
        date: { value: { type: "datepicker", selected_date: "2026-12-20" } },
        time: { value: { type: "timepicker", selected_time: "09:00" } },
      },
    });
    await harness.post(submission);
    await harness.post(submission);
    await eventually(() => expect(harness.fake.responsesTo(id).length).toBeGreaterThan(0));
    await command("list");
    const tasks = await tasksInChannel();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ title: "Đặt phòng họp", dueAt: new Date("2026-12-20T02:00:00Z") });
    expect(tasks[0]?.assignees.map((a) => a.member.externalId).sort()).toEqual(["U0HOA", "U0MINH"]);
  });

  it("App Home shows the person's own tasks when opened", async () => {
    await command("giao <@U0HOA> gửi báo giá trước 17h ngày 30/12/2030");
    const publishes = () => harness.fake.callsOf("views.publish").filter((c) => c.args.user_id === "U0HOA");
    const seen = publishes().length;
    await harness.post(
      eventCallback({ type: "app_home_opened", user: "U0HOA", channel: "D0HOA", tab: "home", event_ts: "1.1" }),
    );
    await eventually(() => expect(publishes().length).toBeGreaterThan(seen));
    const view = JSON.stringify(publishes().at(-1)?.args.view);
    expect(view).toContain("Việc của tôi / My tasks");
    expect(view).toContain("gửi báo giá");
    expect(view).toContain(`<#${channel}>`);
  });

  it("✅ Done pressed on the App Home closes the task in its channel and refreshes the Home tab", async () => {
    await command("giao <@U0HOA> gọi khách hàng trước 17h ngày 30/12/2030");
    const publishes = () => harness.fake.callsOf("views.publish").filter((c) => c.args.user_id === "U0HOA");
    await harness.post(
      eventCallback({ type: "app_home_opened", user: "U0HOA", channel: "D0HOA", tab: "home", event_ts: "1.2" }),
    );
    await eventually(() => expect(JSON.stringify(publishes().at(-1)?.args.view)).toContain("gọi khách hàng"));
    const view = publishes().at(-1)?.args.view as { blocks: Block[] };
    const summary = view.blocks.findIndex((b) => b.text?.text.includes("gọi khách hàng"));
    const done = view.blocks[summary + 1]?.elements?.find((e) => e.type === "button");
    const seen = publishes().length;
    await harness.post(
      blockAction(
        { type: "button", action_id: done?.action_id, value: done?.value },
        { user: "U0HOA", fromHome: true, responseUrl: "" },
      ),
    );
    await eventually(async () => expect((await tasksInChannel())[0]?.status).toBe("done"));
    await eventually(() => expect(publishes().length).toBeGreaterThan(seen));
  });
});
