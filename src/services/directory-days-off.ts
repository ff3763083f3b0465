/**
 * A workspace's declared days: days off and make-up working days, each change with its row in the channel's history
 * where it was declared, and every open task of the workspace marked for re-planning (the calendar moved).
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { recordChannelEvents } from "./channel-history.js";
import type { DayOffView, DeclaredIn } from "./directory-types.js";
import { resetPlanning } from "./ping-planning.js";
import { RecentRecords } from "./recent-records.js";

/**
 * The declared days are read for every message's calendar, yet change only through the settings command. This
 * process forgets its copy whenever it changes them itself; a change made through another process (a second web
 * process) shows here within this time.
 */
const DAYS_OFF_TTL_MS = 10_000;

const midnight = (day: string) => new Date(`${day}T00:00:00.000Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Every day from `from` to `to` (YYYY-MM-DD), inclusive. */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The days from `from` to `to` (YYYY-MM-DD, inclusive), declared days off or, with `isWorkingDay`, make-up days. */
interface DayRange {
  from: string;
  to: string;
  isWorkingDay: boolean;
}

/** Replaces what was declared for the range's days, with the change in the channel's history; the days written. */
async function declareDays(
  prisma: PrismaClient,
  workspaceId: string,
  { from, to, isWorkingDay }: DayRange,
  declaredIn: DeclaredIn | undefined,
): Promise<DayOffView[]> {
  const days = daysBetween(from, to);
  const dates = days.map(midnight);
  await prisma.$transaction(async (tx) => {
    await tx.workspaceDayOff.deleteMany({ where: { workspaceId, day: { in: dates } } });
    await tx.workspaceDayOff.createMany({ data: dates.map((day) => ({ workspaceId, day, isWorkingDay })) });
    if (declaredIn) {
      await recordChannelEvents(tx, [
        { ...declaredIn, action: "day_off_declared", newValue: { from, to, isWorkingDay } },
      ]);
    }
  });
  return days.map((day) => ({ day, isWorkingDay, note: null }));
}

/** Takes back what was declared of the range's kind for its days, into the channel's history; the days taken back. */
async function takeBackDays(
  prisma: PrismaClient,
  workspaceId: string,
  { from, to, isWorkingDay }: DayRange,
  declaredIn: DeclaredIn | undefined,
): Promise<DayOffView[]> {
  const where = { workspaceId, isWorkingDay, day: { gte: midnight(from), lte: midnight(to) } };
  const rows = await prisma.workspaceDayOff.findMany({ where, select: { day: true, note: true } });
  if (rows.length === 0) return [];
  await prisma.$transaction(async (tx) => {
    await tx.workspaceDayOff.deleteMany({ where });
    if (declaredIn) {
      await recordChannelEvents(tx, [
        { ...declaredIn, action: "day_off_removed", oldValue: { from, to, isWorkingDay } },
      ]);
    }
  });
  return rows.map((r) => ({ day: isoDay(r.day), isWorkingDay, note: r.note }));
}

export type DaysOffDirectory = ReturnType<typeof createDaysOffDirectory>;

export function createDaysOffDirectory(prisma: PrismaClient) {
  /** Declared days of a workspace from a given day on (the day moves once a day), keyed by workspace. */
  const remembered = new RecentRecords<{ fromDay: string; rows: readonly DayOffView[] }>(DAYS_OFF_TTL_MS);
  /** Bumped by every change this process makes: a read that started before it must not put its older answer back. */
  let generation = 0;

  /** Declared days from `fromDay` (YYYY-MM-DD) on, in date order. */
  async function listDaysOff(workspaceId: string, fromDay?: string): Promise<DayOffView[]> {
    const rows = await prisma.workspaceDayOff.findMany({
      where: { workspaceId, ...(fromDay ? { day: { gte: midnight(fromDay) } } : {}) },
      select: { day: true, isWorkingDay: true, note: true },
      orderBy: { day: "asc" },
    });
    return rows.map((r) => ({ day: isoDay(r.day), isWorkingDay: r.isWorkingDay, note: r.note }));
  }

  /** After a change: forget the remembered copy, and have every open task of the workspace re-planned. */
  async function forget(workspaceId: string): Promise<void> {
    generation++;
    remembered.delete(workspaceId);
    await resetPlanning(prisma, { workspaceId });
  }

  return {
    listDaysOff,

    /**
     * {@link listDaysOff} for the calendar every message is parsed with: remembered a few seconds (DAYS_OFF_TTL_MS)
     * and forgotten when this process declares a day. The same array comes back while remembered, so callers may
     * keep what they derive from it (the working calendar) by its identity.
     */
    async recentDaysOff(workspaceId: string, fromDay: string): Promise<readonly DayOffView[]> {
      const cached = remembered.get(workspaceId);
      if (cached?.fromDay === fromDay) return cached.rows;
      const startedAt = generation;
      const rows = await listDaysOff(workspaceId, fromDay);
      if (startedAt === generation) remembered.set(workspaceId, { fromDay, rows });
      return rows;
    },

    /**
     * Declares every day from `from` to `to` (YYYY-MM-DD, inclusive) a day off or, with `isWorkingDay`, a make-up
     * working day for the workspace, replacing what was declared for those days; with `declaredIn`, the channel's
     * history records who did it. Returns the days as declared.
     */
    async setDaysOff(
      workspaceId: string,
      from: string,
      to: string,
      isWorkingDay: boolean,
      declaredIn?: DeclaredIn,
    ): Promise<DayOffView[]> {
      const days = await declareDays(prisma, workspaceId, { from, to, isWorkingDay }, declaredIn);
      await forget(workspaceId);
      return days;
    },

    /**
     * Takes back what was declared for the days from `from` to `to` (inclusive): days off, or with `isWorkingDay`
     * make-up working days; with `declaredIn`, into the channel's history. Returns the days that were declared and
     * are no more.
     */
    async removeDaysOff(
      workspaceId: string,
      from: string,
      to: string,
      isWorkingDay: boolean,
      declaredIn?: DeclaredIn,
    ): Promise<DayOffView[]> {
      const days = await takeBackDays(prisma, workspaceId, { from, to, isWorkingDay }, declaredIn);
      if (days.length === 0) return [];
      await forget(workspaceId);
      return days;
    },
  };
}
