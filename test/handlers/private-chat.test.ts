import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, createChatHarness } from "../helpers/chat-harness.js";
import { people } from "../helpers/incoming.js";
import { testDatabaseKinds } from "../setup/db.js";

/**
 * A private chat with the bot is where a person sees their own work when groups are unavailable (Zalo groups are in
 * beta): "my tasks" and "tasks I assigned" there span every channel of the workspace, and name each task's channel.
 * Nobody else's tasks ever show, and group lists stay scoped to their own channel.
 */
describe.each(testDatabaseKinds)("personal lists in a private chat on %s", (kind) => {
  let harness: ChatHarness;
  const group = (name: string) => ({ channel: { externalId: name, name, isPrivateChat: false } });
  const privateChatOf = (person: { externalId: string }) => ({
    channel: { externalId: `dm-${person.externalId}`, name: "riêng", isPrivateChat: true },
  });

  beforeAll(async () => {
    harness = await createChatHarness(kind);
    await harness.say("giao @Lan nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau", people.sep, group("phong-ke-hoach"));
    await harness.say("giao @Lan @Minh rà soát hồ sơ đất đai mai", people.sep, group("ban-chi-dao"));
    await harness.say("1", people.sep, group("ban-chi-dao")); // "mai" is a Saturday: keep it
    await harness.say("giao @Minh chuẩn bị phòng họp", people.sep, group("ban-chi-dao"));
    await harness.say("giao @Hoa gửi công văn trước 18/12", people.lan, group("van-thu"));
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("lists my tasks from every group, naming each group", async () => {
    const text = await harness.sayText("việc của tôi", people.lan, privateChatOf(people.lan));
    expect(text).toContain("(phong-ke-hoach) nộp báo cáo quy hoạch");
    expect(text).toContain("(ban-chi-dao) rà soát hồ sơ đất đai");
    expect(text).not.toContain("chuẩn bị phòng họp");
    expect(text).not.toContain("gửi công văn");
  });

  it("lists the tasks I assigned, wherever I assigned them", async () => {
    const text = await harness.sayText("việc tôi giao", people.lan, privateChatOf(people.lan));
    expect(text).toContain("(van-thu) gửi công văn");
    expect(text).not.toContain("nộp báo cáo quy hoạch");
  });

  it("drops a task from my list once my own part is done, while others still owe theirs", async () => {
    await harness.say("xong #1", people.lan, group("ban-chi-dao"));
    const mine = await harness.sayText("việc của tôi", people.lan, privateChatOf(people.lan));
    expect(mine).not.toContain("rà soát hồ sơ đất đai");
    const minh = await harness.sayText("việc của tôi", people.minh, privateChatOf(people.minh));
    expect(minh).toContain("(ban-chi-dao) rà soát hồ sơ đất đai");
  });

  it("keeps group lists to their own channel", async () => {
    const text = await harness.sayText("việc của tôi", people.lan, group("van-thu"));
    expect(text).not.toContain("nộp báo cáo quy hoạch");
    expect(text).not.toContain("(phong-ke-hoach)");
  });
});
