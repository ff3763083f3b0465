// `npm run doctor` against services of the test's own: all well, then Redis gone. The real script in a child process.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployDatabase, memoryDataDir } from "../../src/db/client.js";
import { FakeZaloServer } from "../zalo/fake-zalo-server.js";
import { createOwnDatabase, type OwnDatabase, type OwnRedis, startOwnRedis } from "./own-services.js";

const repositoryRoot = join(import.meta.dirname, "..", "..");

let database: OwnDatabase;
let redis: OwnRedis;
let zalo: FakeZaloServer;

beforeAll(async () => {
  [database, redis] = await Promise.all([createOwnDatabase(), startOwnRedis()]);
  await deployDatabase({ databaseUrl: database.url, dataDir: memoryDataDir });
  zalo = await new FakeZaloServer().start();
});

afterAll(async () => {
  await redis?.kill();
  await zalo?.close();
  await database?.drop();
});

function doctor(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/doctor.ts"], {
      cwd: repositoryRoot,
      env: {
        PATH: process.env.PATH ?? "",
        ENV_FILE: "/dev/null",
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        ZALO_BOT_TOKEN: zalo.token,
        ZALO_API_BASE_URL: zalo.url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("npm run doctor", () => {
  it("prints a checklist and exits 0 when nothing is wrong, 1 naming what is", async () => {
    const well = await doctor();
    expect(well.code, well.output).toBe(0);
    for (const line of [
      /✓ config +valid: Zalo \(long polling\), ROLE=all, PostgreSQL/,
      /✓ migrations +all \d+ applied/,
      /✓ clock +within \d+ ms of the database's/,
      /! redis +append-only persistence is no/, // the test's Redis runs without it: a warning, not a failure
      /✓ prefix +"roviec" unclaimed/,
      /✓ zalo +getMe: Rõ Việc \(2718281828\)/,
      /✓ zalo webhook +none \(long polling\)/,
      /· slack +SLACK_BOT_TOKEN not set/,
    ]) {
      expect(well.output).toMatch(line);
    }
    expect(well.output).not.toContain(zalo.token.split(":")[1]);

    await redis.kill();
    const broken = await doctor();
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/✗ redis +127\.0\.0\.1:\d+ unreachable/);
    expect(broken.output).toContain("1 lỗi / problem(s) found.");
  }, 120_000);
});
