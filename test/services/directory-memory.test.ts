import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, channelChat, createChatHarness } from "../helpers/chat-harness.js";
import { incomingMessage, people } from "../helpers/incoming.js";

/**
 * The directory remembers channels, declared days and members between messages. What this process changes itself
 * must show on the very next message.
 */
describe("what the directory remembers", () => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness("pglite");
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("shows a settings change, a new manager and a declared day off on the next message", async () => {
    const chat = channelChat(harness);
    // FIXED_NOW is Friday 27/11/2026 10:00 in Hanoi; Monday 30/11 to Friday 04/12 is 5 working days.
    expect(await chat.sayText("giao @Lan việc một trước 17h thứ 6 tuần sau")).toContain("5 ngày làm việc");
    await chat.sayText("cài đặt ngày nghỉ 30/11/2026", people.admin);
    expect(await chat.sayText("giao @Lan việc hai trước 17h thứ 6 tuần sau")).toContain("4 ngày làm việc");
    // Hoa may not change settings; Minh may once the admin made him a manager.
    expect(await chat.sayText("cài đặt ngôn ngữ en", people.hoa)).toContain("chỉ quản lý kênh");
    await chat.say("xem #1", people.minh);
    await chat.sayText("cài đặt quản lý thêm @Minh", people.admin);
    expect(await chat.sayText("cài đặt ngôn ngữ en", people.minh)).toContain("Saved the language: English.");
    expect(await chat.sayText("giao @Lan việc ba trước 17h thứ 6 tuần sau")).toContain("Created task #3");
  });

  it("knows a person as a sender and as a mention without asking the database again", async () => {
    const first = await harness.directory.recordIncoming(incomingMessage({ sender: people.lan }), new Date());
    const resolved = await harness.directory.resolvePeople(
      first.channel,
      ["Lan"],
      [{ token: "Lan", externalId: people.lan.externalId, displayName: people.lan.displayName }],
      { actorId: first.actor.id, createPending: true },
    );
    expect(resolved.ok && resolved.people[0]?.id).toBe(first.actor.id);
    const renamed = { ...people.lan, displayName: "Lan Nguyễn" };
    const again = await harness.directory.recordIncoming(incomingMessage({ sender: renamed }), new Date());
    expect(again.actor).toMatchObject({ id: first.actor.id, displayName: "Lan Nguyễn" });
  });
});
