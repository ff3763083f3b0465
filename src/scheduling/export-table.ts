/**
 * The export of a channel's tasks (the weekly "báo cáo tuần" for superiors): one row per task and a per-person
 * sheet, as CSV (UTF-8 with BOM so Excel shows Vietnamese correctly) or XLSX. Pure apart from exceljs' encoder.
 */
import { DateTime } from "luxon";
import { t } from "../i18n/index.js";
import { formatPercent, type Locale } from "./format.js";
import type { ReportTaskRow, WeeklyReport } from "./weekly-report.js";

export type Cell = string | number;

const TASK_COLUMNS = [
  "export.column.number",
  "export.column.task",
  "export.column.status",
  "export.column.assignees",
  "export.column.due",
  "export.column.completed_at",
  "export.column.on_time",
  "export.column.days_late",
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

const stamp = (d: Date | null, zone: string) =>
  d ? DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm") : "";

/** Rows of the task sheet (header first). */
export function taskTable(tasks: ReportTaskRow[], now: Date, zone: string, locale: Locale): Cell[][] {
  const rows: Cell[][] = [TASK_COLUMNS.map((id) => t(locale, id))];
  const yes = t(locale, "export.yes");
  const no = t(locale, "export.no");
  for (const task of tasks) {
    const finished = task.status === "done" ? task.closedAt : null;
    const onTime = task.dueAt && finished ? (finished <= task.dueAt ? yes : no) : "";
    const lateUntil = finished ?? (task.status === "open" ? now : null);
    const daysLate =
      task.dueAt && lateUntil && lateUntil > task.dueAt
        ? Math.floor((lateUntil.getTime() - task.dueAt.getTime()) / 86_400_000)
        : "";
    rows.push([
      task.number,
      task.title,
      t(locale, STATUS[task.status]),
      task.assignees.map((a) => a.name).join(", "),
      stamp(task.dueAt, zone),
      stamp(finished, zone),
      onTime,
      daysLate,
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

/** A cell as CSV: quoted when needed; text that a spreadsheet would run as a formula is defused with a quote mark. */
function csvCell(value: Cell): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Cell[][]): Uint8Array {
  const text = `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
  return new TextEncoder().encode(text);
}

export async function toXlsx(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  // Loaded on the first export only: exceljs and its dependencies cost every process memory and start time.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rõ Việc";
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((column) => {
      column.width = 14;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
