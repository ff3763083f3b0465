/**
 * Recurring series: made, listed, paused, resumed, stopped, and one occurrence skipped. Series have their own
 * per-channel numbers (#L1, #L2 …). Only the series rows are written here; the occurrences' tasks are written by
 * recurring-occurrences.ts. Plain views out.
 */
import type { PersonView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { nextOccurrences, type Occurrence, type Recurrence, recurrenceSchema } from "../recurrence/index.js";
import type { SeriesCalendar } from "../recurrence/types.js";
import { personSelect, toPersonView } from "./task-mapper.js";

export type SeriesStatus = "active" | "paused" | "stopped";

export interface SeriesView {
  id: string;
  channelId: string;
  number: number;
  title: string;
  creator: PersonView;
  assignees: PersonView[];
  rule: Recurrence;
  timezone: string;
  status: SeriesStatus;
  coveredUntil: Date;
  createdAt: Date;
}

export interface NewSeries {
  channelId: string;
  creatorId: string;
  title: string;
  assigneeIds: string[];
  rule: Recurrence;
  timezone: string;
  sourceRef?: string;
}

/** Who may pause, resume, stop or skip a series: as for a task, its creator, an assignee, a manager. */
export function canChangeSeries(series: SeriesView, actor: { id: string; isManager: boolean }): boolean {
  return actor.isManager || series.creator.id === actor.id || series.assignees.some((a) => a.id === actor.id);
}

export type SeriesChange =
  | { ok: true; series: SeriesView }
  | { ok: false; reason: "not_found" | "forbidden" | "already" | "stopped"; series: SeriesView | null };

export type SkipResult =
  | { ok: true; series: SeriesView; skipped: Occurrence }
  | { ok: false; reason: "not_found" | "forbidden" | "stopped" | "none_ahead"; series: SeriesView | null };

const seriesSelect = {
  id: true,
  channelId: true,
  number: true,
  title: true,
  assigneeIds: true,
  rule: true,
  timezone: true,
  status: true,
  coveredUntil: true,
  createdAt: true,
  creator: { select: personSelect },
} as const;

type SeriesRow = {
  id: string;
  channelId: string;
  number: number;
  title: string;
  assigneeIds: string[];
  rule: unknown;
  timezone: string;
  status: string;
  coveredUntil: Date;
  createdAt: Date;
  creator: { id: string; externalId: string | null; displayName: string };
};

export interface RecurringSeriesOptions {
  prisma: PrismaClient;
  /** The clock. */
  now: () => Date;
}

type SeriesRef = { channelId: string; number: number };
type SeriesActor = { id: string; isManager: boolean };
type SeriesDeps = RecurringSeriesOptions;

async function toViews(prisma: PrismaClient, rows: SeriesRow[]): Promise<SeriesView[]> {
  const ids = [...new Set(rows.flatMap((r) => r.assigneeIds))];
  const people = ids.length ? await prisma.member.findMany({ where: { id: { in: ids } }, select: personSelect }) : [];
  const byId = new Map(people.map((p) => [p.id, toPersonView(p)]));
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channelId,
    number: row.number,
    title: row.title,
    creator: toPersonView(row.creator),
    assignees: row.assigneeIds.map((id) => byId.get(id)).filter((p): p is PersonView => p !== undefined),
    rule: recurrenceSchema.parse(row.rule) as Recurrence,
    timezone: row.timezone,
    status: row.status as SeriesStatus,
    coveredUntil: row.coveredUntil,
    createdAt: row.createdAt,
  }));
}

async function findSeries(prisma: PrismaClient, channelId: string, number: number): Promise<SeriesView | null> {
  const row = await prisma.recurringSeries.findUnique({
    where: { channelId_number: { channelId, number } },
    select: seriesSelect,
  });
  return row ? ((await toViews(prisma, [row]))[0] ?? null) : null;
}

/** Reads the series, checks the actor's right, then applies `change`; refusals say why. */
async function changeStatus(
  { prisma, now }: SeriesDeps,
  ref: SeriesRef,
  actor: SeriesActor,
  to: SeriesStatus,
): Promise<SeriesChange> {
  const series = await findSeries(prisma, ref.channelId, ref.number);
  if (!series) return { ok: false, reason: "not_found", series: null };
  if (!canChangeSeries(series, actor)) return { ok: false, reason: "forbidden", series };
  if (series.status === "stopped") return { ok: false, reason: "stopped", series };
  if (series.status === to) return { ok: false, reason: "already", series };
  const at = now();
  // Resumed: what fell due while paused is passed, not made late all at once.
  const covered = to === "active" && at > series.coveredUntil ? at : series.coveredUntil;
  const { count } = await prisma.recurringSeries.updateMany({
    where: { id: series.id, status: series.status },
    data: { status: to, updatedAt: at, coveredUntil: covered },
  });
  if (count !== 1) return { ok: false, reason: "already", series };
  return { ok: true, series: { ...series, status: to, coveredUntil: covered } };
}

/** A new series with the channel's next series number (a race for the same number retries). */
async function createSeries({ prisma, now }: SeriesDeps, input: NewSeries): Promise<SeriesView> {
  const at = now();
  for (let attempt = 0; ; attempt++) {
    const last = await prisma.recurringSeries.aggregate({
      where: { channelId: input.channelId },
      _max: { number: true },
    });
    try {
      const row = await prisma.recurringSeries.create({
        data: {
          channelId: input.channelId,
          number: (last._max.number ?? 0) + 1,
          title: input.title,
          creatorId: input.creatorId,
          assigneeIds: input.assigneeIds,
          rule: { ...input.rule },
          timezone: input.timezone,
          coveredUntil: at,
          sourceRef: input.sourceRef ?? null,
          createdAt: at,
          updatedAt: at,
        },
        select: seriesSelect,
      });
      return (await toViews(prisma, [row]))[0] as SeriesView;
    } catch (error) {
      if (attempt >= 3 || (error as { code?: string }).code !== "P2002") throw error;
    }
  }
}

/** The channel's series that still run (active or paused), by number. */
async function listSeries(prisma: PrismaClient, channelId: string): Promise<SeriesView[]> {
  const rows = await prisma.recurringSeries.findMany({
    where: { channelId, status: { in: ["active", "paused"] } },
    select: seriesSelect,
    orderBy: { number: "asc" },
    take: 50,
  });
  return toViews(prisma, rows);
}

/**
 * Skips the next occurrence not made yet: a skipped row takes its key, so the job never makes it. One already made
 * is an ordinary task, cancelled like any other ("hủy #N").
 */
async function skipNext(
  { prisma, now }: SeriesDeps,
  ref: SeriesRef,
  actor: SeriesActor,
  where: Omit<SeriesCalendar, "timezone">,
): Promise<SkipResult> {
  const series = await findSeries(prisma, ref.channelId, ref.number);
  if (!series) return { ok: false, reason: "not_found", series: null };
  if (!canChangeSeries(series, actor)) return { ok: false, reason: "forbidden", series };
  if (series.status === "stopped") return { ok: false, reason: "stopped", series };
  const at = now();
  const after = new Date(Math.max(series.coveredUntil.getTime(), at.getTime()));
  const ahead = nextOccurrences(series.rule, after, 8, { ...where, timezone: series.timezone });
  const taken = await prisma.recurringOccurrence.findMany({
    where: { seriesId: series.id, key: { in: ahead.map((o) => o.key) } },
    select: { key: true },
  });
  const next = ahead.find((o) => !taken.some((t) => t.key === o.key));
  if (!next) return { ok: false, reason: "none_ahead", series };
  await prisma.recurringOccurrence.createMany({
    data: [{ seriesId: series.id, key: next.key, skipped: true, dueAt: next.deadline, createdAt: at }],
    skipDuplicates: true,
  });
  return { ok: true, series, skipped: next };
}

/** The series' reads and status changes; src/services/recurring-series-service.ts adds the edits. */
export function createSeriesCore(deps: RecurringSeriesOptions) {
  const { prisma } = deps;
  return {
    find: (channelId: string, number: number) => findSeries(prisma, channelId, number),
    create: (input: NewSeries) => createSeries(deps, input),
    list: (channelId: string) => listSeries(prisma, channelId),
    pause: (ref: SeriesRef, actor: SeriesActor) => changeStatus(deps, ref, actor, "paused"),
    resume: (ref: SeriesRef, actor: SeriesActor) => changeStatus(deps, ref, actor, "active"),
    stop: (ref: SeriesRef, actor: SeriesActor) => changeStatus(deps, ref, actor, "stopped"),
    skipNext: (ref: SeriesRef, actor: SeriesActor, where: Omit<SeriesCalendar, "timezone">) =>
      skipNext(deps, ref, actor, where),
  };
}
