/**
 * Runs at most `concurrency` tasks at once; the rest wait in arrival order. Adapters ack first and then
 * hand their work here: without a bound, a burst of commands all ran at once, each one slower for the others (and
 * for the event loop that must still ack new ones), so under overload nothing finished quickly. With a bound the
 * backlog waits in memory, acks stay fast, and commands start in the order they arrived.
 *
 * Work a person is waiting for with the screen in front of them (a button pressed on a card) may ask to go
 * `first`: it waits only for a free slot, not behind a backlog of typed commands (a flood of them can be minutes long).
 */
export class WorkQueue {
  private running = 0;
  private limit: number;
  private readonly waitingFirst: (() => void)[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(concurrency: number) {
    checkConcurrency(concurrency);
    this.limit = concurrency;
  }

  /** How many run at once now. */
  get concurrency(): number {
    return this.limit;
  }

  /** Changes how many run at once: raising it starts waiting tasks now; lowering it lets running ones finish. */
  setConcurrency(concurrency: number): void {
    checkConcurrency(concurrency);
    this.limit = concurrency;
    while (this.running < this.limit) {
      const next = this.takeNextWaiting();
      if (!next) return;
      this.running++;
      next();
    }
  }

  /** Tasks started and not yet finished, and tasks waiting for a slot. */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waitingFirst.length + this.waiting.length };
  }

  /** Runs `task` when a slot is free; with `first`, ahead of the tasks waiting without it. */
  async run<T>(task: () => Promise<T>, options: { first?: boolean } = {}): Promise<T> {
    await this.acquire(options.first === true);
    try {
      return await task();
    } finally {
      const next = this.running <= this.limit ? this.takeNextWaiting() : undefined;
      if (next) next();
      else this.running--;
    }
  }

  private takeNextWaiting(): (() => void) | undefined {
    return this.waitingFirst.length > 0 ? this.waitingFirst.shift() : this.waiting.shift();
  }

  /** Waits for a slot; on return this task holds one and at most `concurrency` tasks hold one. */
  private async acquire(first: boolean): Promise<void> {
    if (this.running >= this.limit) {
      // The slot is handed over by the finishing task (running stays counted), so late arrivals cannot jump ahead.
      await new Promise<void>((resolve) => (first ? this.waitingFirst : this.waiting).push(resolve));
    } else {
      this.running++;
    }
    for (;;) {
      // Start on a fresh turn of the event loop: a slot handed over in a promise callback would otherwise start the
      // next command's CPU work before Node reads the waiting HTTP requests, and acks would queue behind it.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.running <= this.limit) return;
      // The limit was lowered while this task waited for its turn: give the slot back and wait again, first in line.
      this.running--;
      await new Promise<void>((resolve) => this.waitingFirst.unshift(resolve));
    }
  }
}

function checkConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError("concurrency must be an integer ≥ 1");
}
