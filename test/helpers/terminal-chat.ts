// The terminal chat as a newcomer runs it: `npm start` (or the entry point) in a child process, with a fresh data
// directory, its own Redis prefix (derived from that directory, as the app does), and that prefix's keys deleted
// afterwards.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import { redisPrefixFor } from "../../src/runtime/redis-prefix.js";

export const repositoryRoot = join(import.meta.dirname, "..", "..");

export interface ChatRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` with bash in the repository, with only the environment a newcomer's shell would pass. */
export function runShell(command: string, env: Record<string, string>): Promise<ChatRun> {
  return collect(spawn("bash", ["-c", command], { cwd: repositoryRoot, env: baseEnv(env), stdio: "pipe" }));
}

/** Pipes `input` into the entry point (src/main.ts through tsx). */
export function runChat(input: string, env: Record<string, string>): Promise<ChatRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repositoryRoot,
    env: baseEnv(env),
    stdio: "pipe",
  });
  child.stdin.end(input);
  return collect(child);
}

// ENV_FILE: a developer's own .env must not reach the test's bot.
function baseEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ENV_FILE: "/dev/null", ...env };
}

function collect(child: ReturnType<typeof spawn>): Promise<ChatRun> {
  return new Promise((resolve, reject) => {
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
  });
}

/** Deletes the Redis keys of the terminal chat run on `dataDir`. */
export async function deleteChatKeys(redisUrl: string, dataDir: string): Promise<void> {
  const prefix = redisPrefixFor({ terminalChat: true, dataDir });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}
