/**
 * Redis must never evict queue keys (an evicted delayed job is a lost ping) and should persist. Checked at start;
 * what is wrong is said plainly. A Redis that forbids CONFIG (some managed services) is reported, not fatal.
 */
import type { Redis } from "ioredis";
import type { Logger } from "../src/logger.js";

export interface RedisHealth {
  maxmemoryPolicy: string | null;
  appendonly: string | null;
  problems: string[];
}

async function configValue(redis: Redis, name: string): Promise<string | null> {
  try {
    const reply = (await redis.config("GET", name)) as string[];
    return reply[1] ?? null;
  } catch {
    return null;
  }
}

export async function checkRedisHealth(redis: Redis, logger?: Logger): Promise<RedisHealth> {
  const maxmemoryPolicy = await configValue(redis, "maxmemory-policy");
  let appendonly = await configValue(redis, "appendonly");
  if (appendonly === null) {
    const info = await redis.info("persistence").catch(() => "");
    const match = /aof_enabled:(\d)/.exec(info);
    appendonly = match ? (match[1] === "1" ? "yes" : "no") : null;
  }
  const problems: string[] = [];
  if (maxmemoryPolicy === null) {
    problems.push("could not read maxmemory-policy (CONFIG GET refused); make sure it is noeviction");
  } else if (maxmemoryPolicy !== "noeviction") {
    problems.push(
      `maxmemory-policy is ${maxmemoryPolicy}: Redis may evict queue keys and lose pings; set maxmemory-policy noeviction`,
    );
  }
  if (appendonly !== "yes") {
    problems.push(
      `append-only persistence is ${appendonly ?? "unknown"}: a Redis restart loses queued jobs (the reconciler restores pings from the database, but set appendonly yes)`,
    );
  }
  for (const problem of problems) logger?.warn({ redis: "config" }, `Redis: ${problem}`);
  return { maxmemoryPolicy, appendonly, problems };
}
