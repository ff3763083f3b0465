// Health, readiness and metrics in every role, against a PostgreSQL database and a redis-server of the test's own
// (stopped mid-test), and what each role binds and calls.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { uniquePrefix } from "../setup/redis.js";
import { FakeZaloServer } from "../zalo/fake-zalo-server.js";
import { textUpdate } from "../zalo/fixtures.js";
import { createOwnDatabase, freePort, type OwnDatabase, type OwnRedis, startOwnRedis } from "./own-services.js";

const WEBHOOK_SECRET = "ops-test-webhook-secret";
const DASHBOARD_TOKEN = "ops-test-dashboard-token-0123456789";
const clock = { now: () => new Date("2026-12-07T02:00:00Z") }; // a Monday, 09:00 in Hà Nội

let database: OwnDatabase;
let redis: OwnRedis;
let zalo: FakeZaloServer;
let app: App | undefined;

beforeAll(async () => {
  [database, redis] = await Promise.all([createOwnDatabase(), startOwnRedis()]);
  zalo = new FakeZaloServer();
  await zalo.start();
});

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

afterAll(async () => {
  await redis?.kill();
  await zalo?.close();
  await database?.drop();
});

function startApp(env: Record<string, string>): Promise<App> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: uniquePrefix("ops"),
    PORT: "0",
    LOG_LEVEL: "silent",
    ZALO_BOT_TOKEN: zalo.token,
    ZALO_API_BASE_URL: zalo.url,
    ...env,
  });
  return createApp({ config, logger: createLogger("silent"), clock }).then(async (created) => {
    app = created;
    await created.start();
    return created;
  });
}

async function get(port: number | undefined, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text() };
}

async function readiness(port: number | undefined): Promise<{ status: number; checks: Record<string, string> }> {
  const { status, body } = await get(port, "/readyz");
  return { status, checks: (JSON.parse(body) as { checks: Record<string, string> }).checks };
}

describe("a worker", () => {
  it("serves health, readiness and metrics, receives nothing, and is not ready while its Redis is down", async () => {
    const worker = await startApp({ ROLE: "worker" });
    expect(worker.port).toBeUndefined();
    expect(worker.healthPort).toBeGreaterThan(0);
    expect(await get(worker.healthPort, "/healthz")).toEqual({ status: 200, body: '{"ok":true}' });
    expect(await readiness(worker.healthPort)).toEqual({
      status: 200,
      checks: { database: "ok", migrations: "ok", redis: "ok", workers: "ok" },
    });
    // No webhook route, no long polling, not even getMe: the worker only sends.
    expect((await get(worker.healthPort, "/zalo/webhook")).status).toBe(404);
    expect(zalo.calls.map((call) => call.method)).toEqual([]);
    const metrics = (await get(worker.healthPort, "/metrics")).body;
    expect(metricValue(metrics, "roviec_queue_jobs", { queue: "pings", state: "failed" })).toBe(0);
    expect(metricValue(metrics, "roviec_outbox_messages", { status: "pending" })).toBe(0);
    expect(metrics).toContain("roviec_inbound_journal_backlog");
    expect(metrics).toContain("roviec_process_resident_memory_bytes");

    await redis.kill();
    const down = await readiness(worker.healthPort);
    expect(down.status).toBe(503);
    expect(down.checks.redis).toMatch(/^unreachable|no answer/);
    expect(down.checks.database).toBe("ok");
    expect((await get(worker.healthPort, "/healthz")).status).toBe(200); // alive: nothing to restart for

    redis = await startOwnRedis(redis.port);
    await waitFor(async () => (await readiness(worker.healthPort)).status === 200);
  });
});

describe("a web process", () => {
  it("serves its platform routes with health on PORT, or health on HEALTH_PORT apart, and runs no workers", async () => {
    const healthPort = await freePort();
    const web = await startApp({ ROLE: "web", ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET, HEALTH_PORT: String(healthPort) });
    expect(web.healthPort).toBe(healthPort);
    expect(web.port).not.toBe(healthPort);
    expect(await readiness(healthPort)).toEqual({
      status: 200,
      checks: { database: "ok", migrations: "ok", redis: "ok", receivers: "ok" },
    });
    expect((await get(web.port, "/healthz")).status).toBe(404); // health lives on its own port here
    expect(zalo.callsTo("getUpdates")).toEqual([]); // webhook mode: no polling
  });

  it("counts the commands it handles, by platform, command and outcome, and times the webhook's answers", async () => {
    const all = await startApp({
      ROLE: "all",
      ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET,
      QUEUE_DASHBOARD_TOKEN: DASHBOARD_TOKEN,
    });
    expect(all.healthPort).toBe(all.port);
    for (const text of ["giao @Lan nộp báo cáo trước 17h thứ 6", "xin chào bot ơi"]) {
      const response = await fetch(`http://127.0.0.1:${all.port}/zalo/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
        body: JSON.stringify(textUpdate(text, { chatType: "GROUP", chatId: "ops-group" })),
      });
      expect(response.status).toBe(200);
      await all.zalo?.whenIdle();
    }
    const metrics = (await get(all.port, "/metrics")).body;
    const commands = { platform: "zalo", command: "add", outcome: "ok" };
    expect(metricValue(metrics, "roviec_commands_total", commands)).toBe(1);
    expect(metricValue(metrics, "roviec_commands_total", { command: "none", outcome: "not_understood" })).toBe(1);
    expect(metricValue(metrics, "roviec_command_reply_seconds_count", { platform: "zalo" })).toBe(2);
    expect(metricValue(metrics, "roviec_http_response_seconds_count", { route: "/zalo/webhook", status: "200" })).toBe(
      2,
    );
  });
});

describe("the queue dashboard", () => {
  it("is off without its token, and with it answers only requests that carry the token", async () => {
    const off = await startApp({ ROLE: "worker" });
    expect((await get(off.healthPort, "/admin/queues")).status).toBe(404);
    await off.stop();
    app = undefined;

    const on = await startApp({ ROLE: "worker", QUEUE_DASHBOARD_TOKEN: DASHBOARD_TOKEN });
    const page = `http://127.0.0.1:${on.healthPort}/admin/queues`;
    const refused = await fetch(page);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect((await fetch(page, { headers: { authorization: "Bearer not-the-token" } })).status).toBe(401);
    const basic = `Basic ${Buffer.from(`operator:${DASHBOARD_TOKEN}`).toString("base64")}`;
    const html = await fetch(page, { headers: { authorization: basic } });
    expect(html.status).toBe(200);
    expect(await html.text()).toContain("<html");
    const api = await fetch(`${page}/api/queues`, { headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` } });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((queue) => queue.name);
    expect(names).toContain("pings");
  });
});

/** The value of the one sample of `name` whose labels include `labels` (in any order), from Prometheus text. */
function metricValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

/** Polls a condition that an outside event makes true (a restarted server accepting connections again). */
async function waitFor(condition: () => Promise<boolean>, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("condition not met");
}
