/**
 * Each dashboard page: check what the viewer may see, read it, render it. A unit, channel or task the viewer may not
 * see answers false, which the route turns into the same 404 as one that does not exist.
 */
import type { ServerResponse } from "node:http";
import { channelPage, overduePage, type PageContext, taskPage, unitPage } from "../../render/dashboard/detail-pages.js";
import { overviewPage } from "../../render/dashboard/overview-page.js";
import { CSV_MIME, rollupFile, unitTaskTable, XLSX_MIME } from "../../render/org-export.js";
import { peopleTable, taskTable, toCsv, toXlsx } from "../../scheduling/export-table.js";
import type { OrgService, OrgViewer } from "../../services/org-service.js";
import type { ReportService } from "../../services/report-service.js";
import type { DashboardRequest } from "./dashboard-route.js";
import { sendFile, sendPage } from "./responses.js";

export type DashboardPages = ReturnType<typeof dashboardPages>;

const orgViewer = (r: DashboardRequest): OrgViewer => ({
  id: r.viewer.memberId,
  workspaceId: r.viewer.workspaceId,
  isWorkspaceAdmin: r.viewer.isWorkspaceAdmin,
});

const pageContext = (r: DashboardRequest): PageContext => ({
  locale: r.locale,
  path: `${r.url.pathname}${r.url.search}`,
  viewerName: r.viewer.displayName,
  now: r.now,
  timezone: r.timezone,
});

export function dashboardPages(options: { org: OrgService; reports: ReportService }) {
  const { org, reports } = options;

  async function unitView(r: DashboardRequest, unitId: string) {
    const rollup = await org.rollup(orgViewer(r), r.now, r.timezone, unitId);
    const top = rollup.rows.find((row) => row.unit.id === unitId);
    if (!top) return null;
    const asked = r.url.searchParams.get("person") ?? "";
    const personId = /^[0-9a-f-]{36}$/.test(asked) ? asked : null;
    const unitIds = rollup.rows.map((row) => row.unit.id);
    const [people, tasks] = await Promise.all([
      org.people(unitIds, rollup.weeks),
      org.taskRows({ unitIds, ...(personId ? { memberId: personId } : {}) }),
    ]);
    return { rollup, top, people, tasks, personId, unitIds };
  }

  return {
    async overview(r: DashboardRequest, response: ServerResponse): Promise<boolean> {
      const rollup = await org.rollup(orgViewer(r), r.now, r.timezone, undefined, { trend: true });
      const trend = rollup.trend ?? [];
      const path = `${r.url.pathname}${r.url.search}`;
      sendPage(
        response,
        200,
        overviewPage({ rollup, trend, viewerName: r.viewer.displayName, locale: r.locale, path }),
      );
      return true;
    },

    async overdue(r: DashboardRequest, response: ServerResponse): Promise<boolean> {
      const units = await org.rollup(orgViewer(r), r.now, r.timezone);
      const tasks = await org.overdue(
        units.rows.map((row) => row.unit.id),
        r.now,
        2_000,
      );
      const names = new Map(units.rows.map((row) => [row.unit.id, row.unit.name]));
      sendPage(response, 200, overduePage(tasks, names, pageContext(r)));
      return true;
    },

    async unit(r: DashboardRequest, response: ServerResponse, unitId: string): Promise<boolean> {
      const view = await unitView(r, unitId);
      if (!view) return false;
      const data = { unitName: view.top.unit.name, unitId, ...view };
      sendPage(response, 200, unitPage(data, pageContext(r)));
      return true;
    },

    async unitExport(r: DashboardRequest, response: ServerResponse, unitId: string, format: "xlsx" | "csv") {
      const view = await unitView(r, unitId);
      if (!view) return false;
      const rows = unitTaskTable(view.tasks, r.now, r.timezone, r.locale);
      const base = `${r.locale === "vi" ? "don-vi" : "unit"}-${r.now.toISOString().slice(0, 10)}`;
      sendFile(
        response,
        format === "csv"
          ? { filename: `${base}.csv`, mimeType: CSV_MIME, content: toCsv(rows) }
          : { filename: `${base}.xlsx`, mimeType: XLSX_MIME, content: await toXlsx([{ name: "Tasks", rows }]) },
      );
      return true;
    },

    async channel(r: DashboardRequest, response: ServerResponse, channelId: string): Promise<boolean> {
      if (!(await org.canSeeChannel(orgViewer(r), channelId))) return false;
      const tasks = await org.taskRows({ channelId, includeCancelled: true });
      const summary = await reports.channel(channelId);
      sendPage(response, 200, channelPage(channelId, summary?.name ?? "", tasks, pageContext(r)));
      return true;
    },

    /** The channel's export, the same file `xuất báo cáo xlsx` attaches in chat (how Zalo users get it). */
    async channelExport(r: DashboardRequest, response: ServerResponse, channelId: string, format: "xlsx" | "csv") {
      if (!(await org.canSeeChannel(orgViewer(r), channelId))) return false;
      const found = await reports.weeklyReport(channelId, r.now);
      if (!found) return false;
      const locale = r.url.searchParams.has("lang") ? r.locale : found.channel.locale;
      const tasks = taskTable(await reports.taskRows(channelId), r.now, found.channel.timezone, locale);
      const base = `${locale === "vi" ? "bao-cao" : "report"}-${r.now.toISOString().slice(0, 10)}`;
      const people = peopleTable(found.report, locale);
      sendFile(
        response,
        format === "csv"
          ? { filename: `${base}.csv`, mimeType: CSV_MIME, content: toCsv(tasks) }
          : {
              filename: `${base}.xlsx`,
              mimeType: XLSX_MIME,
              content: await toXlsx([
                { name: locale === "vi" ? "Công việc" : "Tasks", rows: tasks },
                { name: locale === "vi" ? "Theo người" : "By person", rows: people },
              ]),
            },
      );
      return true;
    },

    async task(r: DashboardRequest, response: ServerResponse, taskId: string): Promise<boolean> {
      const detail = await org.taskDetail(taskId);
      if (!detail || !(await org.canSeeChannel(orgViewer(r), detail.row.channelId))) return false;
      sendPage(response, 200, taskPage(detail, pageContext(r)));
      return true;
    },

    async rollupExport(r: DashboardRequest, response: ServerResponse, format: "xlsx" | "csv"): Promise<boolean> {
      const rollup = await org.rollup(orgViewer(r), r.now, r.timezone);
      const unitIds = rollup.rows.map((row) => row.unit.id);
      const tasks = format === "xlsx" ? await org.taskRows({ unitIds }) : [];
      sendFile(response, await rollupFile(rollup, tasks, format, r.locale));
      return true;
    },
  };
}
