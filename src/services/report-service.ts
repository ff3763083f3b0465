/**
 * Reads what weekly summaries and exports need: the channel's settings and its tasks as plain rows. The report
 * itself is computed by src/scheduling/weekly-report.ts (pure).
 */

import type { Platform } from "../core/incoming.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Locale } from "../locale.js";
import { buildWeeklyReport, type ReportTaskRow, type WeeklyReport } from "../scheduling/index.js";
import { reportTaskSelect, toReportTaskRow } from "./report-task-rows.js";

export interface SummaryChannel {
  id: string;
  name: string | null;
  platform: Platform;
  target: string;
  locale: Locale;
  timezone: string;
  summaryEnabled: boolean;
  summaryCron: string;
  createdAt: Date;
}

const channelSelect = {
  id: true,
  name: true,
  externalId: true,
  locale: true,
  timezone: true,
  summaryEnabled: true,
  summaryCron: true,
  createdAt: true,
  workspace: { select: { platform: true } },
} as const;

function toSummaryChannel(row: {
  id: string;
  name: string | null;
  externalId: string;
  locale: string;
  timezone: string;
  summaryEnabled: boolean;
  summaryCron: string;
  createdAt: Date;
  workspace: { platform: Platform };
}): SummaryChannel {
  return {
    id: row.id,
    name: row.name,
    platform: row.workspace.platform,
    target: row.externalId,
    locale: row.locale === "en" ? "en" : "vi",
    timezone: row.timezone,
    summaryEnabled: row.summaryEnabled,
    summaryCron: row.summaryCron,
    createdAt: row.createdAt,
  };
}

export type ReportService = ReturnType<typeof createReportService>;

export function createReportService(options: { prisma: PrismaClient }) {
  const { prisma } = options;

  async function taskRows(channelId: string): Promise<ReportTaskRow[]> {
    // A task withdrawn by undo never happened as far as reports and exports go.
    const rows = await prisma.task.findMany({
      where: { channelId, withdrawnAt: null },
      select: reportTaskSelect,
      orderBy: { number: "asc" },
    });
    const closerIds = [...new Set(rows.flatMap((r) => (r.closedById ? [r.closedById] : [])))];
    const closers = new Map(
      (await prisma.member.findMany({ where: { id: { in: closerIds } }, select: { id: true, displayName: true } })).map(
        (m) => [m.id, m.displayName],
      ),
    );
    return rows.map((row) => toReportTaskRow(row, row.closedById ? (closers.get(row.closedById) ?? null) : null));
  }

  return {
    taskRows,

    /** Ids of the channel's open tasks (re-planned when the channel's settings change). */
    async openTaskIds(channelId: string): Promise<string[]> {
      const rows = await prisma.task.findMany({ where: { channelId, status: "open" }, select: { id: true } });
      return rows.map((r) => r.id);
    },

    async channel(channelId: string): Promise<SummaryChannel | null> {
      const row = await prisma.channel.findUnique({ where: { id: channelId }, select: channelSelect });
      return row ? toSummaryChannel(row) : null;
    },

    /** Every channel with its summary settings (the reconciler upserts or removes each one's job scheduler). */
    async listChannels(): Promise<SummaryChannel[]> {
      const rows = await prisma.channel.findMany({ select: channelSelect, orderBy: { createdAt: "asc" } });
      return rows.map(toSummaryChannel);
    },

    /**
     * The weekly report of a channel at `now`, in the channel's zone, with the task rows it was built from (an export
     * lists them, without reading them again); null when the channel does not exist.
     */
    async weeklyReport(
      channelId: string,
      now: Date,
    ): Promise<{ channel: SummaryChannel; report: WeeklyReport; rows: ReportTaskRow[] } | null> {
      const row = await prisma.channel.findUnique({ where: { id: channelId }, select: channelSelect });
      if (!row) return null;
      const channel = toSummaryChannel(row);
      const rows = await taskRows(channelId);
      return { channel, report: buildWeeklyReport(rows, now, channel.timezone), rows };
    },
  };
}
