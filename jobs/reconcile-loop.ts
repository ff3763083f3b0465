/**
 * The reconciler of a worker process: once at start, then every `reconcileEveryMs`, and on demand. One run at a
 * time in this process: an explicit call waits for the run in flight, then runs (it may follow a change that run
 * did not see); the periodic timer skips a beat instead.
 */
import type { Logger } from "../src/logger.js";
import type { JobContext } from "./job-context.js";
import { type ReconcileReport, reconcile } from "./reconciler.js";
import type { PingScheduler } from "./scheduler.js";

export interface ReconcileLoop {
  run(): Promise<ReconcileReport>;
  /** Runs once, logs the report, then keeps the periodic timer. */
  start(): Promise<void>;
  stop(): void;
}

export function createReconcileLoop(
  context: JobContext,
  scheduler: PingScheduler,
  options: {
    prefix: string;
    log: Logger;
    /** Runs after each reconcile (the roll-ups' schedulers). */
    after?: () => Promise<unknown>;
  },
): ReconcileLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReconcileReport> | undefined;
  const run = async (): Promise<ReconcileReport> => {
    while (running) await running.catch(() => undefined);
    // The run in flight covers the hook too: a waiter must not see it settled while the hook still works.
    const current = reconcile(context, scheduler, `${options.prefix}:reconcile-lock`).then(async (report) => {
      await options.after?.();
      return report;
    });
    running = current;
    try {
      const report = await current;
      context.observer?.reconciled?.(report);
      return report;
    } finally {
      running = undefined;
    }
  };
  return {
    run,
    async start() {
      options.log.info(await run(), "reconciled Redis with the database");
      if (context.tuning.reconcileEveryMs <= 0) return;
      // An in-process timer, not a BullMQ scheduler: it must keep running when Redis lost all its keys.
      timer = setInterval(() => {
        // A run longer than the period (a large re-plan) must not pile up behind itself.
        if (running) return;
        run().catch((error) => options.log.warn({ err: error }, "periodic reconcile failed"));
      }, context.tuning.reconcileEveryMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
