/**
 * Coalesces calls into batches: items added while a batch runs wait and go together in the next one, so under
 * load one set-based call serves many jobs, and when idle an item goes at once (on the next event-loop turn).
 * Each `add` resolves when the batch holding its items has finished, or rejects with that batch's error.
 */
export class Batcher<T> {
  private pending: { items: readonly T[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  /**
   * @param run does one batch (items of several callers, in arrival order, duplicates kept).
   * @param maxItems items per batch at most (a caller's items are never split). Default 500.
   */
  constructor(
    private readonly run: (items: T[]) => Promise<void>,
    private readonly maxItems = 500,
  ) {}

  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch: typeof this.pending = [];
      let count = 0;
      while (
        this.pending.length > 0 &&
        (batch.length === 0 || count + (this.pending[0]?.items.length ?? 0) <= this.maxItems)
      ) {
        const next = this.pending.shift() as (typeof this.pending)[number];
        batch.push(next);
        count += next.items.length;
      }
      try {
        await this.run(batch.flatMap((b) => b.items));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.running = false;
  }
}
