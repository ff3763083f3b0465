/** How long this process remembers the pings it claimed, in ms (a merged ping's own job comes within seconds). */
const REMEMBER_MS = 120_000;
const REMEMBER_MAX = 50_000;

/**
 * In-process coordination of claims. Jobs of one channel (or person) that fire together take turns here before
 * opening a transaction, instead of each holding a pooled connection while waiting on the channel's advisory lock
 * (which still keeps other processes apart); and a job that waited behind the claim that merged its ping learns it
 * from `claimedSince` without a query.
 */
export class LocalClaims {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly claimed = new Map<string, number>();

  /** Runs `claim` after every earlier claim of `key` in this process has finished. */
  async run<T>(key: string, claim: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous ? previous.then(() => mine) : mine;
    this.tails.set(key, tail);
    try {
      if (previous) await previous;
      return await claim();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Notes pings just claimed (sent or cancelled) by this process. */
  remember(pingIds: readonly string[]): void {
    const at = performance.now();
    if (this.claimed.size + pingIds.length > REMEMBER_MAX) {
      for (const [id, when] of this.claimed) {
        if (this.claimed.size <= REMEMBER_MAX / 2 && at - when < REMEMBER_MS) break;
        this.claimed.delete(id);
      }
    }
    for (const id of pingIds) this.claimed.set(id, at);
  }

  /** Whether this process claimed `pingId` after `since` (a performance.now() reading). */
  claimedSince(pingId: string, since: number): boolean {
    const at = this.claimed.get(pingId);
    return at !== undefined && at >= since && performance.now() - at < REMEMBER_MS;
  }
}
