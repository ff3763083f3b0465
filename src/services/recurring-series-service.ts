/** A channel's recurring series: reads, status changes and skips (recurring-series.ts) with the edits. */
import { createSeriesCore, type RecurringSeriesOptions } from "./recurring-series.js";
import { createSeriesEdits } from "./recurring-series-edits.js";

export type RecurringSeriesService = ReturnType<typeof createRecurringSeriesService>;

export function createRecurringSeriesService(options: RecurringSeriesOptions) {
  const core = createSeriesCore(options);
  return { ...core, ...createSeriesEdits({ ...options, find: core.find }) };
}
