/**
 * What the jobs tell the outside while they run (metrics): optional, every hook synchronous and cheap. The jobs
 * never depend on it; src/runtime/metrics.ts implements it.
 */
import type { Platform } from "../src/core/incoming.js";
import type { ReconcileReport } from "./reconcile-report.js";

export interface JobsObserver {
  /**
   * An outbox message (a ping or a summary) reached its platform, `lateMs` after the time it was meant for: its
   * `sendAfter` for a message prepared ahead, else the time its job was queued.
   */
  messageSent?(platform: Platform, lateMs: number): void;
  /** A send failed; `status` is the platform's HTTP status when it answered (429: rate limited). */
  sendFailed?(platform: Platform, status: number | undefined): void;
  /** A reconcile run finished (at start, periodically or on request). */
  reconciled?(report: ReconcileReport): void;
}
