/**
 * The services recurring tasks add to the bot's: the series, and making the occurrences whose period has begun
 * (each made task announced to `onTaskCreated`, where the composition root plans its pings).
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { type CreatedOccurrence, createDueOccurrences } from "./recurring-occurrences.js";
import { createRecurringSeriesService } from "./recurring-series-service.js";

export interface RecurringServicesOptions {
  prisma: PrismaClient;
  now: () => Date;
  /** Called for each task made; errors are logged, not thrown (the task is saved, the reconciler plans its pings). */
  onTaskCreated?: (made: CreatedOccurrence) => void | Promise<void>;
  logger?: Logger;
}

export function createRecurringServices({ prisma, now, onTaskCreated, logger }: RecurringServicesOptions) {
  async function announce(made: CreatedOccurrence[]): Promise<CreatedOccurrence[]> {
    for (const occurrence of made) {
      try {
        await onTaskCreated?.(occurrence);
      } catch (error) {
        logger?.warn({ err: error, taskId: occurrence.taskId }, "planning an occurrence's pings failed");
      }
    }
    return made;
  }
  return {
    series: createRecurringSeriesService({ prisma, now }),
    occurrences: {
      createDue: async (seriesIds?: string[]) =>
        announce(await createDueOccurrences({ prisma, now: now(), ...(seriesIds ? { seriesIds } : {}) })),
    },
  };
}

export type RecurringServices = ReturnType<typeof createRecurringServices>;
