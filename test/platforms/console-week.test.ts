import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deleteChatKeys, runChat } from "../helpers/terminal-chat.js";
import { testRedisUrl } from "../setup/redis.js";

/**
 * A week skipped in the terminal chat: every ping and the Monday summary due on the way is printed, in order, once,
 * through the real jobs on Redis; and the same conversation on two fresh data directories prints the same thing.
 */
const conversation = [
  "/now 2026-12-02T09:00:00+07:00", // a Wednesday
  "giao @Lan @Minh nộp báo cáo quy hoạch trước 17h thứ 6",
  "giao @Minh chuẩn bị phòng họp trước 12h thứ 6",
  "nhắc #2 lúc 15h thứ 5",
  "/tua 1 tuần",
  "/skip 1 day",
  "/now 2026-12-01T09:00+07:00",
  "/reset",
  "danh sách việc",
  "/quit",
].join("\n");

/** The stamp of each message the jobs sent, with what it is, in the order the week brings them. */
const expectedMessages: [stamp: string, contains: string][] = [
  ["thứ Năm 03/12/2026 09:00", "Sắp đến hạn: #1"],
  ["thứ Năm 03/12/2026 15:00", "Nhắc việc: #2"],
  ["thứ Sáu 04/12/2026 11:00", "Còn 1 giờ: #2"],
  ["thứ Sáu 04/12/2026 12:00", "Đến hạn: #2"],
  ["thứ Sáu 04/12/2026 16:00", "Còn 1 giờ: #1"],
  ["thứ Sáu 04/12/2026 17:00", "Đến hạn: #1"],
  ["thứ Hai 07/12/2026 08:00", "Tổng kết tuần 30/11–06/12"],
  ["thứ Hai 07/12/2026 09:00", "Quá hạn 2 ngày: #1"],
  ["thứ Ba 08/12/2026 09:00", "Quá hạn 3 ngày: #1"],
  ["thứ Tư 09/12/2026 09:00", "Quá hạn 4 ngày: #1"],
  // The fourth overdue working day (Mon, Tue, Wed, Thu): the creator is told.
  ["thứ Năm 10/12/2026 09:00", "(báo người giao: @Tôi)"],
];

const dataDirs: string[] = [];

async function runOnFreshData(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), "roviec-week-"));
  dataDirs.push(dataDir);
  const run = await runChat(conversation, { DATA_DIR: dataDir, REDIS_URL: testRedisUrl() });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return run.stdout;
}

/** The messages the jobs sent: each starts with "[<clock time> · #<channel>]"; its lines go on indented (or empty). */
function sentMessages(stdout: string): string[] {
  const messages: string[] = [];
  let inMessage = false;
  for (const line of stdout.split("\n")) {
    if (line.startsWith("[")) messages.push(line);
    else if (inMessage && (line.startsWith("   ") || line === "")) messages[messages.length - 1] += `\n${line}`;
    inMessage = line.startsWith("[") || (inMessage && (line.startsWith("   ") || line === ""));
  }
  return messages.map((message) => message.trimEnd());
}

describe("a week skipped in the terminal chat", () => {
  afterAll(async () => {
    for (const dataDir of dataDirs) {
      await deleteChatKeys(testRedisUrl(), dataDir);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("prints every ping and the summary in order, once, and the same on two fresh data directories", async () => {
    const [first, second] = await Promise.all([runOnFreshData(), runOnFreshData()]);
    expect(second).toBe(first);

    const messages = sentMessages(first);
    expect(messages).toHaveLength(expectedMessages.length);
    expect(new Set(messages).size).toBe(messages.length);
    for (const [index, [stamp, contains]] of expectedMessages.entries()) {
      expect(messages[index]).toMatch(new RegExp(`^\\[${stamp} · #nhom-du-an\\] 🤖 `));
      expect(messages[index]).toContain(contains);
    }
    // The summary is plain text: its per-person table without Markdown fences.
    const summary = messages[6] ?? "";
    expect(summary).toContain("Quá hạn (2):");
    expect(summary).toMatch(/Minh\s+2\s+2\s+0/);
    expect(first).not.toContain("```");
    // Moving the clock back is refused, with an example; /quit says goodbye.
    expect(first).toContain("— đồng hồ chỉ chạy tới, không lùi lại được (bây giờ là thứ Năm 10/12/2026 09:00)");
    expect(first).toContain("e.g. /skip 2 days");
    // /reset starts afresh on the same data directory (the embedded database's lock released and taken again).
    expect(first).toContain(
      "Tôi › /reset\n— đã xóa dữ liệu thử, bắt đầu lại từ đầu / trial data wiped; starting afresh",
    );
    expect(first).toContain("Tôi › danh sách việc\n🤖 Việc đang mở\n   Không có việc nào.");
    expect(first.trimEnd().endsWith("— tạm biệt! / goodbye!")).toBe(true);
    // Piped: no colours.
    expect(first).not.toContain("\u001b[");
  });

  it("without Redis moves the clock alone and says that nothing was sent on the way", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "roviec-week-"));
    dataDirs.push(dataDir);
    const input = ["/now 2026-12-02T09:00:00+07:00", "giao @Lan in tài liệu trước 17h thứ 6", "/tua 3 ngày"].join("\n");
    // A port nothing listens on: a newcomer's machine without Redis.
    const run = await runChat(input, { DATA_DIR: dataDir, REDIS_URL: "redis://127.0.0.1:1" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No Redis reachable, so pings are off");
    expect(run.stdout).toContain(
      "— đồng hồ đã tới thứ Bảy 05/12/2026 09:00 / clock moved to Saturday 05/12/2026 09:00\n" +
        "— không có Redis nên không gửi nhắc việc nào trên đường đi / no Redis, so no ping was sent on the way",
    );
    expect(run.stdout).not.toContain("[thứ");
  });
});
