/** What one reconcile run did: its own file, so the metrics hooks can name it without importing the reconciler. */
export interface ReconcileReport {
  /** True when another process was reconciling (its lease held): nothing was done. */
  skipped: boolean;
  /** Tasks re-planned because their plan was stale. */
  tasksPlanned: number;
  pingsCancelled: number;
  pingJobsAdded: number;
  outboxJobsAdded: number;
  summarySchedulers: number;
  /** Summaries of a slot lost with Redis' data, posted late. */
  summariesCaughtUp: number;
}
