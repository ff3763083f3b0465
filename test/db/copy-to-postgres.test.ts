// `npm run db:copy`: an install on the embedded database moves to PostgreSQL with every row, and keeps working there.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/client.js";
import { CopyRefusedError, copyPgliteToPostgres, withoutUnknownSettings } from "../../src/db/copy-to-postgres.js";
import { lockPgliteFolder } from "../../src/db/pglite-lock.js";
import { pgliteIdentity } from "../../src/runtime/redis-prefix.js";
import { harnessFor } from "../helpers/chat-harness.js";
import { people } from "../helpers/incoming.js";
import { createOwnDatabase, type OwnDatabase } from "../ops/own-services.js";
import { testRedisUrl, uniquePrefix } from "../setup/redis.js";
import { withoutFakeTime } from "../setup/services.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function pgliteInstall(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), "roviec-copy-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const chat = harnessFor(await createDatabase({ dataDir }));
  try {
    await chat.say("giao @Lan @Minh nộp báo cáo quy hoạch trước 17h thứ 6 tuần sau");
    await chat.say("giao @Minh in tài liệu họp");
    await chat.say("xong #2", people.minh);
  } finally {
    await chat.close();
  }
  return dataDir;
}

async function ownDatabase(): Promise<OwnDatabase> {
  const database = await createOwnDatabase();
  cleanups.push(() => database.drop());
  return database;
}

describe("copying the embedded database to PostgreSQL", () => {
  it("copies every row, and the install goes on where it was", async () => {
    const [dataDir, target] = [await pgliteInstall(), await ownDatabase()];

    const copied = await copyPgliteToPostgres({ dataDir, databaseUrl: target.url });

    const rows = Object.fromEntries(copied.map((t) => [t.table, t.rows]));
    expect(rows).toMatchObject({ Task: 2, TaskAssignee: 3 });
    const chat = harnessFor(await createDatabase({ databaseUrl: target.url, dataDir }));
    try {
      const task = await chat.database.prisma.task.findFirstOrThrow({
        where: { number: 1 },
        include: { assignees: { include: { member: true }, orderBy: { position: "asc" } } },
      });
      expect(task.title).toBe("nộp báo cáo quy hoạch");
      expect(task.assignees.map((a) => a.member.displayName)).toEqual(["Lan", "Minh"]);
      expect(await chat.sayText("việc của tôi", people.minh)).toContain("#1");
      expect(await chat.sayText("giao @Lan gửi biên bản")).toContain("#3");
    } finally {
      await chat.close();
    }
  });

  it("refuses a database that already holds an install, and writes nothing", async () => {
    const [dataDir, target] = [await pgliteInstall(), await ownDatabase()];
    await copyPgliteToPostgres({ dataDir, databaseUrl: target.url });

    await expect(copyPgliteToPostgres({ dataDir, databaseUrl: target.url })).rejects.toBeInstanceOf(CopyRefusedError);

    const database = await createDatabase({ databaseUrl: target.url, dataDir });
    try {
      expect(await database.prisma.task.count()).toBe(2);
    } finally {
      await database.close();
    }
  });

  it("will not read a folder the bot has open, and says so", async () => {
    const [dataDir, target] = [await pgliteInstall(), await ownDatabase()];
    // The bot's own lock on its folder (createDatabase takes it first). The copy runs as the operator runs it, in a
    // process of its own on the real clock: proper-lockfile reads the lock's age from file times, which a clock
    // shifted by libfaketime (the clock-ahead suite) misreads in the process that shifts it.
    const release = await lockPgliteFolder(join(dataDir, "pglite"), 0);
    try {
      const run = promisify(execFile)(process.execPath, ["--import", "tsx", "src/db/copy-cli.ts", target.url], {
        env: { ...withoutFakeTime(process.env), DATA_DIR: dataDir, REDIS_URL: testRedisUrl() },
      });
      await expect(run).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/in use by another process/) });
    } finally {
      await release();
    }
  });

  it("leaves out the settings an older server does not know, keeps the rest", () => {
    const script = "SET lock_timeout = 0;\nSET transaction_timeout = 0;\nINSERT INTO public.a VALUES (1);";
    expect(withoutUnknownSettings(script, new Set(["lock_timeout"]))).toBe(
      "SET lock_timeout = 0;\nINSERT INTO public.a VALUES (1);",
    );
  });
});

describe("npm run db:copy", () => {
  it("copies, hands the install's Redis prefix to PostgreSQL, and prints no password", async () => {
    const [dataDir, target] = [await pgliteInstall(), await ownDatabase()];
    const prefix = uniquePrefix("copy");
    const redis = new Redis(testRedisUrl());
    cleanups.push(async () => {
      await redis.del(`${prefix}:owner`);
      redis.disconnect();
    });
    const pgliteOwner = pgliteIdentity(dataDir);
    await redis.set(`${prefix}:owner`, pgliteOwner);
    const withPassword = new URL(target.url);
    withPassword.password = "mat-khau-bi-mat"; // trust auth here: the server ignores it, the log must not show it

    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "src/db/copy-cli.ts", withPassword.toString()],
      { env: { ...withoutFakeTime(process.env), DATA_DIR: dataDir, REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix } },
    );

    expect(stdout).toMatch(/copied \d+ rows of \d+ tables/);
    expect(stdout).toContain(`Redis prefix "${prefix}" now belongs to the PostgreSQL database`);
    expect(`${stdout}${stderr}`).not.toContain("mat-khau-bi-mat");
    expect(await redis.get(`${prefix}:owner`)).toMatch(/^postgres:/);
  });
});
