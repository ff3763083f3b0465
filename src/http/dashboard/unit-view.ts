/** What the dashboard's pages and downloads share: the viewer as the organisation sees them, and a unit's view. */
import type { OrgService, OrgViewer } from "../../services/org-service.js";
import { weekOfKey } from "../../services/org-weeks.js";
import type { DashboardRequest } from "./dashboard-request.js";

export const orgViewer = (r: DashboardRequest): OrgViewer => ({
  id: r.viewer.memberId,
  workspaceId: r.viewer.workspaceId,
  isWorkspaceAdmin: r.viewer.isWorkspaceAdmin,
});

/** The week a request names (`?week=2026-W49`), or null when it names none or no ISO week. */
export const pickedWeek = (r: DashboardRequest) => weekOfKey(r.url.searchParams.get("week") ?? "", r.timezone);

/**
 * A unit's roll-up, its people and tasks (optionally one person's, optionally one week's: `?week=2026-W49`), or null
 * when the viewer may not see it.
 */
export async function unitView(org: OrgService, r: DashboardRequest, unitId: string) {
  const rollup = await org.rollup(orgViewer(r), r.now, r.timezone, unitId);
  const top = rollup.rows.find((row) => row.unit.id === unitId);
  if (!top) return null;
  const asked = r.url.searchParams.get("person") ?? "";
  const personId = /^[0-9a-f-]{36}$/.test(asked) ? asked : null;
  const week = pickedWeek(r);
  const unitIds = rollup.rows.map((row) => row.unit.id);
  const [people, tasks] = await Promise.all([
    org.people(unitIds, rollup.weeks),
    org.taskRows({ unitIds, ...(personId ? { memberId: personId } : {}), ...(week ? { week } : {}) }),
  ]);
  return { rollup, top, people, tasks, personId, unitIds, week };
}
