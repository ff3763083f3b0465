// `npm start` as a service manager runs it: no terminal, and tokens that may not have arrived. The real entry point
// in a child process.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repositoryRoot = join(import.meta.dirname, "..", "..");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `input`: "none" is /dev/null (systemd's default), "" a pipe closed at once, else a piped conversation. */
function startBot(input: "none" | string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: repositoryRoot,
      // ENV_FILE: a developer's own .env in the repository must not reach the test's bot.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ENV_FILE: "/dev/null", ...env },
      stdio: [input === "none" ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (input !== "none") child.stdin?.end(input);
  });
}

describe("npm start without a platform token", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "roviec-refusal-"));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ["/dev/null", "none", "not a terminal"],
    ["a pipe that closes at once", "", "an empty pipe"],
  ])(
    "on %s exits 1 naming the variables to set, before opening the database",
    async (_, input, said) => {
      const run = await startBot(input, { DATA_DIR: dataDir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("No Slack or Zalo token is set");
      expect(run.stderr).toContain(said);
      for (const name of ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "ZALO_BOT_TOKEN", ".env"]) {
        expect(run.stderr).toContain(name);
      }
      expect(await readdir(dataDir)).toEqual([]); // no database was opened
    },
    60_000,
  );

  it("reads its settings from the .env file, under what the environment sets", async () => {
    const envFile = join(dataDir, "settings.env");
    await writeFile(envFile, "LOG_LEVEL=loud\nDEFAULT_LOCALE=fr\n");
    const run = await startBot("none", { ENV_FILE: envFile, DEFAULT_LOCALE: "en", DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("LOG_LEVEL must be one of"); // from the file
    expect(run.stderr).not.toContain("DEFAULT_LOCALE"); // the environment's "en" won
  }, 60_000);
});
