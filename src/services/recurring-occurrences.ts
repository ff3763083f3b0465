/**
 * Makes the occurrences whose time has come: for each active series, every occurrence after the series'
 * `coveredUntil` whose creation time (src/recurrence/periods.ts) is not in the future becomes a task. One that
 * should have been made a while ago (the bot or Redis was down) is made now and marked late. Safe to run at any
 * time, as often as wanted, from several processes at once: the occurrence key decides (recurring-occurrence-writes).
 */
import { DateTime } from "luxon";
import { addDays, createWorkingCalendar, type WorkingCalendar } from "../calendar/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import {
  creationTime,
  localDay,
  type Occurrence,
  occurrencesIn,
  periodGrain,
  type Recurrence,
  recurrenceSchema,
  type SeriesCalendar,
} from "../recurrence/index.js";
import { insertOccurrenceTask } from "./recurring-occurrence-writes.js";

export interface CreatedOccurrence {
  seriesId: string;
  taskId: string;
  channelId: string;
  number: number;
  late: boolean;
}

/** How far past now a period may reach: a yearly rule's occurrence is made up to a year before its deadline. */
const HORIZON_DAYS = { day: 2, week: 10, month: 40, quarter: 100, year: 370, lunar_month: 40 } as const;
/** An occurrence made this long after its creation time is late. */
const LATE_AFTER_MS = 10 * 60_000;
/** At most this many occurrences of one series in one run (a series that was paused for years is not a flood). */
const MAX_PER_SERIES = 40;
const BATCH = 500;

interface SeriesRow {
  id: string;
  channelId: string;
  number: number;
  title: string;
  creatorId: string;
  assigneeIds: string[];
  rule: unknown;
  timezone: string;
  coveredUntil: Date;
  /** When the series was made or last paused, resumed or stopped. */
  updatedAt: Date;
  channel: { workspaceId: string; endOfDayMinutes: number; workingDays: number[] };
}

/** One working calendar per workspace and working week, with the days off the workspace declared. */
async function calendarsFor(prisma: PrismaClient, rows: SeriesRow[], from: Date) {
  const workspaceIds = [...new Set(rows.map((r) => r.channel.workspaceId))];
  const days = await prisma.workspaceDayOff.findMany({
    where: { workspaceId: { in: workspaceIds }, day: { gte: new Date(from.getTime() - 40 * 86_400_000) } },
    select: { workspaceId: true, day: true, isWorkingDay: true },
  });
  const cache = new Map<string, WorkingCalendar>();
  return (row: SeriesRow): WorkingCalendar => {
    const key = `${row.channel.workspaceId}|${row.channel.workingDays.join(",")}`;
    let calendar = cache.get(key);
    if (!calendar) {
      const mine = days.filter((d) => d.workspaceId === row.channel.workspaceId);
      const iso = (d: { day: Date }) => d.day.toISOString().slice(0, 10);
      calendar = createWorkingCalendar({
        workingDays: row.channel.workingDays,
        extraDaysOff: mine.filter((d) => !d.isWorkingDay).map(iso),
        extraWorkingDays: mine.filter((d) => d.isWorkingDay).map(iso),
      });
      cache.set(key, calendar);
    }
    return calendar;
  };
}

/** The occurrences of a series that are due to be made at `now`, oldest first. */
export function dueOccurrences(rule: Recurrence, coveredUntil: Date, now: Date, where: SeriesCalendar): Occurrence[] {
  const from = addDays(localDay(coveredUntil, where.timezone), -14);
  const to = addDays(localDay(now, where.timezone), HORIZON_DAYS[periodGrain(rule)]);
  const due: Occurrence[] = [];
  for (const occurrence of occurrencesIn(rule, from, to, where)) {
    if (occurrence.deadline.getTime() <= coveredUntil.getTime()) continue;
    // Occurrences come in deadline order and are made in it: one not due yet holds back the later ones.
    if (creationTime(occurrence, rule, where).getTime() > now.getTime()) break;
    due.push(occurrence);
    if (due.length >= MAX_PER_SERIES) break;
  }
  return due;
}

function dueStartOf(occurrence: Occurrence, rule: Recurrence, timezone: string): Date {
  if (rule.at !== null) return occurrence.deadline;
  return DateTime.fromISO(occurrence.day, { zone: timezone }).toJSDate();
}

async function makeOccurrences(prisma: PrismaClient, row: SeriesRow, where: SeriesCalendar, now: Date) {
  const rule = recurrenceSchema.parse(row.rule) as Recurrence;
  const made: CreatedOccurrence[] = [];
  let covered = row.coveredUntil;
  for (const occurrence of dueOccurrences(rule, row.coveredUntil, now, where)) {
    // Late against the later of its creation time and the series' start (or resumption): a series made on a
    // Wednesday makes this week's task at once, and it is not late.
    const due = Math.max(creationTime(occurrence, rule, where).getTime(), row.updatedAt.getTime());
    const late = now.getTime() - due > LATE_AFTER_MS;
    const task = await insertOccurrenceTask(
      prisma,
      {
        seriesId: row.id,
        seriesNumber: row.number,
        channelId: row.channelId,
        creatorId: row.creatorId,
        title: row.title,
        assigneeIds: row.assigneeIds,
        key: occurrence.key,
        dueAt: occurrence.deadline,
        dueHasTime: rule.at !== null,
        dueStart: dueStartOf(occurrence, rule, row.timezone),
        late,
      },
      now,
    );
    if (task) made.push({ seriesId: row.id, channelId: row.channelId, ...task, late });
    covered = occurrence.deadline;
  }
  if (covered.getTime() > row.coveredUntil.getTime()) {
    // Only forward: a slower run that read an older mark never moves it back.
    await prisma.recurringSeries.updateMany({
      where: { id: row.id, coveredUntil: { lt: covered } },
      data: { coveredUntil: covered },
    });
  }
  return made;
}

export interface CreateDueOptions {
  prisma: PrismaClient;
  now: Date;
  /** Only these series (a series just made); default every active series. */
  seriesIds?: string[];
}

/** Makes every occurrence due at `now`; returns the tasks made (none twice, whoever else runs it). */
export async function createDueOccurrences({ prisma, now, seriesIds }: CreateDueOptions): Promise<CreatedOccurrence[]> {
  const made: CreatedOccurrence[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows: SeriesRow[] = await prisma.recurringSeries.findMany({
      where: { status: "active", id: { ...(seriesIds ? { in: seriesIds } : {}), ...(cursor ? { gt: cursor } : {}) } },
      select: {
        id: true,
        channelId: true,
        number: true,
        title: true,
        creatorId: true,
        assigneeIds: true,
        rule: true,
        timezone: true,
        coveredUntil: true,
        updatedAt: true,
        channel: { select: { workspaceId: true, endOfDayMinutes: true, workingDays: true } },
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    const calendarOf = await calendarsFor(prisma, rows, now);
    for (const row of rows) {
      const where = { timezone: row.timezone, endOfDayMinutes: row.channel.endOfDayMinutes, calendar: calendarOf(row) };
      made.push(...(await makeOccurrences(prisma, row, where, now)));
    }
    cursor = rows.at(-1)?.id;
    if (rows.length < BATCH) break;
  }
  return made;
}
