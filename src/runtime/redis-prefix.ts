import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { Redis } from "ioredis";
import type { Database } from "../db/client.js";
import { shortLivedRedis } from "./short-lived-redis.js";

/** The prefix of a deployment that sets none. */
export const DEFAULT_REDIS_PREFIX = "roviec";

/**
 * The Redis key prefix of this process. The terminal chat derives its own from its data directory, so `npm start`
 * on a developer's machine never takes the jobs of a bot (or of another checkout) sharing that Redis.
 */
export function redisPrefixFor(options: { configured?: string; terminalChat: boolean; dataDir: string }): string {
  if (options.configured) return options.configured;
  if (!options.terminalChat) return DEFAULT_REDIS_PREFIX;
  const digest = createHash("sha256").update(resolve(options.dataDir)).digest("hex").slice(0, 12);
  return `${DEFAULT_REDIS_PREFIX}-chat-${digest}`;
}

/**
 * Which database this is, the same from every process that uses it: PostgreSQL's cluster identifier, database and
 * schema (the server's address when the identifier is not readable), or the embedded database's folder on this host.
 */
export async function databaseIdentity(
  database: Pick<Database, "kind" | "priorityLane">,
  dataDir: string,
): Promise<string> {
  if (database.kind === "pglite") return pgliteIdentity(dataDir);
  const [where] = await database.priorityLane.query<{ db: string; schema: string }>(
    "select current_database() as db, current_schema() as schema",
  );
  const cluster = await database.priorityLane
    .query<{ id: string }>("select system_identifier::text as id from pg_control_system()")
    .then(([row]) => row?.id)
    .catch(async () => {
      const [server] = await database.priorityLane.query<{ addr: string | null; port: number | null }>(
        "select inet_server_addr()::text as addr, inet_server_port() as port",
      );
      return `${server?.addr ?? "local"}:${server?.port ?? ""}`;
    });
  return `postgres:${cluster}/${where?.db}/${where?.schema}`;
}

/** The embedded database's identity: its folder on this host (the same for every process that may open it). */
export function pgliteIdentity(dataDir: string): string {
  return `pglite:${hostname()}:${resolve(dataDir)}`;
}

export function ownerKey(prefix: string): string {
  return `${prefix}:owner`;
}

export type PrefixClaim = { ok: true; fresh: boolean } | { ok: false; owner: string };

/**
 * Records `identity` as the owner of `prefix` in Redis, or reports the other database that owns it. Jobs carry
 * row ids: a worker reading another database's jobs finds no rows, and the reminders planned there are never sent.
 */
export async function claimRedisPrefix(redis: Redis, prefix: string, identity: string): Promise<PrefixClaim> {
  const key = ownerKey(prefix);
  const set = await redis.set(key, identity, "NX");
  if (set === "OK") return { ok: true, fresh: true };
  const owner = await redis.get(key);
  if (owner === null) return claimRedisPrefix(redis, prefix, identity); // deleted meanwhile: try again
  return owner === identity ? { ok: true, fresh: false } : { ok: false, owner };
}

/** The refusal an operator reads when two deployments would share a prefix. */
export function prefixTakenMessage(prefix: string, owner: string, identity: string): string {
  return [
    `Tiền tố Redis "${prefix}" đang thuộc về một cơ sở dữ liệu khác / The Redis prefix "${prefix}" belongs to another database.`,
    `  owner: ${owner}`,
    `  this bot: ${identity}`,
    "  Two deployments on one prefix take each other's ping jobs. Set REDIS_PREFIX to a prefix of this deployment's own",
    `  (such as roviec-${hostname()}), or, if the old deployment is gone for good, delete the key: redis-cli DEL ${ownerKey(prefix)}`,
  ].join("\n");
}

/** Thrown when this deployment's prefix belongs to another database: the process must not start. */
export class PrefixTakenError extends Error {
  readonly code = "redis_prefix_taken";
}

/**
 * Claims the prefix for this database on a short-lived connection, or throws {@link PrefixTakenError}. A Redis
 * unreachable now is not fatal (the bot waits for it, as at any start); the claim is then only logged as skipped.
 */
export async function ensurePrefixOwnership(options: {
  redisUrl: string;
  prefix: string;
  identity: string;
  onSkipped: (reason: string) => void;
}): Promise<void> {
  const redis = shortLivedRedis(options.redisUrl);
  try {
    await redis.connect();
  } catch (error) {
    options.onSkipped(error instanceof Error ? error.message : String(error));
    redis.disconnect();
    return;
  }
  try {
    const claim = await claimRedisPrefix(redis, options.prefix, options.identity);
    if (!claim.ok) throw new PrefixTakenError(prefixTakenMessage(options.prefix, claim.owner, options.identity));
  } finally {
    redis.disconnect();
  }
}

/**
 * Moves the ownership of `prefix` from one database to another that holds the same rows (a copy of the install):
 * the queued jobs name rows by id, and the copy keeps the ids. Only when `from` owns it now; reports the owner seen.
 */
export async function handOverRedisPrefix(
  redis: Redis,
  prefix: string,
  from: string,
  to: string,
): Promise<{ handedOver: boolean; owner: string | null }> {
  const script =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0";
  const moved = await redis.eval(script, 1, ownerKey(prefix), from, to);
  return { handedOver: moved === 1, owner: await redis.get(ownerKey(prefix)) };
}
