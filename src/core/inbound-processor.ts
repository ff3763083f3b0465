import type { Logger } from "../logger.js";
import type { InboundJournal } from "./inbound.js";
import type { Platform } from "./incoming.js";
import { WorkQueue } from "./work-queue.js";

export interface InboundProcessorOptions {
  journal: InboundJournal;
  platform: Platform;
  /** Handles one accepted request to the end (its replies delivered). Failures are the handler's to answer. */
  handle(payload: unknown): Promise<void>;
  logger: Logger;
  /** How long a request stays this instance's without renewal. Default 60 s. */
  leaseMs?: number;
  /** How often leases are renewed and orphaned requests looked for. Default 15 s. */
  sweepEveryMs?: number;
  /** A request taken over this many times (it keeps killing its handler, or never finishes) is dropped. Default 3. */
  maxTakeovers?: number;
  /**
   * The adapter's one work queue, shared with what it handles without the journal (interactions, Socket Mode, a
   * journal that did not answer), so that all work after an ack waits in one line. Requests are handled at most
   * its concurrency at once, and fewer during a flood (see `watchFlow`). Default: a queue of its own, 32 at once.
   */
  queue?: WorkQueue;
  /**
   * How long an ack may wait for the journal before the request is handled directly instead. Default 1,500 ms:
   * Slack gives up on an ack after 3 s, and a database behind a broken network does not answer at all.
   */
  acceptTimeoutMs?: number;
}

export type AcceptOutcome = "accepted" | "duplicate";

/** How often the flow of requests is looked at, in ms. */
const FLOW_WINDOW_MS = 250;
/** Requests accepted beyond twice those finished in a window before it counts as a flood. */
const FLOOD_MARGIN = 25;
/** Requests handled at once during a flood. */
const FLOOD_CONCURRENCY = 4;
/** Requests waiting to be handled, in multiples of the full concurrency, beyond which a growing line is a flood. */
const FLOOD_BACKLOG = 2;

/**
 * Write-ahead for inbound requests: `accept` records a verified request in the journal and resolves when it is safe
 * to ack; the request is then handled in the background and forgotten once handled. Requests whose instance stopped
 * before handling them (a crash, a deploy) are taken over by the periodic sweep of any instance, after their lease.
 */
export class InboundProcessor {
  private readonly inHand = new Map<bigint, Promise<void>>();
  private readonly leaseMs: number;
  private readonly sweepEveryMs: number;
  private readonly maxTakeovers: number;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private readonly queue: WorkQueue;
  /** The queue's concurrency outside a flood. */
  private readonly fullConcurrency: number;
  /** Requests accepted and requests finished since the last look at the flow (see `watchFlow`). */
  private acceptedLately = 0;
  private finishedLately = 0;
  private flowTimer: NodeJS.Timeout | undefined;
  private floodMode = false;

  constructor(private readonly options: InboundProcessorOptions) {
    this.queue = options.queue ?? new WorkQueue(32);
    this.fullConcurrency = this.queue.concurrency;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.sweepEveryMs = options.sweepEveryMs ?? 15_000;
    this.maxTakeovers = options.maxTakeovers ?? 3;
  }

  /** Journals the request; rejects when the journal is unavailable or slow (handle it directly then). */
  async accept(key: string, payload: unknown): Promise<AcceptOutcome> {
    const { journal, platform, logger } = this.options;
    const written = journal.accept({ platform, key, payload }, this.leaseMs);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), this.options.acceptTimeoutMs ?? 1_500);
    });
    const id = await Promise.race([written, late]).finally(() => clearTimeout(timer));
    if (id === "late") {
      // The caller handles the request itself; a row written after all must not be replayed as well.
      void written
        .then((lateId) => (lateId === undefined ? undefined : journal.complete(lateId)))
        .catch((error) => logger.warn({ err: error }, "a late journal write failed"));
      throw new Error("the inbound journal did not answer in time");
    }
    if (id === undefined) return "duplicate";
    this.acceptedLately++;
    // Started after the caller's ack has been written: the ack is what the platform is waiting for.
    void this.run(id, payload, { afterAck: true });
    return "accepted";
  }

  /**
   * {@link accept} for adapters: true when the request is journaled (or already pending) and may be acked; false,
   * logged, when the journal is unavailable or slow, and the adapter must handle the request directly.
   */
  async tryAccept(key: string, payload: unknown): Promise<boolean> {
    try {
      await this.accept(key, payload);
      return true;
    } catch (error) {
      this.options.logger.warn({ err: error }, "could not journal a request; handling it directly");
      return false;
    }
  }

  /** Starts the periodic sweep, beginning with requests left over from before this instance started. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.sweepEveryMs);
    this.timer.unref();
    this.flowTimer = setInterval(() => this.watchFlow(), FLOW_WINDOW_MS);
    this.flowTimer.unref();
    void this.sweep();
  }

  /**
   * In a flood (requests arriving far faster than they are finished) only a few are handled at once: one process
   * acks and handles, and an ack has 3 seconds while a reply may come minutes later. The rest wait safely in the
   * journal, and the ack stays fast; when the flood ends, handling goes back to full speed.
   */
  private watchFlow(): void {
    // Arrivals far faster than finishes, or a long line that still grows: at full concurrency, handling takes the
    // CPU the acks need, so arrivals a little faster than finishes would otherwise settle at that slower pace.
    const growing = this.acceptedLately > this.finishedLately;
    const longLine = this.queue.size.waiting > FLOOD_BACKLOG * this.fullConcurrency;
    const flood = this.acceptedLately > 2 * this.finishedLately + FLOOD_MARGIN || (growing && longLine);
    this.floodMode = flood;
    this.queue.setConcurrency(flood ? Math.min(FLOOD_CONCURRENCY, this.fullConcurrency) : this.fullConcurrency);
    this.acceptedLately = 0;
    this.finishedLately = 0;
  }

  /** Stops sweeping and waits (up to `timeoutMs`) for requests in hand; unfinished ones are taken over later. */
  async stop(timeoutMs = 10_000): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.flowTimer);
    this.timer = undefined;
    const settled = Promise.allSettled([this.sweeping, ...this.inHand.values()]);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise((resolve) => (timeout = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timeout);
  }

  /** Whether requests arrive far faster than they finish, so only a few are handled at once (see watchFlow). */
  get flooded(): boolean {
    return this.floodMode;
  }

  /** Requests accepted or taken over and not finished yet (for tests and health). */
  get pending(): number {
    return this.inHand.size;
  }

  /** Resolves once no accepted or taken-over request is left unhandled (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.inHand.size > 0) await Promise.allSettled([...this.inHand.values()]);
  }

  /** Renews this instance's leases, then takes over orphaned requests, a page at a time. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const { journal, platform, logger } = this.options;
    try {
      await journal.renew([...this.inHand.keys()], this.leaseMs);
      for (;;) {
        const orphans = await journal.takeOver(platform, {
          limit: 50,
          leaseMs: this.leaseMs,
          exclude: [...this.inHand.keys()],
        });
        if (orphans.length === 0) return;
        logger.info({ count: orphans.length }, "taking over requests acked by an instance that stopped");
        const runs = orphans.map((orphan) => {
          if (orphan.takeovers <= this.maxTakeovers) return this.run(orphan.id, orphan.payload);
          logger.error(
            { id: String(orphan.id), takeovers: orphan.takeovers },
            "dropping a request no handler finished",
          );
          return journal.complete(orphan.id);
        });
        // One page at a time: a long backlog after an outage is worked through, not loaded whole.
        await Promise.allSettled(runs);
      }
    } catch (error) {
      logger.warn({ err: error }, "inbound sweep failed; retrying at the next one");
    }
  }

  private run(id: bigint, payload: unknown, options: { afterAck?: boolean } = {}): Promise<void> {
    const { journal, handle, logger } = this.options;
    const turn = options.afterAck ? new Promise<void>((resolve) => setImmediate(resolve)) : Promise.resolve();
    const running = turn
      .then(() => this.queue.run(() => handle(payload)))
      .catch((error) => logger.error({ err: error, id: String(id) }, "handling an accepted request failed"))
      // Not completed when the database is down: the lease runs out and the request is replayed (deduped) later.
      .then(() => journal.complete(id))
      .catch((error) => logger.warn({ err: error, id: String(id) }, "could not mark an accepted request handled"))
      .finally(() => {
        this.inHand.delete(id);
        this.finishedLately++;
      });
    this.inHand.set(id, running);
    return running;
  }
}
