/**
 * The roll-up as a file: a summary sheet (one row per unit, the figures of the chat roll-up) and one sheet per unit
 * with its tasks (the channel export's columns, with the channel first). CSV is the summary, or one table of tasks.
 * Cells go through the channel export's writers, which defuse spreadsheet formulas.
 */
import type { Locale } from "../core/incoming.js";
import { t } from "../i18n/index.js";
import { type Cell, taskTable, toCsv, toXlsx } from "../scheduling/export-table.js";
import type { OrgRollup } from "../services/org-service.js";
import type { UnitTaskRow } from "../services/org-tasks.js";
import { onTimeRate } from "../services/org-tree.js";

const SUMMARY_HEADERS: Record<Locale, string[]> = {
  vi: [
    "Đơn vị",
    "Cấp",
    "Đang mở",
    "Quá hạn",
    "Trễ nhất (giờ)",
    "Đến hạn tuần này",
    "Xong tuần trước",
    "Xong tuần trước nữa",
    "Đúng hạn tuần trước (%)",
    "Quá hạn một tuần trước",
  ],
  en: [
    "Unit",
    "Level",
    "Open",
    "Overdue",
    "Worst lateness (hours)",
    "Due this week",
    "Done last week",
    "Done the week before",
    "On time last week (%)",
    "Overdue a week ago",
  ],
};

/** The same columns for a past week, as it stood at its end (org-weeks.ts pastRollupWeeks). */
const PAST_WEEK_HEADERS: Record<Locale, string[]> = {
  vi: [
    "Đơn vị",
    "Cấp",
    "Đang mở cuối tuần",
    "Quá hạn cuối tuần",
    "Trễ nhất cuối tuần (giờ)",
    "Đến hạn trong tuần",
    "Xong trong tuần",
    "Xong tuần trước đó",
    "Đúng hạn trong tuần (%)",
    "Quá hạn đầu tuần",
  ],
  en: [
    "Unit",
    "Level",
    "Open at the week's end",
    "Overdue at the week's end",
    "Worst lateness at the week's end (hours)",
    "Due that week",
    "Done that week",
    "Done the week before",
    "On time that week (%)",
    "Overdue at the week's start",
  ],
};

/** One row per unit, its subtree's figures (header first). */
export function rollupSummaryTable(rollup: OrgRollup, locale: Locale): Cell[][] {
  return [
    (rollup.weeks.past ? PAST_WEEK_HEADERS : SUMMARY_HEADERS)[locale],
    ...rollup.rows.map(({ unit, depth, subtree: f }) => {
      const rate = onTimeRate(f);
      return [
        unit.name,
        depth + 1,
        f.open,
        f.overdue,
        f.maxLateHours ?? "",
        f.dueThisWeek,
        f.doneLastWeek,
        f.doneWeekBefore,
        rate === null ? "" : Math.round(rate * 100),
        f.overdueWeekAgo,
      ];
    }),
  ];
}

/** The channel export's task table with the channel's name in front. */
export function unitTaskTable(tasks: readonly UnitTaskRow[], now: Date, zone: string, locale: Locale): Cell[][] {
  const table = taskTable(tasks, now, zone, locale);
  const channel = t(locale, "export.column.channel");
  return table.map((row, i) => [i === 0 ? channel : (tasks[i - 1]?.channelName ?? ""), ...row]);
}

/** A worksheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 28) || "Sheet";
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, 27)}~${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export interface RollupFile {
  filename: string;
  mimeType: string;
  content: Uint8Array;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MIME = "text/csv; charset=utf-8";

/** The roll-up file: XLSX with a summary and a sheet per unit, or the summary as CSV. */
export async function rollupFile(
  rollup: OrgRollup,
  tasks: readonly UnitTaskRow[],
  format: "csv" | "xlsx",
  locale: Locale,
): Promise<RollupFile> {
  const { now, timezone } = rollup.weeks;
  const base = `${locale === "vi" ? "tong-hop" : "rollup"}-${rollup.weeks.past?.key ?? now.toISOString().slice(0, 10)}`;
  const summary = rollupSummaryTable(rollup, locale);
  if (format === "csv") return { filename: `${base}.csv`, mimeType: CSV_MIME, content: toCsv(summary) };
  const used = new Set<string>();
  const sheets = [{ name: sheetName(locale === "vi" ? "Tổng hợp" : "Summary", used), rows: summary }];
  for (const { unit } of rollup.rows) {
    const own = tasks.filter((task) => task.unitId === unit.id);
    sheets.push({ name: sheetName(unit.name, used), rows: unitTaskTable(own, now, timezone, locale) });
  }
  return { filename: `${base}.xlsx`, mimeType: XLSX_MIME, content: await toXlsx(sheets, locale) };
}
