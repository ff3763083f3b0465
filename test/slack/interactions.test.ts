// Card buttons, the message shortcut and the modal, through the real bolt app over HTTP, with a recording bot.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IncomingMessage } from "../../src/core/incoming.js";
import { personToken } from "../../src/core/reply.js";
import { renderTaskCard } from "../../src/platforms/slack/task-card.js";
import { eventually } from "../helpers/eventually.js";
import { taskView } from "./fixtures.js";
import { RecordingBot, type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { blockAction, messageShortcut, slashCommand, viewSubmission } from "./slack-requests.js";

let harness: SlackHarness;
let bot: RecordingBot;

beforeEach(async () => {
  bot = new RecordingBot();
  harness = await startSlackHarness({ bot });
});
afterEach(async () => {
  await harness.close();
});

const noDue = () => undefined;

/** Posts a card to the fake channel (as the bot would) and returns its ts and blocks. */
function postedCard(task = taskView()) {
  const blocks = [
    { type: "section", block_id: "intro", text: { type: "mrkdwn", text: "Danh sách" } },
    ...renderTaskCard(task, noDue),
  ];
  const ts = `${Math.floor(Date.now() / 1000)}.000900`;
  harness.fake.history.set("C0GENERAL", [{ ts, text: "Danh sách", blocks }]);
  return { task, message: { ts, text: "Danh sách", blocks } };
}

function actionElement(task: ReturnType<typeof taskView>, type: string): Record<string, unknown> {
  const actions = renderTaskCard(task, noDue).find((b) => b.type === "actions") as unknown as {
    elements: Record<string, unknown>[];
  };
  const element = actions.elements.find((e) => e.type === type);
  if (!element) throw new Error(`no ${type} on the card`);
  return element;
}

describe("card buttons", () => {
  it("✅ Done runs a structured done command and updates the card in place", async () => {
    const { task, message } = postedCard();
    bot.answer = () => [
      { visibility: "channel", text: "Đã xong #12", tasks: [{ ...task, status: "done", version: 2 }] },
    ];
    const button = actionElement(task, "button");
    const response = await harness.post(
      blockAction(
        { type: "button", action_id: button.action_id, value: button.value },
        { message, responseUrl: harness.fake.responseUrl("a") },
      ),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(harness.fake.callsOf("chat.update")).toHaveLength(1));
    const incoming = bot.received[0] as IncomingMessage;
    expect(incoming.command).toMatchObject({ command: "done", taskRef: 12 });
    expect(incoming.eventId).toBeTruthy();
    const update = harness.fake.callsOf("chat.update")[0]?.args as {
      ts: string;
      blocks: { block_id?: string; type: string; text?: { text: string } }[];
    };
    expect(update.ts).toBe(message.ts);
    expect(update.blocks[0]?.block_id).toBe("intro");
    expect(update.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(update.blocks.map((b) => b.text?.text ?? "").join("\n")).toContain("Đã xong / Done");
    // The reply's text is still posted (in the card's thread), without a second card.
    await eventually(() => expect(harness.fake.callsOf("chat.postMessage")).toHaveLength(1));
    expect(harness.fake.callsOf("chat.postMessage")[0]?.args).toMatchObject({
      thread_ts: message.ts,
      text: "Đã xong #12",
    });
  });

  it("⏰ Extend +1 day moves the due by one day, keeping the time", async () => {
    const { task, message } = postedCard();
    const select = actionElement(task, "static_select") as { action_id: string; options: { value: string }[] };
    await harness.post(
      blockAction(
        { type: "static_select", action_id: select.action_id, selected_option: { value: select.options[0]?.value } },
        { message, responseUrl: harness.fake.responseUrl("b") },
      ),
    );
    await eventually(() => expect(bot.received).toHaveLength(1));
    expect(bot.received[0]?.command).toMatchObject({
      command: "due",
      taskRef: 12,
      due: { deadline: new Date("2026-12-12T10:00:00Z"), hasTime: true },
    });
  });

  it("⏰ pick a date sets the end of that working day in the person's zone", async () => {
    const { task, message } = postedCard();
    const picker = actionElement(task, "datepicker");
    await harness.post(
      blockAction(
        { type: "datepicker", action_id: picker.action_id, selected_date: "2026-12-18" },
        { message, responseUrl: harness.fake.responseUrl("c") },
      ),
    );
    await eventually(() => expect(bot.received).toHaveLength(1));
    expect(bot.received[0]?.command).toMatchObject({
      command: "due",
      taskRef: 12,
      due: { deadline: new Date("2026-12-18T10:00:00Z"), hasTime: false, grain: "day" },
    });
  });

  it("👤 Reassign names the picked user with a mention entry", async () => {
    const { task, message } = postedCard();
    const select = actionElement(task, "users_select");
    await harness.post(
      blockAction(
        { type: "users_select", action_id: select.action_id, selected_user: "U0HOA" },
        { message, responseUrl: harness.fake.responseUrl("d") },
      ),
    );
    await eventually(() => expect(bot.received).toHaveLength(1));
    expect(bot.received[0]?.command).toMatchObject({
      command: "assign",
      taskRef: 12,
      assignees: ["U0HOA"],
      assignMode: "replace",
    });
    expect(bot.received[0]?.mentions).toEqual([
      { token: "U0HOA", externalId: "U0HOA", displayName: "Hoa", timezone: "Asia/Bangkok", locale: "en" },
    ]);
  });

  it("a refusal is ephemeral and leaves the card alone", async () => {
    const { task, message } = postedCard();
    bot.answer = () => [{ visibility: "private", text: "Bạn không được phép đóng #12", isError: true }];
    const button = actionElement(task, "button");
    await harness.post(
      blockAction(
        { type: "button", action_id: button.action_id, value: button.value },
        { message, user: "U0HOA", responseUrl: harness.fake.responseUrl("e") },
      ),
    );
    await eventually(() => expect(harness.fake.callsOf("chat.postEphemeral")).toHaveLength(1));
    expect(harness.fake.callsOf("chat.postEphemeral")[0]?.args).toMatchObject({ user: "U0HOA", channel: "C0GENERAL" });
    expect(harness.fake.callsOf("chat.update")).toHaveLength(0);
    expect(harness.fake.callsOf("chat.postMessage")).toHaveLength(0);
  });
});

describe("shortcut and modal", () => {
  it("the message shortcut opens the modal prefilled with the message text", async () => {
    const response = await harness.post(
      messageShortcut("Nhờ <@U0MINH> gửi hợp đồng &amp; phụ lục", harness.fake.responseUrl("s")),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(harness.fake.callsOf("views.open")).toHaveLength(1));
    const view = harness.fake.callsOf("views.open")[0]?.args.view as {
      blocks: { element: { initial_value?: string } }[];
      private_metadata: string;
    };
    expect(view.blocks[0]?.element.initial_value).toBe("Nhờ @U0MINH gửi hợp đồng & phụ lục");
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      channelId: "C0GENERAL",
      messageRef: "1764000000.000100",
    });
  });

  it("a submission becomes a structured add command and the answer goes to the response_url", async () => {
    const metadata = JSON.stringify({
      channelId: "C0GENERAL",
      responseUrl: harness.fake.responseUrl("m"),
      messageRef: "1.2",
    });
    bot.answer = () => [{ visibility: "channel", text: "Đã tạo #13" }];
    const response = await harness.post(
      viewSubmission({
        private_metadata: metadata,
        values: {
          title: { value: { type: "plain_text_input", value: "Gửi hợp đồng" } },
          assignees: { value: { type: "multi_users_select", selected_users: ["U0MINH", "U0HOA"] } },
          date: { value: { type: "datepicker", selected_date: "2026-12-11" } },
          time: { value: { type: "timepicker", selected_time: "09:30" } },
        },
      }),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(harness.fake.responsesTo("m")).toHaveLength(1));
    const incoming = bot.received[0] as IncomingMessage;
    expect(incoming.command).toMatchObject({
      command: "add",
      title: "Gửi hợp đồng",
      assignees: ["U0MINH", "U0HOA"],
      due: { deadline: new Date("2026-12-11T02:30:00Z"), hasTime: true },
    });
    expect(incoming.mentions.map((m) => m.token)).toEqual(["U0MINH", "U0HOA"]);
    expect(incoming.messageRef).toBe("1.2");
    expect(harness.fake.responsesTo("m")[0]).toMatchObject({ response_type: "in_channel", text: "Đã tạo #13" });
  });

  it("an empty title keeps the modal open with an error and runs nothing", async () => {
    const response = await harness.post(
      viewSubmission({
        private_metadata: JSON.stringify({ channelId: "C0GENERAL" }),
        values: { title: { value: { type: "plain_text_input", value: "   " } } },
      }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({
      response_action: "errors",
      errors: { title: expect.any(String) },
    });
    expect(bot.received).toHaveLength(0);
  });
});

describe("rendering replies", () => {
  it("escapes user text so a title cannot forge a mention, and renders person tokens as real mentions", async () => {
    const evil = "<@U0BOSS> & <!channel> <https://evil.example|bấm vào>";
    bot.answer = () => [
      {
        visibility: "channel",
        text: `Đã giao cho ${personToken({ id: "m1", externalId: "U0MINH", displayName: "Minh" })}: ${evil} — ${personToken({ id: "m2", externalId: null, displayName: "<b>Tâm</b>" })}`,
        tasks: [taskView({ title: evil })],
      },
    ];
    await harness.post(slashCommand({ text: "add", responseUrl: harness.fake.responseUrl("esc") }));
    await eventually(() => expect(harness.fake.responsesTo("esc")).toHaveLength(1));
    const sent = JSON.stringify(harness.fake.responsesTo("esc")[0]);
    expect(sent).toContain("<@U0MINH>");
    expect(sent).toContain("&lt;@U0BOSS&gt; &amp; &lt;!channel&gt; &lt;https://evil.example|bấm vào&gt;");
    expect(sent).toContain("&lt;b&gt;Tâm&lt;/b&gt;");
    expect(sent).not.toContain("<@U0BOSS>");
    expect(sent).not.toContain("<!channel>");
  });

  it("paginates a long list within Block Kit limits instead of failing", async () => {
    const tasks = Array.from({ length: 40 }, (_, i) => taskView({ number: i + 1, title: `Việc số ${i + 1}` }));
    const longText = Array.from({ length: 200 }, (_, i) => `• #${i + 1} một dòng khá dài của danh sách việc`).join(
      "\n",
    );
    bot.answer = () => [{ visibility: "channel", text: longText, tasks }];
    await harness.post(slashCommand({ text: "list", responseUrl: harness.fake.responseUrl("p") }));
    type Page = { blocks: { type: string; block_id?: string; text?: { text: string } }[] };
    const pages = () =>
      [...harness.fake.responsesTo("p"), ...harness.fake.callsOf("chat.postMessage").map((c) => c.args)] as Page[];
    const cards = () =>
      pages()
        .flatMap((p) => p.blocks)
        .filter((b) => b.block_id?.endsWith(":summary"));
    await eventually(() => expect(cards()).toHaveLength(40));
    expect(pages().length).toBeGreaterThanOrEqual(3);
    for (const page of pages()) {
      expect(page.blocks.length).toBeLessThanOrEqual(50);
      for (const block of page.blocks) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    const sections = pages()
      .flatMap((p) => p.blocks)
      .filter((b) => b.type === "section" && !b.block_id);
    expect(sections.map((b) => b.text?.text).join("\n")).toContain("#200 ");
  });
});
