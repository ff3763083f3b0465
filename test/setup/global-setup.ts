// Vitest globalSetup: make sure PostgreSQL and Redis answer before any test file runs, starting the local services
// when they are down, and otherwise failing once with a message that says what is missing and how to fix it.
import { execSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { Redis } from "ioredis";
import pg from "pg";
import { preparePgliteSnapshots } from "./pglite.js";
import { redactUrl, testDatabaseUrl, testRedisUrl, withoutFakeTime } from "./services.js";

const startPostgresCommand = () =>
  `pg_ctlcluster --skip-systemctl-redirect ${readdirSync("/etc/postgresql")[0] ?? "15"} main start`;
const startRedisCommand = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';

async function postgresError(url: string): Promise<Error | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error as Error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A missing `test` database is created; the server itself must be up for that. */
async function createMissingDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 2000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

async function redisError(url: string): Promise<Error | undefined> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return error as Error;
  } finally {
    redis.disconnect();
  }
}

function tryStart(command: string): string | undefined {
  try {
    execSync(command, { stdio: "pipe", timeout: 30_000, env: withoutFakeTime(process.env) });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error as Error).message;
  }
}

async function waitFor(check: () => Promise<Error | undefined>, timeoutMs: number): Promise<Error | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last = await check();
  while (last && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await check();
  }
  return last;
}

async function ensurePostgres(): Promise<void> {
  const url = testDatabaseUrl();
  let error = await postgresError(url);
  if (error && (error as { code?: string }).code === "3D000") {
    await createMissingDatabase(url);
    error = await postgresError(url);
  }
  if (!error) return;
  const overridden = Boolean(process.env.TEST_DATABASE_URL);
  const startFailure = overridden ? "not tried: TEST_DATABASE_URL is set" : tryStart(startPostgresCommand());
  if (!overridden) error = await waitFor(() => postgresError(url), 15_000);
  if (!error) return;
  throw new Error(
    `PostgreSQL for tests is not reachable at ${redactUrl(url)}: ${error.message}.\n` +
      `Starting it failed: ${startFailure ?? "started, but it still does not answer"}.\n` +
      "Fix: install PostgreSQL 15 (apt-get install postgresql) with trust auth for 127.0.0.1 and a database `test`, " +
      `start it (${startPostgresCommand()}), or set TEST_DATABASE_URL to a reachable server.`,
  );
}

async function ensureRedis(): Promise<void> {
  const url = testRedisUrl();
  let error = await redisError(url);
  if (!error) return;
  const overridden = Boolean(process.env.TEST_REDIS_URL);
  const startFailure = overridden ? "not tried: TEST_REDIS_URL is set" : tryStart(startRedisCommand);
  if (!overridden) error = await waitFor(() => redisError(url), 10_000);
  if (!error) return;
  throw new Error(
    `Redis for tests is not reachable at ${redactUrl(url)}: ${error.message}.\n` +
      `Starting it failed: ${startFailure ?? "started, but it still does not answer"}.\n` +
      `Fix: install Redis 7 (apt-get install redis-server) and start it (${startRedisCommand}), ` +
      "or set TEST_REDIS_URL to a reachable server.",
  );
}

export default async function setup(): Promise<void> {
  const results = await Promise.allSettled([ensurePostgres(), ensureRedis(), preparePgliteSnapshots()]);
  const failures = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).message] : []));
  if (failures.length > 0) throw new Error(`Test services missing:\n\n${failures.join("\n\n")}`);
}
