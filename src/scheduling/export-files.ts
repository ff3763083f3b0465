/**
 * Writes export tables as files: CSV (UTF-8 with BOM so Excel shows Vietnamese correctly; instants as ISO 8601 with
 * the channel's offset) or XLSX (instants as real date cells in the channel's wall-clock time with a date format,
 * the header row bold and frozen, columns as wide as their content). Pure apart from exceljs' in-memory encoder.
 */
import { DateTime } from "luxon";
import type { Locale } from "../locale.js";

/** An instant shown in a zone: a date cell in XLSX, ISO 8601 with offset in CSV. */
export interface StampCell {
  kind: "stamp";
  at: Date;
  zone: string;
}

export type Cell = string | number | StampCell;

export interface Sheet {
  name: string;
  rows: Cell[][];
}

export const stampCell = (at: Date | null, zone: string): Cell => (at ? { kind: "stamp", at, zone } : "");

const isStamp = (value: Cell): value is StampCell => typeof value === "object";

/** Excel has no zones: a date cell holds the wall-clock time of the channel's zone, written as if it were UTC. */
function wallClock(cell: StampCell): Date {
  return DateTime.fromJSDate(cell.at, { zone: cell.zone }).setZone("UTC", { keepLocalTime: true }).toJSDate();
}

function isoText(cell: StampCell): string {
  return DateTime.fromJSDate(cell.at, { zone: cell.zone }).toISO({ suppressMilliseconds: true }) ?? "";
}

/** A cell as CSV: quoted when needed; text that a spreadsheet would run as a formula is defused with a quote mark. */
function csvCell(value: Cell): string {
  if (isStamp(value)) return isoText(value);
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Cell[][]): Uint8Array {
  const text = `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
  return new TextEncoder().encode(text);
}

/** The format of date cells: day first as Vietnamese offices write it, ISO order in English. */
export const dateFormat = (locale: Locale) => (locale === "vi" ? "dd/mm/yyyy hh:mm" : "yyyy-mm-dd hh:mm");

const DATE_WIDTH = 16;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Each column's width in characters: its longest cell (a date counts as its format's length), within bounds. */
export function columnWidths(rows: Cell[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      const length = isStamp(cell)
        ? DATE_WIDTH
        : Math.max(
            ...String(cell)
              .split("\n")
              .map((l) => [...l].length),
          );
      widths[i] = Math.max(widths[i] ?? 0, length);
    });
  }
  return widths.map((w) => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2)));
}

export async function toXlsx(sheets: Sheet[], locale: Locale = "vi"): Promise<Uint8Array> {
  // Loaded on the first export only: exceljs and its dependencies cost every process memory and start time.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rõ Việc";
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    for (const row of sheet.rows) {
      const added = ws.addRow(row.map((cell) => (isStamp(cell) ? wallClock(cell) : cell)));
      row.forEach((cell, i) => {
        if (isStamp(cell)) added.getCell(i + 1).numFmt = dateFormat(locale);
      });
    }
    ws.getRow(1).font = { bold: true };
    columnWidths(sheet.rows).forEach((width, i) => {
      ws.getColumn(i + 1).width = width;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
