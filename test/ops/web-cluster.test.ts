// WEB_PROCESSES=2 with the real entry point: two ROLE=web copies behind one port on one PostgreSQL database and one
// Redis, commands spread over both, /metrics adding both up whichever copy answers, a copy that dies started again,
// and SIGTERM stopping them all with exit 0.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, readFile } from "node:fs/promises";
import http from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/eventually.js";
import { FakeZaloServer } from "../zalo/fake-zalo-server.js";
import { textUpdate } from "../zalo/fixtures.js";
import { createOwnDatabase, freePort, type OwnDatabase, type OwnRedis, startOwnRedis } from "./own-services.js";

const repositoryRoot = join(import.meta.dirname, "..", "..");
const WEBHOOK_SECRET = "cluster-webhook-secret";

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
    env: { ...process.env, ENV_FILE: "/dev/null", DATABASE_URL: database.url, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

/** One request on a connection of its own, so that the cluster may hand each to another copy. */
function request(port: number, path: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: body === undefined ? "GET" : "POST",
        agent: false,
        headers:
          body === undefined ? {} : { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The sum of every series of `name` in a Prometheus text page. */
function total(metrics: string, name: string): number {
  const series = metrics.split("\n").filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
  return series.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
}

describe("WEB_PROCESSES=2: two web processes behind one port", () => {
  it("share the commands, add up their metrics, replace a dead copy and stop together", async () => {
    const migrate = run("src/db/deploy-cli.ts", {});
    const [migrated] = await once(migrate.child, "exit");
    expect(migrated, migrate.output()).toBe(0);
    const port = await freePort();
    const web = run("src/main.ts", {
      ROLE: "web",
      WEB_PROCESSES: "2",
      PORT: String(port),
      REDIS_URL: redis.url,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_BASE_URL: zalo.url,
      ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const scrape = async () => (await request(port, "/metrics")).text;
    await eventually(async () => expect(total(await scrape(), "roviec_web_processes")).toBe(2), { interval: 200 });

    const commands = 12;
    for (let i = 0; i < commands; i++) {
      const update = textUpdate("việc của tôi", { fromId: `u${i}`, messageId: `cluster-${i}` });
      expect((await request(port, "/zalo/webhook", JSON.stringify(update))).status).toBe(200);
    }
    // Every scrape, whichever copy takes it, counts the commands of both.
    await eventually(async () => expect(total(await scrape(), "roviec_commands_total")).toBe(commands), {
      interval: 200,
    });
    for (let i = 0; i < 4; i++) expect(total(await scrape(), "roviec_commands_total")).toBe(commands);

    const copies = await childPids(web.child.pid as number);
    expect(copies).toHaveLength(2);
    process.kill(copies[0] as number, "SIGKILL");
    await eventually(
      async () => {
        const now = await childPids(web.child.pid as number);
        expect(now).toHaveLength(2);
        expect(now).not.toContain(copies[0]);
        expect(total(await scrape(), "roviec_web_processes")).toBe(2);
      },
      { interval: 200 },
    );

    // The dead copy's counts went with it: what is left is the survivor's share, so both had taken commands.
    const survivors = total(await scrape(), "roviec_commands_total");
    expect(survivors).toBeGreaterThan(0);
    expect(survivors).toBeLessThan(commands);

    const exit = once(web.child, "exit");
    web.child.kill("SIGTERM");
    const [code] = await exit;
    expect(code, web.output()).toBe(0);
    expect(await childPids(web.child.pid as number)).toEqual([]);
  });

  // The port is the primary's: a copy left without it would take no request (Node's cluster ends it on disconnect).
  it("do not outlive a primary that is killed", async () => {
    const web = run("src/main.ts", {
      ROLE: "web",
      WEB_PROCESSES: "2",
      PORT: String(await freePort()),
      REDIS_URL: redis.url,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_BASE_URL: zalo.url,
      ZALO_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const primary = web.child.pid as number;
    await eventually(async () => expect(await childPids(primary)).toHaveLength(2), { interval: 200 });
    const copies = await childPids(primary);
    web.child.kill("SIGKILL");
    await eventually(async () => expect(copies.filter(isAlive)).toEqual([]), { interval: 200 });
  });
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The copies of the entry point whose parent is `pid` (the cluster's web processes), from /proc. */
async function childPids(pid: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    // tsx's esbuild service is a child too: the copies are the ones running the entry point.
    const command = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (parent === pid && command.includes("main.ts")) pids.push(Number(entry));
  }
  return pids;
}
