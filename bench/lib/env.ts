/**
 * What every benchmark scenario shares: its own throw-away PostgreSQL database and Redis key prefix (removed
 * afterwards, never touching other data), a silent logger, and small statistics helpers.
 *
 * A whole database rather than a schema: `createApp` opens `DATABASE_URL` as is, and Prisma's PostgreSQL adapter
 * qualifies every table with `public` unless it is given a schema, so a search_path in the URL is not enough.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { quoteIdentifier } from "../../src/db/client.js";

export const ADMIN_DATABASE_URL = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
export const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379";

export const uniqueName = (label: string) => `roviec_bench_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;

/** A database created for one scenario; `drop()` removes it (connections still open are terminated). */
export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Runs `run` on a connection of its own to `url`, closed afterwards (seeding and counting outside the app). */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const admin = <T>(run: (client: pg.Client) => Promise<T>) => withClient(ADMIN_DATABASE_URL, run);

export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = uniqueName(label);
  await admin((c) => c.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)).then(() => {}),
  };
}

/** Deletes every Redis key under `prefix:` with SCAN + UNLINK (never FLUSHDB: Redis is shared). */
export async function deleteRedisPrefix(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2 });
  let deleted = 0;
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** The q-quantile (0..1) of `values` (nearest rank); NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export const max = (values: readonly number[]) => values.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes; resolves with whether it did. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}
