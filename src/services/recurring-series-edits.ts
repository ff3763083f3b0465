/**
 * Changing a series: its title or its assignees. The occurrences not made yet take the change (each is made from
 * the series as it stands then); tasks already made are ordinary tasks, changed on their own like any other.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { canChangeSeries, type SeriesChange, type SeriesView } from "./recurring-series.js";

export interface SeriesEditOptions {
  prisma: PrismaClient;
  now: () => Date;
  find(channelId: string, number: number): Promise<SeriesView | null>;
}

type Actor = { id: string; isManager: boolean };
type Ref = { channelId: string; number: number };

export function createSeriesEdits({ prisma, now, find }: SeriesEditOptions) {
  async function edit(ref: Ref, actor: Actor, data: { title?: string; assigneeIds?: string[] }): Promise<SeriesChange> {
    const series = await find(ref.channelId, ref.number);
    if (!series) return { ok: false, reason: "not_found", series: null };
    if (!canChangeSeries(series, actor)) return { ok: false, reason: "forbidden", series };
    if (series.status === "stopped") return { ok: false, reason: "stopped", series };
    await prisma.recurringSeries.update({ where: { id: series.id }, data: { ...data, updatedAt: now() } });
    return { ok: true, series: (await find(ref.channelId, ref.number)) ?? series };
  }
  return {
    rename: (ref: Ref, actor: Actor, title: string) => edit(ref, actor, { title }),
    reassign: (ref: Ref, actor: Actor, assigneeIds: string[]) => edit(ref, actor, { assigneeIds }),
  };
}
