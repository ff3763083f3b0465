/**
 * Runs at most `concurrency` tasks at once; the rest wait in arrival order. Adapters ack first and then
 * hand their work here: without a bound, a burst of commands all ran at once, each one slower for the others (and
 * for the event loop that must still ack new ones), so under overload nothing finished quickly. With a bound the
 * backlog waits in memory, acks stay fast, and commands start in the order they arrived.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private concurrency: number) {
    checkConcurrency(concurrency);
  }

  /** Changes how many run at once: raising it starts waiting tasks now; lowering it lets running ones finish. */
  setConcurrency(concurrency: number): void {
    checkConcurrency(concurrency);
    this.concurrency = concurrency;
    while (this.running < this.concurrency && this.waiting.length > 0) {
      this.running++;
      this.waiting.shift()?.();
    }
  }

  /** Tasks started and not yet finished, and tasks waiting for a slot. */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      const next = this.running <= this.concurrency ? this.waiting.shift() : undefined;
      if (next) next();
      else this.running--;
    }
  }

  /** Waits for a slot; on return this task holds one and at most `concurrency` tasks hold one. */
  private async acquire(): Promise<void> {
    if (this.running >= this.concurrency) {
      // The slot is handed over by the finishing task (running stays counted), so late arrivals cannot jump ahead.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    for (;;) {
      // Start on a fresh turn of the event loop: a slot handed over in a promise callback would otherwise start the
      // next command's CPU work before Node reads the waiting HTTP requests, and acks would queue behind it.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.running <= this.concurrency) return;
      // The limit was lowered while this task waited for its turn: give the slot back and wait again, first in line.
      this.running--;
      await new Promise<void>((resolve) => this.waiting.unshift(resolve));
    }
  }
}

function checkConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError("concurrency must be an integer ≥ 1");
}
