/**
 * A task as reports and exports read it (src/scheduling/weekly-report.ts's ReportTaskRow): the columns to select and
 * the mapping from them, shared by the channel's report (report-service.ts) and the organisation's lists
 * (org-tasks.ts).
 */
import type { Prisma } from "../generated/prisma/client.js";
import type { ReportTaskRow } from "../scheduling/weekly-report.js";

export const reportTaskSelect = {
  number: true,
  title: true,
  status: true,
  dueAt: true,
  dueHasTime: true,
  createdAt: true,
  closedAt: true,
  closedById: true,
  occurrence: { select: { series: { select: { number: true } } } },
  assignees: {
    select: { memberId: true, doneAt: true, member: { select: { displayName: true } } },
    orderBy: [{ position: "asc" }, { memberId: "asc" }] as Prisma.TaskAssigneeOrderByWithRelationInput[],
  },
} as const;

type SelectedTask = Prisma.TaskGetPayload<{ select: typeof reportTaskSelect }>;

/** The row of a selected task; the name of who closed it is the caller's to give (it is read apart, once per list). */
export function toReportTaskRow(task: SelectedTask, closedByName: string | null = null): ReportTaskRow {
  const { closedById: _closedBy, assignees, occurrence, ...row } = task;
  return {
    ...row,
    seriesNumber: occurrence?.series.number ?? null,
    closedByName,
    assignees: assignees.map((a) => ({ memberId: a.memberId, name: a.member.displayName, doneAt: a.doneAt })),
  };
}
