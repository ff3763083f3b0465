// Configuration an operator writes: the .env file, the documented example, rules across variables, the Redis prefix.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnvFile } from "../../src/config/env-file.js";
import { ConfigError, configSchema, loadConfig } from "../../src/config.js";
import { lockPgliteFolder, PgliteLockedError } from "../../src/db/pglite-lock.js";
import { claimRedisPrefix, ownerKey, redisPrefixFor } from "../../src/runtime/redis-prefix.js";
import { testRedisUrl, uniquePrefix } from "../setup/redis.js";

const repositoryRoot = join(import.meta.dirname, "..", "..");
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "roviec-config-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function configProblem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
}

describe(".env.example", () => {
  it("names every variable the bot reads, and its values start the bot", async () => {
    const example = await readFile(join(repositoryRoot, ".env.example"), "utf8");
    const values = parseEnv(example);
    expect(Object.keys(values).sort()).toEqual(Object.keys(configSchema.shape).sort());
    // Each variable has a comment line above it saying what it is for.
    const lines = example.split("\n");
    for (const name of Object.keys(values)) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(lines[at - 1]?.startsWith("#"), `${name} has no comment`).toBe(true);
    }
    expect(loadConfig(values).ROLE).toBe("all");
  });
});

describe("the .env file", () => {
  it("fills what the environment does not set, and the environment wins", async () => {
    const path = join(folder, "fills.env");
    await writeFile(path, "ROVIEC_TEST_FROM_FILE=file\nROVIEC_TEST_BOTH=file\n");
    const env: NodeJS.ProcessEnv = { ENV_FILE: path };
    process.env.ROVIEC_TEST_BOTH = "environment";
    try {
      expect(loadEnvFile(env, folder)).toBe(path);
      expect([process.env.ROVIEC_TEST_FROM_FILE, process.env.ROVIEC_TEST_BOTH]).toEqual(["file", "environment"]);
    } finally {
      delete process.env.ROVIEC_TEST_FROM_FILE;
      delete process.env.ROVIEC_TEST_BOTH;
    }
  });

  it("is optional, unless ENV_FILE names one that is missing", () => {
    expect(loadEnvFile({}, folder)).toBeUndefined();
    expect(() => loadEnvFile({ ENV_FILE: "nowhere.env" }, folder)).toThrow(/ENV_FILE names .*nowhere\.env/);
  });
});

describe("rules across variables", () => {
  it("refuses a role split on the embedded database, saying to use PostgreSQL", () => {
    const tokens = { ZALO_BOT_TOKEN: "123:secret" };
    for (const role of ["web", "worker"]) {
      expect(configProblem({ ...tokens, ROLE: role })).toContain(`ROLE=${role} needs DATABASE_URL (PostgreSQL)`);
    }
    expect(configProblem({ ...tokens, ROLE: "worker", DATABASE_URL: "postgresql://127.0.0.1/roviec" })).toBe("");
  });

  it("takes several web processes only for ROLE=web", () => {
    const split = { ZALO_BOT_TOKEN: "123:secret", DATABASE_URL: "postgresql://127.0.0.1/roviec", WEB_PROCESSES: "2" };
    expect(configProblem({ ...split, ROLE: "web" })).toBe("");
    for (const role of ["all", "worker"]) {
      expect(configProblem({ ...split, ROLE: role })).toContain("WEB_PROCESSES=2 runs several web processes");
    }
    expect(configProblem({ ...split, ROLE: "web", WEB_PROCESSES: "0" })).toContain("WEB_PROCESSES must be 1 or more");
  });

  it("refuses a web or worker process without a platform token, naming the variables", () => {
    const problem = configProblem({ ROLE: "worker", DATABASE_URL: "postgresql://127.0.0.1/roviec" });
    expect(problem).toContain("ROLE=worker splits a platform bot across processes");
    expect(problem).toContain("SLACK_BOT_TOKEN");
    expect(problem).toContain("ZALO_BOT_TOKEN");
  });

  it("takes REDIS_PREFIX and HEALTH_PORT, and says what a good prefix looks like", () => {
    const config = loadConfig({ REDIS_PREFIX: "roviec-prod", HEALTH_PORT: "9464" });
    expect([config.REDIS_PREFIX, config.HEALTH_PORT]).toEqual(["roviec-prod", 9464]);
    expect(configProblem({ REDIS_PREFIX: "two words" })).toContain("REDIS_PREFIX must be 1 to 64 letters");
  });
});

describe("the Redis prefix", () => {
  it("is roviec by default, REDIS_PREFIX when set, and the terminal chat's own per data folder", () => {
    expect(redisPrefixFor({ terminalChat: false, dataDir: "./data" })).toBe("roviec");
    expect(redisPrefixFor({ configured: "agency-a", terminalChat: true, dataDir: "./data" })).toBe("agency-a");
    const one = redisPrefixFor({ terminalChat: true, dataDir: "/srv/a" });
    const two = redisPrefixFor({ terminalChat: true, dataDir: "/srv/b" });
    expect(one).toMatch(/^roviec-chat-[0-9a-f]{12}$/);
    expect(one).not.toBe(two);
    expect(redisPrefixFor({ terminalChat: true, dataDir: "/srv/a" })).toBe(one);
  });

  it("belongs to the first database that claims it; another database is refused", async () => {
    const redis = new Redis(testRedisUrl());
    const prefix = uniquePrefix("owner");
    try {
      expect(await claimRedisPrefix(redis, prefix, "postgres:1/a/public")).toEqual({ ok: true, fresh: true });
      expect(await claimRedisPrefix(redis, prefix, "postgres:1/a/public")).toEqual({ ok: true, fresh: false });
      expect(await claimRedisPrefix(redis, prefix, "postgres:2/b/public")).toEqual({
        ok: false,
        owner: "postgres:1/a/public",
      });
    } finally {
      await redis.del(ownerKey(prefix));
      redis.disconnect();
    }
  });
});

describe("the embedded database's folder", () => {
  it("is held by one process at a time, and free again once released", async () => {
    const location = join(folder, "pglite");
    const release = await lockPgliteFolder(location, 0);
    await expect(lockPgliteFolder(location, 0)).rejects.toBeInstanceOf(PgliteLockedError);
    await expect(lockPgliteFolder(location, 0)).rejects.toThrow(/in use by another process/);
    await release();
    const again = await lockPgliteFolder(location, 0);
    await again();
  });
});
