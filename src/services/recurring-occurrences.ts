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
import { insertOccurrenceTasks, type OccurrenceTask } from "./recurring-occurrence-writes.js";

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
/** Series read per page. */
const BATCH = 500;
/** Occurrences written per statement. */
const INSERT_BATCH = 500;

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

/** A due occurrence with the instant it was due to be made (what decides whether it is late). */
interface DueOccurrence {
  occurrence: Occurrence;
  createdAt: Date;
}

function dueWithCreation(rule: Recurrence, coveredUntil: Date, now: Date, where: SeriesCalendar): DueOccurrence[] {
  const from = addDays(localDay(coveredUntil, where.timezone), -14);
  const to = addDays(localDay(now, where.timezone), HORIZON_DAYS[periodGrain(rule)]);
  const due: DueOccurrence[] = [];
  for (const occurrence of occurrencesIn(rule, from, to, where)) {
    if (occurrence.deadline.getTime() <= coveredUntil.getTime()) continue;
    // Occurrences come in deadline order and are made in it: one not due yet holds back the later ones.
    const createdAt = creationTime(occurrence, rule, where);
    if (createdAt.getTime() > now.getTime()) break;
    due.push({ occurrence, createdAt });
    if (due.length >= MAX_PER_SERIES) break;
  }
  return due;
}

/** The occurrences of a series that are due to be made at `now`, oldest first. */
export function dueOccurrences(rule: Recurrence, coveredUntil: Date, now: Date, where: SeriesCalendar): Occurrence[] {
  return dueWithCreation(rule, coveredUntil, now, where).map((d) => d.occurrence);
}

function dueStartOf(occurrence: Occurrence, rule: Recurrence, timezone: string): Date {
  if (rule.at !== null) return occurrence.deadline;
  return DateTime.fromISO(occurrence.day, { zone: timezone }).toJSDate();
}

/** What a series owes at `now`: the tasks of its due occurrences, and how far its coverage moves. */
interface SeriesDue {
  tasks: OccurrenceTask[];
  /** The last due occurrence's deadline, when past the series' `coveredUntil`. */
  coveredUntil: Date | null;
}

function dueTasksOf(row: SeriesRow, where: SeriesCalendar, now: Date): SeriesDue {
  const rule = recurrenceSchema.parse(row.rule) as Recurrence;
  const tasks = dueWithCreation(rule, row.coveredUntil, now, where).map(({ occurrence, createdAt }) => {
    // Late against the later of its creation time and the series' start (or resumption): a series made on a
    // Wednesday makes this week's task at once, and it is not late.
    const due = Math.max(createdAt.getTime(), row.updatedAt.getTime());
    return {
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
      late: now.getTime() - due > LATE_AFTER_MS,
    };
  });
  const last = tasks.at(-1)?.dueAt;
  return { tasks, coveredUntil: last && last.getTime() > row.coveredUntil.getTime() ? last : null };
}

/** Moves each series' mark forward only: a slower run that read an older mark never moves it back. */
async function advanceCoverage(prisma: PrismaClient, marks: { id: string; coveredUntil: Date }[]): Promise<void> {
  if (marks.length === 0) return;
  await prisma.$executeRaw`
    UPDATE "RecurringSeries" s SET "coveredUntil" = m.covered
    FROM unnest(${marks.map((m) => m.id)}::uuid[], ${marks.map((m) => m.coveredUntil)}::timestamptz[])
      AS m(id, covered)
    WHERE s."id" = m.id AND s."coveredUntil" < m.covered`;
}

/** Makes the due occurrences of one page of series: a few statements whatever the number of occurrences. */
async function makePage(prisma: PrismaClient, rows: SeriesRow[], now: Date): Promise<CreatedOccurrence[]> {
  const calendarOf = await calendarsFor(prisma, rows, now);
  const tasks: OccurrenceTask[] = [];
  const marks: { id: string; coveredUntil: Date }[] = [];
  for (const row of rows) {
    const where = { timezone: row.timezone, endOfDayMinutes: row.channel.endOfDayMinutes, calendar: calendarOf(row) };
    const due = dueTasksOf(row, where, now);
    tasks.push(...due.tasks);
    if (due.coveredUntil) marks.push({ id: row.id, coveredUntil: due.coveredUntil });
  }
  const made: CreatedOccurrence[] = [];
  for (let from = 0; from < tasks.length; from += INSERT_BATCH) {
    const chunk = tasks.slice(from, from + INSERT_BATCH);
    for (const { index, taskId, number } of await insertOccurrenceTasks(prisma, chunk, now)) {
      const task = chunk[index] as OccurrenceTask;
      made.push({ seriesId: task.seriesId, channelId: task.channelId, taskId, number, late: task.late });
    }
  }
  // After the tasks: a crash in between leaves the mark behind, and the next run finds the occurrences made.
  await advanceCoverage(prisma, marks);
  return made;
}

export interface CreateDueOptions {
  prisma: PrismaClient;
  now: Date;
  /** Only these series (a series just made); default every active series. */
  seriesIds?: string[];
  /** Told each page's tasks as soon as they are written (the caller may plan their pings meanwhile). */
  onPage?: (made: CreatedOccurrence[]) => void;
}

/** Makes every occurrence due at `now`; returns the tasks made (none twice, whoever else runs it). */
export async function createDueOccurrences(options: CreateDueOptions): Promise<CreatedOccurrence[]> {
  const { prisma, now, seriesIds } = options;
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
    const page = await makePage(prisma, rows, now);
    if (page.length > 0) options.onPage?.(page);
    made.push(...page);
    cursor = rows.at(-1)?.id;
    if (rows.length < BATCH) break;
  }
  return made;
}
