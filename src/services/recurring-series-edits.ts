/**
 * Changing a series: its title, its assignees or its rule. The occurrences not made yet take the change (each is made
 * from the series as it stands then); tasks already made are ordinary tasks, changed on their own like any other.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Recurrence } from "../recurrence/index.js";
import { canChangeSeries, type SeriesChange, type SeriesView } from "./recurring-series.js";

export interface SeriesEditOptions {
  prisma: PrismaClient;
  now: () => Date;
  find(channelId: string, number: number): Promise<SeriesView | null>;
}

type Actor = { id: string; isManager: boolean };
type Ref = { channelId: string; number: number };

/**
 * The same rule, whatever words said it; the day counting starts from matters only to an "every N weeks" rule (a
 * rule said again on another day has another anchor).
 */
function sameRule(a: Recurrence, b: Recurrence): boolean {
  const meaning = (r: Recurrence) => {
    const { text: _text, anchor, ...rest } = r;
    const counted = /INTERVAL=(?!1(?:;|$))/.test(r.rrule ?? "") ? { ...rest, anchor } : rest;
    return JSON.stringify(Object.fromEntries(Object.entries(counted).sort(([x], [y]) => x.localeCompare(y))));
  };
  return meaning(a) === meaning(b);
}

export function createSeriesEdits({ prisma, now, find }: SeriesEditOptions) {
  async function edit(
    ref: Ref,
    actor: Actor,
    data: { title?: string; assigneeIds?: string[]; rule?: Recurrence },
  ): Promise<SeriesChange> {
    const series = await find(ref.channelId, ref.number);
    if (!series) return { ok: false, reason: "not_found", series: null };
    if (!canChangeSeries(series, actor)) return { ok: false, reason: "forbidden", series };
    if (series.status === "stopped") return { ok: false, reason: "stopped", series };
    const at = now();
    if (!data.rule) {
      const { title, assigneeIds } = data;
      await prisma.recurringSeries.update({ where: { id: series.id }, data: { title, assigneeIds, updatedAt: at } });
      return { ok: true, series: (await find(ref.channelId, ref.number)) ?? series };
    }
    if (sameRule(series.rule, data.rule)) return { ok: false, reason: "already", series };
    // The new rule starts from now: its times already past are not made late, and what the old rule made (or
    // covered) stays; the next run of the occurrence job makes the new rule's times whose period has begun. The mark
    // only moves forward, in the statement itself, so a job run advancing it meanwhile is never undone.
    await prisma.$executeRaw`
      UPDATE "RecurringSeries"
      SET "rule" = ${JSON.stringify(data.rule)}::jsonb, "coveredUntil" = GREATEST("coveredUntil", ${at}::timestamptz),
        "updatedAt" = ${at}::timestamptz
      WHERE "id" = ${series.id}::uuid`;
    return { ok: true, series: (await find(ref.channelId, ref.number)) ?? series };
  }
  return {
    rename: (ref: Ref, actor: Actor, title: string) => edit(ref, actor, { title }),
    reassign: (ref: Ref, actor: Actor, assigneeIds: string[]) => edit(ref, actor, { assigneeIds }),
    reschedule: (ref: Ref, actor: Actor, rule: Recurrence) => edit(ref, actor, { rule }),
  };
}
