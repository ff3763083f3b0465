import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteChatKeys } from "../helpers/terminal-chat.js";
import { testRedisUrl } from "../setup/redis.js";

/**
 * The README's run command, as a newcomer uses it: `npm start` with no tokens opens the terminal chat on the embedded
 * database, reads a piped conversation and exits at the end of it. Runs the real entry point in a child process.
 */
const repositoryRoot = join(import.meta.dirname, "..", "..");

function startBot(
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: repositoryRoot,
      // ENV_FILE: a developer's own .env must not reach the test's bot.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ENV_FILE: "/dev/null", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("terminal chat through npm start", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "roviec-console-"));
  });
  afterAll(async () => {
    // The chat found the default Redis and used its own prefix there: its keys go with its data.
    await deleteChatKeys(testRedisUrl(), dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("runs a piped conversation, exits cleanly, and keeps the tasks across a restart", async () => {
    const first = await startBot(
      [
        "/now 2026-11-27T10:00:00+07:00",
        "giao @Lan @Minh nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau",
        "/as @Lan",
        "nhận việc #1",
        "xong #1",
      ].join("\n"),
      { DATA_DIR: dataDir },
    );
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Đã tạo việc #1: nộp báo cáo quy hoạch");
    expect(first.stdout).toContain("hạn: 17:00 thứ Sáu 04/12/2026");
    expect(first.stdout).toContain("Còn chờ: @Minh");

    const second = await startBot(["/as @Minh", "xem #1", "xong #1", "xuất báo cáo csv"].join("\n"), {
      DATA_DIR: dataDir,
    });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("#1 nộp báo cáo quy hoạch");
    expect(second.stdout).toContain("@Lan (đã xong)");
    expect(second.stdout).toMatch(/việc #1 \(nộp báo cáo quy hoạch\) đã hoàn thành/);
    // A terminal cannot show a file: the export is saved under DATA_DIR/files and its path printed.
    const saved = /📎 (\S+\.csv)/.exec(second.stdout)?.[1] ?? "";
    expect(saved.startsWith(join(dataDir, "files"))).toBe(true);
    expect(await readFile(saved, "utf8")).toContain("nộp báo cáo quy hoạch");
  });

  it("asks before writing a doubtful deadline, takes back a task with 'hoàn tác', and speaks settings in words", async () => {
    const run = await startBot(
      [
        "/now 2026-11-27T10:00:00+07:00",
        "/in #hoi-lai",
        "giao @Lan nộp báo cáo trước 17h hôm qua",
        "2",
        "giao @Lan việc giao nhầm",
        "hoàn tác",
        "danh sách",
        "trợ giúp cài đặt",
        "cài đặt ngày làm việc thứ 2, thứ 3",
        "nhắc việc bật",
        "cài đặt",
      ].join("\n"),
      { DATA_DIR: dataDir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("hạn 17:00 thứ Năm 26/11/2026 đã qua rồi.");
    expect(run.stdout).toContain('2. Tạo việc "nộp báo cáo" cho @Lan, hạn 17:00 thứ Sáu 27/11/2026');
    expect(run.stdout).toContain("Đã tạo việc #1: nộp báo cáo");
    expect(run.stdout).toContain("rút lại việc #2 (việc giao nhầm)");
    const list = run.stdout.slice(run.stdout.lastIndexOf("Việc đang mở"));
    expect(list).toContain("nộp báo cáo");
    expect(list.split("Ví dụ")[0]).not.toContain("việc giao nhầm");
    expect(run.stdout).toContain("cài đặt  ·  cài đặt <mục> <giá trị>");
    expect(run.stdout).toContain("Đã lưu ngày làm việc: thứ Hai, thứ Ba.");
    expect(run.stdout).toContain("Nhắc việc: bật");
  });

  it("answers in English when the channel is set to English", async () => {
    const run = await startBot(
      ["settings language en", "assign @Lan write the report by Friday 5pm", "help"].join("\n"),
      {
        DATA_DIR: dataDir,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Created task #\d+: write the report/);
  });

  it("refuses a bad configuration with a message that says how to fix it", async () => {
    const run = await startBot("", { DATA_DIR: dataDir, DEFAULT_TIMEZONE: "Mars/Olympus", LOG_LEVEL: "loud" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DEFAULT_TIMEZONE is not an IANA time zone");
    expect(run.stderr).toContain("LOG_LEVEL must be one of");
    expect(run.stdout).toBe("");
  });
});
