import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { type ChatHarness, channelChat, createChatHarness } from "../helpers/chat-harness.js";
import { people } from "../helpers/incoming.js";
import { testDatabaseKinds } from "../setup/db.js";

/**
 * The task service answers a write with the task as it is afterwards, built from what it had in hand rather than
 * read back. Each step here checks that view against a fresh read of the same task.
 */
describe.each(testDatabaseKinds)("the view a write returns, on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const taskOf = (replies: Reply[]) => {
    const [reply] = replies;
    expect(reply?.isError ?? false, reply?.text).toBe(false);
    return reply?.tasks?.[0];
  };

  it("equals a fresh read after every kind of change", async () => {
    const chat = channelChat(harness);
    const steps: [string, (typeof people)[keyof typeof people]][] = [
      ["giao @Lan @Minh @Hoa nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau", people.sep],
      ["nhận việc #1", people.lan],
      ["xong #1", people.lan],
      ["thêm @Sep vào #1", people.sep],
      ["giao lại #1 cho @Minh @Hoa", people.sep],
      ["gia hạn #1 đến 17h thứ 2 tuần sau", people.minh],
      ["đổi tên #1 thành báo cáo quý 4", people.hoa],
      ["xong #1", people.minh],
      ["xong #1", people.hoa],
      ["mở lại #1", people.sep],
      ["xong #1", people.admin],
      ["mở lại #1", people.admin],
      ["hủy #1", people.sep],
    ];
    const channelId = async () => chat.channelId();
    for (const [text, who] of steps) {
      const written = taskOf(await chat.say(text, who));
      const read = await harness.tasks.findTask(await channelId(), 1);
      expect(written, text).toEqual(read);
    }
  });

  it("keeps a new task's assignees in the order a read gives them", async () => {
    const chat = channelChat(harness);
    for (let i = 0; i < 5; i++) {
      // "việc N" would name task N (issue 13: a message naming a task is never a new one): the titles are reports.
      const written = taskOf(await chat.say(`giao @Hoa @Minh @Lan báo cáo ${i} thứ 2 tuần sau`));
      expect(written).toEqual(await harness.tasks.findTask(await chat.channelId(), i + 1));
    }
  });
});

describe("SQL per command in steady state (PostgreSQL)", () => {
  let harness: ChatHarness;
  let statements = 0;
  const originalQuery = pg.Client.prototype.query;
  beforeAll(async () => {
    harness = await createChatHarness("postgres");
    (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function counted(
      this: pg.Client,
      ...args: unknown[]
    ) {
      statements++;
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    };
  });
  afterAll(async () => {
    pg.Client.prototype.query = originalQuery;
    await harness?.close();
  });

  /** Statements one message costs, with a platform event id (deduped) as Slack sends them. */
  let event = 0;
  async function cost(chat: ReturnType<typeof channelChat>, text: string, who = people.sep): Promise<number> {
    const before = statements;
    event++;
    const [reply] = await chat.say(text, who, { eventId: `steady-${event}` });
    expect(reply?.isError ?? false, reply?.text).toBe(false);
    return statements - before;
  }

  it("giao, xong and a list once the channel and people are known", async () => {
    const chat = channelChat(harness);
    // First sight: workspace, channel, members, their channel membership.
    await cost(chat, "giao @Lan chuẩn bị họp thứ 2 tuần sau");
    await cost(chat, "xong #1", people.lan);
    await cost(chat, "việc của tôi", people.lan);
    // One statement: ProcessedEvent, next number, task, assignees, history (task-writes.ts).
    expect(await cost(chat, "giao @Lan nộp báo cáo trước 17h thứ 6 tuần sau")).toBe(1);
    // Read the task, then one statement: ProcessedEvent, task, assignee, history.
    expect(await cost(chat, "xong #2", people.lan)).toBe(2);
    // The list, then ProcessedEvent.
    expect(await cost(chat, "việc của tôi", people.lan)).toBe(2);
  });

  it("a repeated delivery answers nothing and writes nothing", async () => {
    const chat = channelChat(harness);
    await chat.say("giao @Lan chuẩn bị họp thứ 2 tuần sau", people.sep, { eventId: "twice" });
    const counts = await harness.counts();
    expect(await chat.say("giao @Lan chuẩn bị họp thứ 2 tuần sau", people.sep, { eventId: "twice" })).toEqual([]);
    expect(await harness.counts()).toEqual(counts);
    await chat.say("việc của tôi", people.lan, { eventId: "list-twice" });
    expect(await chat.say("việc của tôi", people.lan, { eventId: "list-twice" })).toEqual([]);
  });
});
