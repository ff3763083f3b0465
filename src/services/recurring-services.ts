/**
 * The services recurring tasks add to the bot's: the series, and making the occurrences whose period has begun
 * (the made tasks announced to `onTasksCreated` as each page of series is written, where the ping scheduler plans
 * them in set-based batches rather than one sync per task).
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { type CreatedOccurrence, createDueOccurrences } from "./recurring-occurrences.js";
import { createRecurringSeriesService } from "./recurring-series-service.js";

export interface RecurringServicesOptions {
  prisma: PrismaClient;
  now: () => Date;
  /**
   * Called with each page of tasks made (the planner sizes its own batches); errors are logged, not thrown (the tasks
   * are saved, the reconciler plans their pings).
   */
  onTasksCreated?: (made: readonly CreatedOccurrence[]) => void | Promise<void>;
  logger?: Logger;
}

export function createRecurringServices({ prisma, now, onTasksCreated, logger }: RecurringServicesOptions) {
  async function announce(made: CreatedOccurrence[]): Promise<CreatedOccurrence[]> {
    try {
      await onTasksCreated?.(made);
    } catch (error) {
      logger?.warn({ err: error, tasks: made.length }, "planning the pings of occurrences failed");
    }
    return made;
  }
  return {
    series: createRecurringSeriesService({ prisma, now }),
    occurrences: {
      createDue: async (seriesIds?: string[]): Promise<CreatedOccurrence[]> => {
        // Each page announced as soon as it is written: its pings are planned while the next page is written.
        const announcing: Promise<unknown>[] = [];
        try {
          return await createDueOccurrences({
            prisma,
            now: now(),
            ...(seriesIds ? { seriesIds } : {}),
            onPage: (page) => void announcing.push(announce(page)),
          });
        } finally {
          await Promise.all(announcing);
        }
      },
    },
  };
}

export type RecurringServices = ReturnType<typeof createRecurringServices>;
