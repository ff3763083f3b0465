/**
 * The export of a channel's tasks (the weekly "báo cáo tuần" for superiors): one row per task, a per-person sheet
 * and an overview with the figures the chat's weekly summary gives, so the file and the chat can be checked against
 * each other. Cancelled tasks are left out unless asked for (then listed and marked), and counted nowhere else, as
 * in the chat. Pure.
 */
import { t } from "../i18n/index.js";
import { type Cell, type Sheet, stampCell } from "./export-files.js";
import { formatPercent, type Locale } from "./format.js";
import type { ReportTaskRow, WeeklyReport } from "./weekly-report.js";

export type { Cell, Sheet } from "./export-files.js";
export { toCsv, toXlsx } from "./export-files.js";

const TASK_COLUMNS = [
  "export.column.number",
  "export.column.task",
  "export.column.status",
  "export.column.assignees",
  "export.column.due",
  "export.column.completed_at",
  "export.column.on_time",
  "export.column.hours_late",
  "export.column.series",
] as const;

const PEOPLE_COLUMNS = [
  "export.column.person",
  "export.column.open",
  "export.column.overdue",
  "export.column.done_last_week",
  "export.column.on_time_rate",
] as const;

const STATUS = {
  open: "export.status.open",
  done: "export.status.done",
  cancelled: "export.status.cancelled",
} as const satisfies Record<ReportTaskRow["status"], string>;

/** A series as the chat names it: "#L3". */
export const seriesLabel = (seriesNumber: number | null | undefined) => (seriesNumber ? `#L${seriesNumber}` : "");

/**
 * Hours past the deadline, to a tenth: until it was finished, or until `now` while it is open; "" when on time, with
 * no deadline, or cancelled (a cancelled task is late for no one).
 */
export function hoursLate(task: ReportTaskRow, now: Date): number | "" {
  const until = task.status === "done" ? task.closedAt : task.status === "open" ? now : null;
  if (!task.dueAt || !until || until <= task.dueAt) return "";
  return Math.round((until.getTime() - task.dueAt.getTime()) / 360_000) / 10;
}

/** Exports leave cancelled tasks out unless the asker names them ("kèm việc đã hủy"): the chat counts them nowhere. */
export function withoutCancelled<T extends { status: ReportTaskRow["status"] }>(rows: readonly T[]): T[] {
  return rows.filter((row) => row.status !== "cancelled");
}

/** Rows of the task sheet (header first). */
export function taskTable(tasks: readonly ReportTaskRow[], now: Date, zone: string, locale: Locale): Cell[][] {
  const rows: Cell[][] = [TASK_COLUMNS.map((id) => t(locale, id))];
  const yes = t(locale, "export.yes");
  const no = t(locale, "export.no");
  for (const task of tasks) {
    const finished = task.status === "done" ? task.closedAt : null;
    const onTime = task.dueAt && finished ? (finished <= task.dueAt ? yes : no) : "";
    rows.push([
      task.number,
      task.title,
      t(locale, STATUS[task.status]),
      task.assignees.map((a) => a.name).join(", "),
      stampCell(task.dueAt, zone),
      stampCell(finished, zone),
      onTime,
      hoursLate(task, now),
      seriesLabel(task.seriesNumber),
    ]);
  }
  return rows;
}

/** Rows of the per-person sheet (header first). */
export function peopleTable(report: WeeklyReport, locale: Locale): Cell[][] {
  return [
    PEOPLE_COLUMNS.map((id) => t(locale, id)),
    ...report.people.map((p) => [p.name, p.open, p.overdue, p.done, formatPercent(p.onTimeRate)]),
  ];
}

/**
 * The summary's figures under the summary's own words: done last week, overdue, due this week, the on-time rate
 * (as a whole percentage, as the chat rounds it), then the open and cancelled tasks the file lists.
 */
export function overviewTable(report: WeeklyReport, tasks: readonly ReportTaskRow[], locale: Locale): Cell[][] {
  const rate = report.current.onTimeRate;
  return [
    [t(locale, "export.column.figure"), t(locale, "export.column.value")],
    [t(locale, "summary.done"), report.doneLastWeek.length],
    [t(locale, "summary.overdue"), report.overdue.length],
    [t(locale, "summary.due_this_week"), report.dueThisWeek.length],
    [`${t(locale, "summary.rate")} (%)`, rate === null ? "" : Math.round(rate * 100)],
    [t(locale, "export.figure.open"), tasks.filter((task) => task.status === "open").length],
    [t(locale, "export.figure.cancelled"), tasks.filter((task) => task.status === "cancelled").length],
  ];
}

/** The channel's workbook: tasks, the summary's figures, and the per-person table. */
export function channelSheets(
  report: WeeklyReport,
  tasks: readonly ReportTaskRow[],
  now: Date,
  zone: string,
  locale: Locale,
): Sheet[] {
  return [
    { name: t(locale, "export.sheet_tasks"), rows: taskTable(tasks, now, zone, locale) },
    { name: t(locale, "export.sheet_overview"), rows: overviewTable(report, tasks, locale) },
    { name: t(locale, "export.sheet_people"), rows: peopleTable(report, locale) },
  ];
}
