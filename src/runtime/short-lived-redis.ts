import { Redis } from "ioredis";

/**
 * A Redis connection for one check or one short task (start-up checks, the prefix's owner, the doctor, tools): it
 * connects when asked, tries once and gives up, so a Redis that is down is reported instead of waited for. Its
 * errors surface where `connect()` or a command is awaited; the caller disconnects it.
 */
export function shortLivedRedis(url: string, connectTimeoutMs = 3_000): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined);
  return redis;
}
