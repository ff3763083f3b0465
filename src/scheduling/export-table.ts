/**
 * The export of a channel's tasks (the weekly "báo cáo tuần" for superiors): one row per task and a per-person
 * sheet, as CSV (UTF-8 with BOM so Excel shows Vietnamese correctly) or XLSX. Pure apart from exceljs' encoder.
 */
import { DateTime } from "luxon";
import type { Locale } from "./format.js";
import { formatPercent } from "./format.js";
import type { ReportTaskRow, WeeklyReport } from "./weekly-report.js";

export type Cell = string | number;

const HEADERS: Record<
  Locale,
  { tasks: string[]; people: string[]; status: Record<ReportTaskRow["status"], string>; yes: string; no: string }
> = {
  vi: {
    tasks: ["Số", "Việc", "Trạng thái", "Người nhận", "Hạn", "Hoàn thành lúc", "Đúng hạn", "Trễ (ngày)"],
    people: ["Người", "Đang mở", "Quá hạn", "Đã xong tuần trước", "Tỉ lệ đúng hạn"],
    status: { open: "đang mở", done: "xong", cancelled: "đã huỷ" },
    yes: "có",
    no: "không",
  },
  en: {
    tasks: ["Number", "Task", "Status", "Assignees", "Due", "Completed at", "On time", "Days late"],
    people: ["Person", "Open", "Overdue", "Done last week", "On-time rate"],
    status: { open: "open", done: "done", cancelled: "cancelled" },
    yes: "yes",
    no: "no",
  },
};

const stamp = (d: Date | null, zone: string) =>
  d ? DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd HH:mm") : "";

/** Rows of the task sheet (header first). */
export function taskTable(tasks: ReportTaskRow[], now: Date, zone: string, locale: Locale): Cell[][] {
  const h = HEADERS[locale];
  const rows: Cell[][] = [h.tasks];
  for (const t of tasks) {
    const finished = t.status === "done" ? t.closedAt : null;
    const onTime = t.dueAt && finished ? (finished <= t.dueAt ? h.yes : h.no) : "";
    const lateUntil = finished ?? (t.status === "open" ? now : null);
    const daysLate =
      t.dueAt && lateUntil && lateUntil > t.dueAt
        ? Math.floor((lateUntil.getTime() - t.dueAt.getTime()) / 86_400_000)
        : "";
    rows.push([
      t.number,
      t.title,
      h.status[t.status],
      t.assignees.map((a) => a.name).join(", "),
      stamp(t.dueAt, zone),
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
    HEADERS[locale].people,
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
