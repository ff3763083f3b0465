/**
 * Per-channel spacing of outbound messages (Slack allows about one message per second per channel), shared by
 * every worker through Redis. A 429 with Retry-After closes the gate of that channel for the time asked.
 */
import type { Redis } from "ioredis";

/** Sets the gate to at least `ms` (never shortens a longer wait already set). */
const EXTEND_SCRIPT = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

export class RateGate {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(platform: string, target: string): string {
    return `${this.prefix}:rate:${platform}:${target}`;
  }

  /** Takes the channel's slot for `intervalMs`; returns 0 when taken, otherwise how many ms to wait. */
  async acquire(platform: string, target: string, intervalMs: number): Promise<number> {
    if (intervalMs <= 0) return 0;
    const key = this.key(platform, target);
    const ok = await this.redis.set(key, "1", "PX", intervalMs, "NX");
    if (ok === "OK") return 0;
    const ttl = await this.redis.pttl(key);
    return ttl > 0 ? ttl : 50;
  }

  /** How long the channel's gate stays closed, in ms (0 when open). */
  async remaining(platform: string, target: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.key(platform, target)));
  }

  /** Keeps the channel closed for `ms` (the platform said Retry-After). */
  async block(platform: string, target: string, ms: number): Promise<void> {
    await this.redis.eval(EXTEND_SCRIPT, 1, this.key(platform, target), String(Math.max(1, Math.ceil(ms))));
  }
}
