/**
 * Coalesces calls into batches: items added while a batch runs wait and go together in the next one, so under
 * load one set-based call serves many jobs, and when idle an item goes at once (on the next event-loop turn).
 * One batch runs at a time. Each `add` resolves with its items' results when their batch has finished, or rejects
 * with that batch's error.
 */
interface Waiting<T, R> {
  items: readonly T[];
  resolve: (results: R[]) => void;
  reject: (error: unknown) => void;
}

export class Batcher<T, R = void> {
  private pending: Waiting<T, R>[] = [];
  private running: Promise<void> | undefined;

  /**
   * @param run does one batch: the items of several callers in arrival order (duplicates kept), returning one
   *   result per item, in the same order (or nothing, for R = void).
   * @param maxItems items per batch at most (one caller's items are never split). Default 500.
   * @param delayMs how long the first item waits for others, in ms; 0 (default) means the next event-loop turn.
   */
  constructor(
    private readonly run: (items: T[]) => Promise<R[] | undefined>,
    private readonly maxItems = 500,
    private readonly delayMs = 0,
  ) {}

  add(items: readonly T[]): Promise<R[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      this.running ??= new Promise<void>((done) =>
        this.delayMs > 0 ? setTimeout(done, this.delayMs) : setImmediate(done),
      ).then(() => this.drain());
    });
  }

  /** Resolves once every item added so far has been handled (graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private takeBatch(): Waiting<T, R>[] {
    const batch: Waiting<T, R>[] = [];
    let count = 0;
    for (let next = this.pending[0]; next; next = this.pending[0]) {
      if (batch.length > 0 && count + next.items.length > this.maxItems) break;
      batch.push(next);
      count += next.items.length;
      this.pending.shift();
    }
    return batch;
  }

  private async drain(): Promise<void> {
    try {
      for (let batch = this.takeBatch(); batch.length > 0; batch = this.takeBatch()) {
        try {
          const results = (await this.run(batch.flatMap((b) => [...b.items]))) ?? [];
          let at = 0;
          for (const waiting of batch) {
            waiting.resolve(results.slice(at, at + waiting.items.length));
            at += waiting.items.length;
          }
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.running = undefined;
    }
  }
}
