/**
 * A small per-process memory of rows recorded recently, so that a busy channel does not upsert the same workspace,
 * channel membership or unchanged sender on every message (those writes were most of a command's SQL). Entries
 * expire after `ttlMs`; the map is bounded (oldest dropped first) so a huge workspace cannot grow it without limit.
 * It only lets the bot skip a write or a read whose answer it already knows; it is never the source of truth.
 */
export class RecentRecords<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** The entries still valid, oldest first. */
  *live(): IterableIterator<[string, V]> {
    for (const [key, entry] of this.entries) if (entry.expiresAt > this.clock()) yield [key, entry.value];
  }
}
