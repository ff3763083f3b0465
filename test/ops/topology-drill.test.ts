// The compose file's topology as processes (no Docker daemon here): a one-shot migration, then a web and a worker
// process of the real entry point on one PostgreSQL database and one Redis, then SIGTERM with Redis gone.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TcpProxy } from "../jobs/tcp-proxy.js";
import { uniquePrefix } from "../setup/redis.js";
import { FakeZaloServer } from "../zalo/fake-zalo-server.js";
import { textUpdate } from "../zalo/fixtures.js";
import { createOwnDatabase, freePort, type OwnDatabase, type OwnRedis, startOwnRedis } from "./own-services.js";

const repositoryRoot = join(import.meta.dirname, "..", "..");
const WEBHOOK_SECRET = "topology-webhook-secret";

let database: OwnDatabase;
let redis: OwnRedis;
let zalo: FakeZaloServer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  [database, redis] = await Promise.all([createOwnDatabase(), startOwnRedis()]);
  zalo = await new FakeZaloServer().start();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await redis?.kill();
  await zalo?.close();
  await database?.drop();
});

function run(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: repositoryRoot,
    // Our processes keep the suite's clock (libfaketime under test:clock-ahead); the services are the test's own.
    env: {
      ...process.env,
      ENV_FILE: "/dev/null",
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  return { child, output: () => output };
}

async function readyz(port: number): Promise<number> {
  return fetch(`http://127.0.0.1:${port}/readyz`).then(
    (response) => response.status,
    () => 0,
  );
}

/** Polls until a process's own readiness says yes (the event: its start finished). */
async function waitUntil(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen`);
}

describe("migrate, web and worker as separate processes", () => {
  it("serve one database and Redis, and stop with exit 0 within 10 s once Redis is gone", async () => {
    const migrate = run("src/db/deploy-cli.ts", {});
    const [migrated] = await once(migrate.child, "exit");
    expect(migrated, migrate.output()).toBe(0);
    expect(migrate.output()).toMatch(/applied \d+ migration/);

    const [webPort, workerPort] = [await freePort(), await freePort()];
    const platform = {
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_BASE_URL: zalo.url,
      ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      REDIS_PREFIX: uniquePrefix("topology"),
    };
    const web = run("src/main.ts", { ...platform, ROLE: "web", PORT: String(webPort) });
    const worker = run("src/main.ts", { ...platform, ROLE: "worker", PORT: String(workerPort) });
    await waitUntil(async () => (await readyz(webPort)) === 200, `web ready: ${web.output()}`);
    await waitUntil(async () => (await readyz(workerPort)) === 200, `worker ready: ${worker.output()}`);

    const response = await fetch(`http://127.0.0.1:${webPort}/zalo/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
      body: JSON.stringify(textUpdate("giao @Lan nộp báo cáo trong 5 ngày làm việc", { chatType: "GROUP" })),
    });
    expect(response.status).toBe(200);
    await waitUntil(async () => zalo.sentTexts("group-1").some((t) => t.includes("#1")), "the reply");
    // The web process planned the task's pings; the worker sees their jobs under the same prefix.
    await waitUntil(async () => {
      const metrics = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
      return /roviec_queue_jobs\{queue="pings",state="delayed"[^}]*\} [1-9]/.test(metrics);
    }, "the worker seeing the ping jobs");
    expect(zalo.callsTo("getUpdates")).toEqual([]); // neither polls: web has the webhook, the worker receives nothing

    await redis.kill();
    const started = performance.now();
    const exits = [web, worker].map(({ child }) => once(child, "exit"));
    web.child.kill("SIGTERM");
    worker.child.kill("SIGTERM");
    const codes = (await Promise.all(exits)).map(([code]) => code);
    expect(codes, `${web.output()}\n${worker.output()}`).toEqual([0, 0]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("stop with exit 0 within 10 s once PostgreSQL is cut", async () => {
    const target = new URL(database.url);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    if (!redis.running) redis = await startOwnRedis(redis.port); // the first drill took it away
    const port = await freePort();
    const bot = run("src/main.ts", {
      DATABASE_URL: viaProxy.toString(),
      REDIS_URL: redis.url,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_BASE_URL: zalo.url,
      ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      REDIS_PREFIX: uniquePrefix("pg-cut"),
      PORT: String(port),
    });
    try {
      await waitUntil(async () => (await readyz(port)) === 200, `bot ready: ${bot.output()}`);
      await proxy.stop();
      await waitUntil(async () => (await readyz(port)) === 503, "readiness failing without PostgreSQL");
      const started = performance.now();
      const exit = once(bot.child, "exit");
      bot.child.kill("SIGTERM");
      const [code] = await exit;
      expect(code, bot.output()).toBe(0);
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await proxy.stop();
    }
  });

  it("refuse to start under a Redis prefix that another database owns", async () => {
    if (!redis.running) redis = await startOwnRedis(redis.port);
    const prefix = uniquePrefix("taken");
    const other = new Redis(redis.url);
    await other.set(`${prefix}:owner`, "postgres:7000000000000000000/another/public");
    other.disconnect();
    const bot = run("src/main.ts", {
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_BASE_URL: zalo.url,
      ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      PORT: String(await freePort()),
    });
    const [code] = await once(bot.child, "exit");
    expect(code).toBe(1);
    expect(bot.output()).toContain(`The Redis prefix "${prefix}" belongs to another database`);
    expect(bot.output()).toContain("owner: postgres:7000000000000000000/another/public");
    expect(bot.output()).toContain("Set REDIS_PREFIX");
  });
});
