/** The dashboard's downloads: a unit's tasks, a channel's export (how Zalo users get it), the roll-up. */
import type { ServerResponse } from "node:http";
import { t } from "../../i18n/index.js";
import { CSV_MIME, rollupFile, unitTaskTable, XLSX_MIME } from "../../render/org-export.js";
import { channelSheets, taskTable, toCsv, toXlsx, withoutCancelled } from "../../scheduling/export-table.js";
import type { OrgService } from "../../services/org-service.js";
import type { ReportService } from "../../services/report-service.js";
import type { DashboardRequest } from "./dashboard-request.js";
import { sendFile } from "./responses.js";
import { orgViewer, pickedWeek, unitView } from "./unit-view.js";

export function dashboardExports(options: { org: OrgService; reports: ReportService }) {
  const { org, reports } = options;
  return {
    async unitExport(r: DashboardRequest, response: ServerResponse, unitId: string, format: "xlsx" | "csv") {
      const view = await unitView(org, r, unitId);
      if (!view) return false;
      const rows = unitTaskTable(view.tasks, r.now, r.timezone, r.locale);
      const base = `${r.locale === "vi" ? "don-vi" : "unit"}-${r.now.toISOString().slice(0, 10)}`;
      sendFile(
        response,
        format === "csv"
          ? { filename: `${base}.csv`, mimeType: CSV_MIME, content: toCsv(rows) }
          : {
              filename: `${base}.xlsx`,
              mimeType: XLSX_MIME,
              content: await toXlsx([{ name: t(r.locale, "export.sheet_tasks"), rows }], r.locale),
            },
      );
      return true;
    },

    /** The channel's export, the same file `xuất báo cáo xlsx` attaches in chat (how Zalo users get it). */
    async channelExport(r: DashboardRequest, response: ServerResponse, channelId: string, format: "xlsx" | "csv") {
      if (!(await org.canSeeChannel(orgViewer(r), channelId))) return false;
      const found = await reports.weeklyReport(channelId, r.now);
      if (!found) return false;
      const locale = r.url.searchParams.has("lang") ? r.locale : found.channel.locale;
      const all = found.rows;
      const rows = r.url.searchParams.has("cancelled") ? all : withoutCancelled(all);
      const zone = found.channel.timezone;
      const base = `${t(locale, "export.file_name")}-${r.now.toISOString().slice(0, 10)}`;
      sendFile(
        response,
        format === "csv"
          ? { filename: `${base}.csv`, mimeType: CSV_MIME, content: toCsv(taskTable(rows, r.now, zone, locale)) }
          : {
              filename: `${base}.xlsx`,
              mimeType: XLSX_MIME,
              content: await toXlsx(channelSheets(found.report, rows, r.now, zone, locale), locale),
            },
      );
      return true;
    },

    /** The overview's table as shown (`?week` for a past week as it stood at its end), with each unit's tasks. */
    async rollupExport(r: DashboardRequest, response: ServerResponse, format: "xlsx" | "csv"): Promise<boolean> {
      const rollup = await org.rollup(orgViewer(r), r.now, r.timezone, undefined, { week: pickedWeek(r) });
      const unitIds = rollup.rows.map((row) => row.unit.id);
      const includeCancelled = r.url.searchParams.has("cancelled");
      const week = rollup.weeks.past;
      const tasks =
        format === "xlsx" ? await org.taskRows({ unitIds, includeCancelled, ...(week ? { week } : {}) }) : [];
      sendFile(response, await rollupFile(rollup, tasks, format, r.locale));
      return true;
    },
  };
}
