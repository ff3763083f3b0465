// Services a test owns whole: a redis-server of its own on a free port (to stop it without touching the shared
// one on 6379) and a PostgreSQL database of its own (createApp uses a database's default schema).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import pg from "pg";
import { quoteIdentifier } from "../../src/db/client.js";
import { testDatabaseUrl, withoutFakeTime } from "../setup/services.js";

export interface OwnRedis {
  url: string;
  port: number;
  /** Whether the server process still runs. */
  readonly running: boolean;
  /** SIGKILL: the server is gone at once, as in a crash. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}

/** A redis-server on a free loopback port (or `port`, to restart one), no persistence; resolves once it answers PING. */
export async function startOwnRedis(port?: number): Promise<OwnRedis> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore", env: withoutFakeTime(process.env) },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitForPong(url);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  if (exited()) throw new Error(`redis-server could not start on port ${port}`);
  return {
    url,
    port,
    get running() {
      return !exited();
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Tries until the new server accepts connections: its start is the event waited for. */
async function waitForPong(url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on("error", () => undefined);
    try {
      await redis.connect();
      if ((await redis.ping()) === "PONG") return;
    } catch (error) {
      if (attempt > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      redis.disconnect();
    }
  }
}

export interface OwnDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database on the test server (the app migrates it); `drop()` removes it. */
export async function createOwnDatabase(): Promise<OwnDatabase> {
  const name = `roviec_ops_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new URL(testDatabaseUrl());
  admin.pathname = "/postgres";
  await adminQuery(admin.toString(), `CREATE DATABASE ${quoteIdentifier(name)}`);
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(admin.toString(), `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
