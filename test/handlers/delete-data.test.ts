import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatHarness, createChatHarness } from "../helpers/chat-harness.js";
import { type IncomingOverrides, people, type TestPerson } from "../helpers/incoming.js";
import { testDatabaseKinds } from "../setup/db.js";

/**
 * `xóa dữ liệu` / `delete data`: only a workspace admin, only after saying yes to the bot's question; everything of
 * that workspace goes, another workspace's data stays, and the reply says what was deleted and what stays.
 */
describe.each(testDatabaseKinds)("deleting a workspace's data on %s", (kind) => {
  let harness: ChatHarness;
  beforeAll(async () => {
    harness = await createChatHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  let sequence = 0;
  /** A workspace of its own per test, with one channel. */
  function workspace(name: string) {
    sequence += 1;
    const externalId = `W-${name}-${sequence}`;
    const where: IncomingOverrides = {
      workspace: { externalId, name },
      channel: { externalId: `C-${name}-${sequence}` },
    };
    return {
      externalId,
      say: (text: string, as: TestPerson = people.sep) => harness.sayText(text, as, where),
      tasks: () => harness.database.prisma.task.count({ where: { channel: { workspace: { externalId } } } }),
    };
  }

  it("asks the admin first, deletes only on 'yes', and leaves other workspaces alone", async () => {
    const gone = workspace("xoa");
    const kept = workspace("giu");
    await gone.say("giao @Lan nộp báo cáo quý trước 17h thứ 6 tuần sau");
    await gone.say("giao @Minh soạn công văn");
    await kept.say("giao @Lan lập kế hoạch năm");

    expect(await gone.say("xóa dữ liệu", people.lan)).toContain("Chỉ quản trị viên (admin) workspace");
    expect(await gone.tasks()).toBe(2);

    const asked = await gone.say("xóa dữ liệu", people.admin);
    expect(asked).toContain("xóa vĩnh viễn, không hoàn tác được");
    expect(asked).toContain("1. Xóa toàn bộ dữ liệu của workspace");
    expect(await gone.tasks()).toBe(2);
    // Someone else's "1" is not the admin's answer.
    await gone.say("1", people.lan);
    expect(await gone.tasks()).toBe(2);
    expect(await gone.say("hủy", people.admin)).not.toContain("Đã xóa");
    expect(await gone.tasks()).toBe(2);

    await gone.say("xóa dữ liệu", people.admin);
    const done = await gone.say("1", people.admin);
    expect(done).toContain("Đã xóa dữ liệu của workspace: 2 việc, 0 việc định kỳ, 1 kênh");
    expect(done).toContain("Ứng dụng vẫn được cài");
    expect(await gone.tasks()).toBe(0);
    expect(await harness.database.prisma.member.count({ where: { workspace: { externalId: gone.externalId } } })).toBe(
      0,
    );
    expect(await kept.tasks()).toBe(1);
    expect(
      await harness.database.prisma.member.count({ where: { workspace: { externalId: kept.externalId } } }),
    ).toBeGreaterThan(0);

    // The bot goes on in the emptied workspace, from #1.
    expect(await gone.say("giao @Lan việc mới sau khi xóa")).toContain("#1");
  });

  it("speaks English in an English channel", async () => {
    const team = workspace("en");
    await team.say("settings language en", people.admin);
    await team.say("assign @Lan quarterly report");
    const asked = await team.say("delete data", people.admin);
    expect(asked).toContain("removes for good, with no undo");
    expect(asked).toContain("1. Delete all of the workspace's data");
    expect(await team.say("1", people.admin)).toContain("The workspace's data is deleted: 1 tasks");
    expect(await team.tasks()).toBe(0);
  });

  it("reads a task about deleting data as a task, never as the deletion", async () => {
    const team = workspace("task");
    expect(await team.say("giao @Lan xóa dữ liệu cũ trên máy chủ", people.admin)).toContain("xóa dữ liệu cũ");
    expect(await team.tasks()).toBe(1);
  });
});
