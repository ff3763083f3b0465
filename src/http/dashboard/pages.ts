/**
 * Each dashboard page: check what the viewer may see, read it, render it. A unit, channel or task the viewer may not
 * see answers false, which the route turns into the same 404 as one that does not exist.
 */
import type { ServerResponse } from "node:http";
import { channelPage, overduePage, type PageContext, taskPage, unitPage } from "../../render/dashboard/detail-pages.js";
import { overviewPage } from "../../render/dashboard/overview-page.js";
import type { OrgService } from "../../services/org-service.js";
import { pastWeekChoices, weekChoices } from "../../services/org-weeks.js";
import type { ReportService } from "../../services/report-service.js";
import type { DashboardRequest } from "./dashboard-request.js";
import { dashboardExports } from "./exports.js";
import { sendPage } from "./responses.js";
import { orgViewer, pickedWeek, unitView } from "./unit-view.js";

export type DashboardPages = ReturnType<typeof dashboardPages>;

const pageContext = (r: DashboardRequest): PageContext => ({
  locale: r.locale,
  path: `${r.url.pathname}${r.url.search}`,
  viewerName: r.viewer.displayName,
  now: r.now,
  timezone: r.timezone,
});

export function dashboardPages(options: { org: OrgService; reports: ReportService }) {
  const { org, reports } = options;

  return {
    ...dashboardExports(options),
    async overview(r: DashboardRequest, response: ServerResponse): Promise<boolean> {
      const week = pickedWeek(r);
      const rollup = await org.rollup(orgViewer(r), r.now, r.timezone, undefined, { trend: true, week });
      const data = {
        rollup,
        trend: rollup.trend ?? [],
        viewerName: r.viewer.displayName,
        locale: r.locale,
        path: `${r.url.pathname}${r.url.search}`,
        weeks: pastWeekChoices(r.now, r.timezone),
        cancelled: r.url.searchParams.has("cancelled"),
      };
      sendPage(response, 200, overviewPage(data));
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
      const view = await unitView(org, r, unitId);
      if (!view) return false;
      const data = { unitName: view.top.unit.name, unitId, ...view, weeks: weekChoices(view.rollup.weeks) };
      sendPage(response, 200, unitPage(data, pageContext(r)));
      return true;
    },

    async channel(r: DashboardRequest, response: ServerResponse, channelId: string): Promise<boolean> {
      if (!(await org.canSeeChannel(orgViewer(r), channelId))) return false;
      const tasks = await org.taskRows({ channelId, includeCancelled: true });
      const summary = await reports.channel(channelId);
      sendPage(response, 200, channelPage(channelId, summary?.name ?? "", tasks, pageContext(r)));
      return true;
    },

    async task(r: DashboardRequest, response: ServerResponse, taskId: string): Promise<boolean> {
      const detail = await org.taskDetail(taskId);
      if (!detail || !(await org.canSeeChannel(orgViewer(r), detail.row.channelId))) return false;
      sendPage(response, 200, taskPage(detail, pageContext(r)));
      return true;
    },
  };
}
