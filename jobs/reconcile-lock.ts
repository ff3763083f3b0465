/**
 * A short Redis lease so that reconciles of several workers do not pile up: `SET NX PX` with a random token,
 * renewed while the holder works and released only by its holder. Reconciling twice at once would be safe (job ids
 * are deterministic), only wasteful; a lease that lapses (a holder died) lets the next run through.
 */
import { randomUUID } from "node:crypto";
import type { IRedisClient } from "bullmq";

/**
 * Lua through BullMQ's client abstraction (which has no `SET … NX`): take, renew and release the lease; renew and
 * release only while it still holds our token, so another holder's lease is left alone.
 */
const scripts = {
  rvLeaseTake: `if redis.call("set", KEYS[1], ARGV[1], "NX", "PX", ARGV[2]) then return 1 else return 0 end`,
  rvLeaseRenew: `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`,
  rvLeaseDrop: `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`,
} as const;

const defined = new WeakSet<IRedisClient>();

function lease(client: IRedisClient) {
  if (!defined.has(client)) {
    for (const [name, lua] of Object.entries(scripts)) client.defineCommand(name, { numberOfKeys: 1, lua });
    defined.add(client);
  }
  return (name: keyof typeof scripts, ...args: string[]) => client.runCommand(name, args) as Promise<number>;
}

export interface ReconcileLockOptions {
  /** The lease key, e.g. `<prefix>:reconcile-lock`. */
  key: string;
  /** How long a lease lasts without renewal, in ms. Default 30 000; renewed every third of it. */
  ttlMs?: number;
}

/**
 * Runs `work` while holding the lease; resolves to `undefined` without running it when another process holds it.
 * `client` should fail fast when disconnected (the reconcile then fails and the next period retries).
 */
export async function withReconcileLock<T>(
  client: IRedisClient,
  options: ReconcileLockOptions,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const ttl = String(options.ttlMs ?? 30_000);
  const token = randomUUID();
  const run = lease(client);
  if ((await run("rvLeaseTake", options.key, token, ttl)) !== 1) return undefined;
  const renewal = setInterval(() => {
    run("rvLeaseRenew", options.key, token, ttl).catch(() => undefined);
  }, Number(ttl) / 3);
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await run("rvLeaseDrop", options.key, token).catch(() => undefined);
  }
}
