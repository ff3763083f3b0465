import type { SummaryPersonFigures } from "../core/summary-view.js";
/**
 * The weekly report of a channel, computed from plain task rows (pure, so it is tested with a fixed now).
 * Weeks are ISO weeks in the channel's zone: "last week" is Monday 00:00 to Monday 00:00 before the current week.
 */
import { addLocalWeeks, startOfLocalWeek } from "./local-time.js";

export interface ReportTaskRow {
  number: number;
  title: string;
  status: "open" | "done" | "cancelled";
  dueAt: Date | null;
  dueHasTime: boolean;
  createdAt: Date;
  closedAt: Date | null;
  closedByName: string | null;
  assignees: { memberId: string; name: string; doneAt: Date | null }[];
  /** The number of the recurring series (#L3) the task is an occurrence of. */
  seriesNumber?: number | null;
}

/** An open task with a deadline, as the summary lists it. */
export interface DueItem {
  number: number;
  title: string;
  seriesNumber: number | null;
  dueAt: Date;
  dueHasTime: boolean;
  assignees: string[];
}

export interface WeekFigures {
  done: number;
  overdue: number;
  /** Done with a deadline and on time ÷ done with a deadline; null when nothing had a deadline. */
  onTimeRate: number | null;
}

/** One person's row of the weekly table. */
export type PersonFigures = SummaryPersonFigures;

export interface WeeklyReport {
  now: Date;
  timezone: string;
  /** Monday 00:00 of last week, and of this week (the end of last week). */
  lastWeekStart: Date;
  weekStart: Date;
  doneLastWeek: {
    number: number;
    title: string;
    seriesNumber: number | null;
    by: string[];
    closedAt: Date;
    dueAt: Date | null;
    onTime: boolean | null;
  }[];
  overdue: DueItem[];
  dueThisWeek: DueItem[];
  people: PersonFigures[];
  current: WeekFigures;
  previous: WeekFigures;
}

const inRange = (t: Date | null, from: Date, to: Date): t is Date => t !== null && t >= from && t < to;
const rate = (onTime: number, measured: number) => (measured === 0 ? null : onTime / measured);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");

/** When an assignee finished: their own mark, or the task's closing when it was closed as done for everyone. */
function finishedAt(task: ReportTaskRow, assignee: ReportTaskRow["assignees"][number]): Date | null {
  if (assignee.doneAt) return assignee.doneAt;
  return task.status === "done" ? task.closedAt : null;
}

/** Open and past their deadline at `at`: created before, due before, not yet closed then. */
function overdueAt(tasks: ReportTaskRow[], at: Date): number {
  return tasks.filter(
    (t) => t.createdAt <= at && t.dueAt !== null && t.dueAt < at && (t.closedAt === null || t.closedAt > at),
  ).length;
}

/** Done in [from, to), and overdue as it stood at `overdueInstant`. */
function weekFigures(tasks: ReportTaskRow[], from: Date, to: Date, overdueInstant: Date): WeekFigures {
  const done = tasks.filter((t) => t.status === "done" && inRange(t.closedAt, from, to));
  const measured = done.filter((t) => t.dueAt !== null);
  const onTime = measured.filter((t) => (t.closedAt as Date) <= (t.dueAt as Date)).length;
  return { done: done.length, overdue: overdueAt(tasks, overdueInstant), onTimeRate: rate(onTime, measured.length) };
}

function people(tasks: ReportTaskRow[], now: Date, from: Date, to: Date): PersonFigures[] {
  const table = new Map<string, PersonFigures & { onTime: number; measured: number }>();
  for (const task of tasks) {
    if (task.status === "cancelled") continue;
    for (const a of task.assignees) {
      const row = table.get(a.memberId) ?? {
        name: a.name,
        open: 0,
        overdue: 0,
        done: 0,
        onTimeRate: null,
        onTime: 0,
        measured: 0,
      };
      table.set(a.memberId, row);
      const finished = finishedAt(task, a);
      if (task.status === "open" && finished === null) {
        row.open += 1;
        if (task.dueAt && task.dueAt < now) row.overdue += 1;
      }
      if (inRange(finished, from, to)) {
        row.done += 1;
        if (task.dueAt) {
          row.measured += 1;
          if (finished <= task.dueAt) row.onTime += 1;
        }
      }
    }
  }
  return [...table.values()]
    .map(({ onTime, measured, ...row }) => ({ ...row, onTimeRate: rate(onTime, measured) }))
    .sort(byName);
}

/** Computes the report at `now` from every task of the channel. */
export function buildWeeklyReport(tasks: ReportTaskRow[], now: Date, timezone: string): WeeklyReport {
  const weekStart = startOfLocalWeek(now, timezone);
  const lastWeekStart = addLocalWeeks(weekStart, -1, timezone);
  const weekBefore = addLocalWeeks(weekStart, -2, timezone);
  const nextWeekStart = addLocalWeeks(weekStart, 1, timezone);
  // Names alphabetically: a stable order whatever order people were assigned in.
  const names = (t: ReportTaskRow) => t.assignees.map((a) => a.name).sort((a, b) => a.localeCompare(b, "vi"));
  const doneLastWeek = tasks
    .filter((t) => t.status === "done" && inRange(t.closedAt, lastWeekStart, weekStart))
    .sort((a, b) => a.number - b.number)
    .map((t) => {
      const finishers = t.assignees.filter((a) => a.doneAt !== null);
      const by =
        finishers.length > 0
          ? finishers.map((a) => a.name).sort((a, b) => a.localeCompare(b, "vi"))
          : t.closedByName
            ? [t.closedByName]
            : [];
      const closedAt = t.closedAt as Date;
      return {
        number: t.number,
        title: t.title,
        seriesNumber: t.seriesNumber ?? null,
        by,
        closedAt,
        dueAt: t.dueAt,
        onTime: t.dueAt ? closedAt <= t.dueAt : null,
      };
    });
  const dueItem = (t: ReportTaskRow): DueItem => ({
    number: t.number,
    title: t.title,
    seriesNumber: t.seriesNumber ?? null,
    dueAt: t.dueAt as Date,
    dueHasTime: t.dueHasTime,
    assignees: names(t),
  });
  const open = tasks.filter((t) => t.status === "open" && t.dueAt !== null);
  const overdue = open
    .filter((t) => (t.dueAt as Date) < now)
    .sort((a, b) => (a.dueAt as Date).getTime() - (b.dueAt as Date).getTime() || a.number - b.number)
    .map(dueItem);
  const dueThisWeek = open
    .filter((t) => (t.dueAt as Date) >= now && (t.dueAt as Date) < nextWeekStart)
    .sort((a, b) => (a.dueAt as Date).getTime() - (b.dueAt as Date).getTime() || a.number - b.number)
    .map(dueItem);
  return {
    now,
    timezone,
    lastWeekStart,
    weekStart,
    doneLastWeek,
    overdue,
    dueThisWeek,
    people: people(tasks, now, lastWeekStart, weekStart),
    current: weekFigures(tasks, lastWeekStart, weekStart, now),
    // The week before, measured the same way: its done count, and the overdue count exactly one week ago.
    previous: weekFigures(tasks, weekBefore, lastWeekStart, addLocalWeeks(now, -1, timezone)),
  };
}
