/** export csv | xlsx (xuất excel): the channel's tasks, the summary's figures and the per-person table as a file. */

import { t } from "../src/i18n/index.js";
import { channelSheets, taskTable, toCsv, toXlsx, withoutCancelled } from "../src/scheduling/export-table.js";
import type { AppHandler, WithJobServices } from "./services.js";

export const exportTasks: AppHandler<WithJobServices<"reports">> = async (command, context) => {
  const format = command.exportFormat ?? "xlsx";
  const { locale, now, channel } = context;
  const found = await context.services.reports.weeklyReport(channel.id, now);
  const all = found?.rows ?? (await context.services.reports.taskRows(channel.id));
  const rows = command.exportWithCancelled ? all : withoutCancelled(all);
  const day = now.toISOString().slice(0, 10);
  const base = `${t(locale, "export.file_name")}-${day}`;
  const tasks = taskTable(rows, now, channel.timezone, locale);
  const sheets = found
    ? channelSheets(found.report, rows, now, channel.timezone, locale)
    : [{ name: t(locale, "export.sheet_tasks"), rows: tasks }];
  const attachment =
    format === "csv"
      ? { filename: `${base}.csv`, mimeType: "text/csv; charset=utf-8", content: toCsv(tasks) }
      : {
          filename: `${base}.xlsx`,
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          content: await toXlsx(sheets, locale),
        };
  const text = t(locale, "export.ready", { count: rows.length, format, cancelledLeftOut: all.length - rows.length });
  return { visibility: "channel", text, attachment };
};
