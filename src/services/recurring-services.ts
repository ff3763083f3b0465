/**
 * The services recurring tasks add to the bot's: the series, and making the occurrences whose period has begun
 * (the made tasks announced to `onTasksCreated` a batch at a time, as each page of series is written, where the
 * composition root plans their pings in one set-based sync per batch rather than one per task).
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { type CreatedOccurrence, createDueOccurrences } from "./recurring-occurrences.js";
import { createRecurringSeriesService } from "./recurring-series-service.js";

export interface RecurringServicesOptions {
  prisma: PrismaClient;
  now: () => Date;
  /**
   * Called with the tasks made, ANNOUNCE_BATCH at a time; errors are logged, not thrown (the tasks are saved, the
   * reconciler plans their pings).
   */
  onTasksCreated?: (made: readonly CreatedOccurrence[]) => void | Promise<void>;
  logger?: Logger;
}

/** Tasks per announcement: the size of a ping sync that stays a few statements and one Redis batch. */
const ANNOUNCE_BATCH = 500;

export function createRecurringServices({ prisma, now, onTasksCreated, logger }: RecurringServicesOptions) {
  async function announce(made: CreatedOccurrence[]): Promise<CreatedOccurrence[]> {
    for (let from = 0; from < made.length; from += ANNOUNCE_BATCH) {
      const batch = made.slice(from, from + ANNOUNCE_BATCH);
      try {
        await onTasksCreated?.(batch);
      } catch (error) {
        logger?.warn({ err: error, tasks: batch.length }, "planning the pings of occurrences failed");
      }
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
