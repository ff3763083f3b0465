// The bot's questions on Slack: a doubtful slash command is answered with buttons, and a press answers like the typed
// number — through the real adapter over HTTP, against the fake Slack, with the real bot on a database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/core/bot.js";
import { coreServices, FIXED_NOW } from "../helpers/chat-harness.js";
import { eventually } from "../helpers/eventually.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";
import { type SlackHarness, startSlackHarness } from "./slack-harness.js";
import { blockAction, slashCommand } from "./slack-requests.js";

type Button = { type: string; action_id: string; value: string; text: { text: string } };
type Answer = { response_type?: string; replace_original?: boolean; text: string; blocks: Record<string, unknown>[] };

describe("questions on Slack", () => {
  let database: TestDatabase;
  let harness: SlackHarness;
  let n = 0;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const { logger, tasks, directory, questions } = coreServices(database);
    const bot = createBot({ services: { tasks, directory, questions }, logger, now: () => FIXED_NOW });
    harness = await startSlackHarness({ bot, prisma: database.prisma });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  async function command(channel: string, text: string, user = "U0LAN"): Promise<Answer[]> {
    const id = `q${++n}`;
    await harness.post(
      slashCommand({
        command: "/viec",
        text,
        responseUrl: harness.fake.responseUrl(id),
        channel_id: channel,
        user_id: user,
      }),
    );
    await eventually(() => expect(harness.fake.responsesTo(id).length).toBeGreaterThan(0));
    return harness.fake.responsesTo(id) as unknown as Answer[];
  }

  /** Presses a question's button; resolves with what went to its response_url. */
  async function press(channel: string, button: Button, user = "U0LAN", posts = 1): Promise<Answer[]> {
    const id = `p${++n}`;
    const response = await harness.post(
      blockAction(
        { type: "button", action_id: button.action_id, value: button.value, text: button.text },
        { channel, user, responseUrl: harness.fake.responseUrl(id), message: { ts: "1.000100", text: "?" } },
      ),
    );
    expect(response.status).toBe(200);
    await eventually(() => expect(harness.fake.responsesTo(id).length).toBeGreaterThanOrEqual(posts));
    return harness.fake.responsesTo(id) as unknown as Answer[];
  }

  const buttonsOf = (answer: Answer | undefined): Button[] =>
    (answer?.blocks.find((b) => b.type === "actions") as { elements?: Button[] } | undefined)?.elements ?? [];

  const tasksIn = (channel: string) =>
    database.prisma.task.findMany({
      where: { channel: { externalId: channel } },
      select: { number: true, title: true, dueAt: true },
    });

  it("asks with a button per choice, privately, and the chosen button creates the task", async () => {
    const channel = "C0ASK1";
    const [question] = await command(channel, "giao <@U0MINH|minh> nộp báo cáo trước 17h hôm qua");
    expect(question?.response_type).toBe("ephemeral");
    expect(question?.text).toContain("đã qua rồi");
    const buttons = buttonsOf(question);
    expect(buttons.map((b) => b.text.text.slice(0, 2))).toEqual(["1.", "2.", "3.", "Hủ"]);
    expect(buttons[0]?.text.text).toContain('Tạo việc "nộp báo cáo" cho @Minh');
    expect(await tasksIn(channel)).toEqual([]);

    // Someone else's press does not answer it.
    const [notYours] = await press(channel, buttons[1] as Button, "U0HOA");
    expect(JSON.stringify(notYours)).toContain("mình hỏi người khác");
    expect(await tasksIn(channel)).toEqual([]);

    const answers = await press(channel, buttons[1] as Button, "U0LAN", 2);
    const replaced = answers.find((a) => a.replace_original === true);
    expect(replaced?.text).toContain("✔ Đã chọn 2: Tạo việc");
    expect(buttonsOf(replaced)).toEqual([]);
    const created = answers.find((a) => a.response_type === "in_channel");
    expect(created?.text).toContain("Đã tạo việc #1: nộp báo cáo");
    const [task] = await tasksIn(channel);
    expect(task).toMatchObject({ number: 1, title: "nộp báo cáo", dueAt: new Date("2026-11-27T10:00:00Z") });
    // The same button again: the question is settled.
    const [again] = await press(channel, buttons[0] as Button);
    expect(JSON.stringify(again)).toContain("đã được trả lời");
    expect(await tasksIn(channel)).toHaveLength(1);
  });

  it("a cancel press drops the question; a button of a replaced question does not answer the new one", async () => {
    const channel = "C0ASK2";
    const [first] = await command(channel, "giao <@U0MINH|minh> việc một trước hôm qua");
    const [second] = await command(channel, "giao <@U0MINH|minh> việc hai trước hôm qua");
    const [stale] = await press(channel, buttonsOf(first)[0] as Button);
    expect(JSON.stringify(stale)).toContain("đã được trả lời");
    const cancel = buttonsOf(second).at(-1) as Button;
    const answers = await press(channel, cancel);
    expect(JSON.stringify(answers)).toContain("Đã bỏ câu hỏi");
    expect(await tasksIn(channel)).toEqual([]);
  });
});
