// Cards drawn in the channel's zone, language and end of day (reply.presentation), and the 💤 Snooze menu of ping
// cards: through the real bolt app over HTTP, first with a recording bot, then the whole way to the database.
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { snooze } from "../../handlers/snooze.js";
import { createBot } from "../../src/core/bot.js";
import type { Reply } from "../../src/core/reply.js";
import { formatDue } from "../../src/language/index.js";
import { createDueDescriber } from "../../src/platforms/slack/due-text.js";
import { renderReply } from "../../src/platforms/slack/reply-blocks.js";
import { ACTION, type CardPresentation, renderTaskCard } from "../../src/platforms/slack/task-card.js";
import { renderPingMessage } from "../../src/scheduling/index.js";
import { createTaskService } from "../../src/services/task-service.js";
import { coreServices } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { taskView } from "./fixtures.js";
import { RecordingBot, type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { blockAction, slashCommand } from "./slack-requests.js";

type Element = Record<string, unknown> & { action_id: string };
type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Element[] };

const TOKYO: CardPresentation = { locale: "en", timezone: "Asia/Tokyo", endOfDayMinutes: 17 * 60 + 30 };

function element(blocks: Block[], type: string, actionId?: string): Element {
  const found = blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.type === type && (!actionId || e.action_id.startsWith(actionId)));
  if (!found) throw new Error(`no ${type} on the card`);
  return found;
}

const optionValue = (select: Element, index: number) =>
  (select.options as { value: string }[] | undefined)?.[index]?.value as string;

describe("card dates in the channel's zone, language and end of day", () => {
  const describeDue = createDueDescriber("Asia/Ho_Chi_Minh", "vi", () => new Date("2026-12-01T00:00:00Z"));

  it("formats the due with the reply's presentation, and with the deployment default without one", () => {
    const task = taskView({ dueAt: new Date("2026-12-11T10:00:00Z") });
    const withChannel = JSON.stringify(
      renderReply({ visibility: "channel", text: "x", tasks: [task], presentation: TOKYO }, describeDue),
    );
    expect(withChannel).toContain(formatDue({ deadline: task.dueAt as Date, hasTime: true }, "en", "Asia/Tokyo"));
    expect(withChannel).toContain("19:00 Friday 11/12/2026 (10 days left)");
    const withDefaults = JSON.stringify(renderReply({ visibility: "channel", text: "x", tasks: [task] }, describeDue));
    expect(withDefaults).toContain("17:00 thứ Sáu 11/12/2026");
  });

  it("offers 💤 Snooze on ping cards only", () => {
    const task = taskView();
    const ping = renderReply({ visibility: "channel", text: "x", tasks: [task], kind: "ping" }, describeDue);
    const answer = renderReply({ visibility: "channel", text: "x", tasks: [task] }, describeDue);
    expect(JSON.stringify(ping)).toContain(ACTION.snooze);
    expect(JSON.stringify(answer)).not.toContain(ACTION.snooze);
  });
});

describe("extend and snooze controls over HTTP", () => {
  let harness: SlackHarness;
  let bot: RecordingBot;
  beforeEach(async () => {
    bot = new RecordingBot();
    harness = await startSlackHarness({ bot });
  });
  afterEach(async () => {
    await harness.close();
  });

  /** A card as the channel shows it, drawn from a reply of a Tokyo channel whose day ends at 17:30. */
  function card(task = taskView(), options: { snoozable?: boolean } = {}) {
    const blocks = renderTaskCard(task, () => undefined, undefined, { presentation: TOKYO, ...options }) as Block[];
    const ts = `${Math.floor(Date.now() / 1000)}.000700`;
    harness.fake.history.set("C0GENERAL", [{ ts, text: "card", blocks }]);
    return { task, blocks, message: { ts, text: "card", blocks } };
  }

  async function press(action: Record<string, unknown>, message: { ts: string; blocks: Block[] }, id: string) {
    const response = await harness.post(blockAction(action, { message, responseUrl: harness.fake.responseUrl(id) }));
    expect(response.status).toBe(200);
    await eventually(() => expect(bot.received).toHaveLength(1));
    return bot.received[0]?.command;
  }

  it("answers a command with cards drawn in the channel's zone and language", async () => {
    const task = taskView({ dueAt: new Date("2026-12-11T10:00:00Z") });
    bot.answer = () => [{ visibility: "channel", text: "ok", tasks: [task], presentation: TOKYO }];
    await harness.post(slashCommand({ text: "show #12", responseUrl: harness.fake.responseUrl("show") }));
    await eventually(() => expect(harness.fake.responsesTo("show")).toHaveLength(1));
    expect(JSON.stringify(harness.fake.responsesTo("show")[0])).toContain("19:00 Friday 11/12/2026");
  });

  it("a picked date ends at the channel's end of day, in the channel's zone (not the presser's)", async () => {
    const { blocks, message } = card();
    const picker = element(blocks, "datepicker");
    const command = await press(
      { type: "datepicker", action_id: picker.action_id, selected_date: "2026-12-18" },
      message,
      "pick",
    );
    // 17:30 in Tokyo; Lan, who pressed, is in Hà Nội.
    expect(command).toMatchObject({
      command: "due",
      due: { deadline: new Date("2026-12-18T08:30:00Z"), hasTime: false, grain: "day" },
    });
  });

  it("+1 day on a task without a due gives tomorrow at the channel's end of day", async () => {
    const { blocks, message } = card(taskView({ dueAt: null, dueHasTime: false }));
    const extend = element(blocks, "static_select", ACTION.extend);
    const before = DateTime.now().setZone("Asia/Tokyo");
    const command = await press(
      { type: "static_select", action_id: extend.action_id, selected_option: { value: optionValue(extend, 0) } },
      message,
      "extend",
    );
    const deadline = command?.due?.deadline as Date;
    const local = DateTime.fromJSDate(deadline, { zone: "Asia/Tokyo" });
    expect(local.toFormat("HH:mm")).toBe("17:30");
    // Today or (pressed across midnight) tomorrow, in Tokyo, plus one day.
    expect([1, 2]).toContain(Math.round(local.startOf("day").diff(before.startOf("day"), "days").days));
  });

  it("💤 Snooze → tomorrow morning sends a structured snooze from the start of tomorrow in the channel's zone", async () => {
    const { task, blocks, message } = card(taskView(), { snoozable: true });
    const menu = element(blocks, "static_select", ACTION.snooze);
    expect(JSON.stringify(menu)).toContain("Nhắc lại sau / Snooze");
    const command = await press(
      { type: "static_select", action_id: menu.action_id, selected_option: { value: optionValue(menu, 1) } },
      message,
      "snooze",
    );
    expect(command).toMatchObject({ command: "snooze", taskRef: task.number, due: { hasTime: false } });
    const start = DateTime.fromJSDate(command?.due?.deadline as Date, { zone: "Asia/Tokyo" });
    expect(start.toFormat("HH:mm")).toBe("00:00");
    expect(bot.received[0]?.eventId).toBeTruthy();
  });

  it("💤 Snooze → 1 hour asks for one hour from the press", async () => {
    const { blocks, message } = card(taskView(), { snoozable: true });
    const menu = element(blocks, "static_select", ACTION.snooze);
    const before = Date.now();
    const command = await press(
      { type: "static_select", action_id: menu.action_id, selected_option: { value: optionValue(menu, 0) } },
      message,
      "snooze-1h",
    );
    const deadline = command?.due?.deadline.getTime() ?? 0;
    expect(deadline).toBeGreaterThanOrEqual(before + 3600_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(command?.due?.hasTime).toBe(true);
  });
});

describe("💤 Snooze the whole way to the database", () => {
  let database: TestDatabase;
  let harness: SlackHarness;
  const channel = "C0SNOOZE";

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const { logger, tasks, directory, questions } = coreServices(database);
    const bot = createBot({ services: { tasks, directory, questions }, handlers: { snooze }, logger });
    harness = await startSlackHarness({ bot, prisma: database.prisma });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it("a ping's card snoozes the task for the assignee, refuses others, and keeps its menu", async () => {
    await harness.post(
      slashCommand({
        text: "giao <@U0MINH> in hợp đồng trước 17h ngày 30/12/2030",
        channel_id: channel,
        responseUrl: harness.fake.responseUrl("add"),
      }),
    );
    await eventually(() => expect(harness.fake.responsesTo("add")).toHaveLength(1));
    const row = await database.prisma.task.findFirstOrThrow({
      where: { channel: { externalId: channel } },
      select: { id: true, number: true, channelId: true },
    });
    // The ping as the outbox sends it: renderPingMessage with the channel's presentation, posted by the sender.
    const tasks = createTaskService({ prisma: database.prisma });
    const view = await tasks.findTaskById(row.id);
    const ping: Reply = {
      ...renderPingMessage(
        [{ kind: "heads_up", late: false, task: view as NonNullable<typeof view> }],
        "Asia/Ho_Chi_Minh",
        "vi",
        new Date(),
      ),
      presentation: { locale: "vi", timezone: "Asia/Ho_Chi_Minh", endOfDayMinutes: 1020 },
    };
    await harness.adapter.sender.send(channel, ping, { outboxId: "00000000-0000-4000-8000-000000000001" });
    const posted = harness.fake.history.get(channel)?.at(-1);
    const blocks = posted?.blocks as Block[];
    const menu = element(blocks, "static_select", ACTION.snooze);
    const message = { ts: posted?.ts as string, text: posted?.text, blocks };
    const pressAs = (user: string) =>
      harness.post(
        blockAction(
          { type: "static_select", action_id: menu.action_id, selected_option: { value: optionValue(menu, 1) } },
          { user, channel, message, responseUrl: harness.fake.responseUrl(`snooze-${user}`) },
        ),
      );
    const snoozedUntil = async () =>
      (await database.prisma.task.findUniqueOrThrow({ where: { id: row.id }, select: { snoozedUntil: true } }))
        .snoozedUntil;

    await pressAs("U0HOA");
    await eventually(() =>
      expect(harness.fake.callsOf("chat.postEphemeral").filter((c) => c.args.channel === channel)).toHaveLength(1),
    );
    expect(await snoozedUntil()).toBeNull();

    await pressAs("U0MINH");
    await eventually(async () => expect(await snoozedUntil()).not.toBeNull());
    const until = DateTime.fromJSDate((await snoozedUntil()) as Date, { zone: "Asia/Ho_Chi_Minh" });
    expect(until.toFormat("HH:mm")).toBe("00:00");
    await eventually(() =>
      expect(harness.fake.callsOf("chat.update").filter((c) => c.args.channel === channel)).toHaveLength(1),
    );
    const updated = harness.fake.history.get(channel)?.find((m) => m.ts === message.ts)?.blocks as Block[];
    expect(JSON.stringify(updated)).toContain(ACTION.snooze);
    const history = await database.prisma.taskEvent.findMany({
      where: { taskId: row.id, action: "snoozed" },
      select: { actor: { select: { externalId: true } } },
    });
    expect(history).toEqual([{ actor: { externalId: "U0MINH" } }]);
    await eventually(() =>
      expect(JSON.stringify(harness.fake.history.get(channel))).toContain(`Đã hoãn nhắc việc #${row.number}`),
    );
  });
});
