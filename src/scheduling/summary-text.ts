/**
 * The weekly summary as text (vi/en): done last week by whom, overdue with assignees and how late, due this week,
 * a per-person table and the change against the week before. Names are plain (no mentions): a summary informs, it
 * does not ping everyone.
 */
import type { Reply } from "../core/reply.js";
import { formatDeadline, formatDelta, formatLateness, formatPercent, formatShortDay, type Locale } from "./format.js";
import type { PersonFigures, WeeklyReport } from "./weekly-report.js";

const T = {
  vi: {
    title: (from: string, to: string) => `*Tổng kết tuần ${from}–${to}*`,
    done: "Đã xong tuần trước",
    overdue: "Quá hạn",
    dueThisWeek: "Đến hạn tuần này",
    people: "Theo người",
    change: "So với tuần trước",
    none: "(không có)",
    late: "trễ",
    onTime: "đúng hạn",
    notOnTime: "trễ hạn",
    due: "hạn",
    unassigned: "chưa giao",
    columns: ["Người", "Đang mở", "Quá hạn", "Đã xong", "Đúng hạn"],
    doneLabel: "Đã xong",
    overdueLabel: "Quá hạn",
    rateLabel: "Tỉ lệ đúng hạn",
    points: " điểm",
  },
  en: {
    title: (from: string, to: string) => `*Weekly summary ${from}–${to}*`,
    done: "Done last week",
    overdue: "Overdue",
    dueThisWeek: "Due this week",
    people: "By person",
    change: "Against the week before",
    none: "(none)",
    late: "late",
    onTime: "on time",
    notOnTime: "late",
    due: "due",
    unassigned: "unassigned",
    columns: ["Person", "Open", "Overdue", "Done", "On time"],
    doneLabel: "Done",
    overdueLabel: "Overdue",
    rateLabel: "On-time rate",
    points: " pts",
  },
} as const;

function table(rows: PersonFigures[], locale: Locale): string {
  const t = T[locale];
  const cells = [
    [...t.columns],
    ...rows.map((r) => [r.name, String(r.open), String(r.overdue), String(r.done), formatPercent(r.onTimeRate)]),
  ];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((c) => [...(c[i] as string)].length)));
  const pad = (s: string, w: number) => s + " ".repeat(w - [...s].length);
  return [
    "```",
    ...cells.map((c) =>
      c
        .map((s, i) => pad(s, widths[i] as number))
        .join("  ")
        .trimEnd(),
    ),
    "```",
  ].join("\n");
}

function rateDelta(now: number | null, before: number | null, points: string): string {
  if (now === null || before === null) return "";
  return ` (${formatDelta(Math.round(now * 100) - Math.round(before * 100), points)})`;
}

/** The summary text of `report` for a channel named `channelName` (shown when given). */
export function renderWeeklySummary(report: WeeklyReport, locale: Locale, channelName?: string): string {
  const t = T[locale];
  const zone = report.timezone;
  const lastDay = new Date(report.weekStart.getTime() - 1);
  const lines: string[] = [
    t.title(formatShortDay(report.lastWeekStart, zone), formatShortDay(lastDay, zone)) +
      (channelName ? ` — ${channelName}` : ""),
  ];
  const list = (names: string[]) => (names.length > 0 ? names.join(", ") : t.unassigned);

  lines.push("", `*${t.done} (${report.doneLastWeek.length}):*`);
  if (report.doneLastWeek.length === 0) lines.push(t.none);
  for (const d of report.doneLastWeek) {
    const when = d.onTime === null ? "" : ` (${d.onTime ? t.onTime : t.notOnTime})`;
    lines.push(`• #${d.number} ${d.title} — ${list(d.by)}${when}`);
  }
  lines.push("", `*${t.overdue} (${report.overdue.length}):*`);
  if (report.overdue.length === 0) lines.push(t.none);
  for (const o of report.overdue) {
    lines.push(
      `• #${o.number} ${o.title} — ${list(o.assignees)} — ${t.late} ${formatLateness(o.dueAt, report.now, locale)}`,
    );
  }
  lines.push("", `*${t.dueThisWeek} (${report.dueThisWeek.length}):*`);
  if (report.dueThisWeek.length === 0) lines.push(t.none);
  for (const d of report.dueThisWeek) {
    lines.push(
      `• #${d.number} ${d.title} — ${list(d.assignees)} — ${t.due} ${formatDeadline(d.dueAt, d.dueHasTime, zone, locale)}`,
    );
  }
  lines.push("", `*${t.people}:*`, report.people.length === 0 ? t.none : table(report.people, locale));
  const { current: c, previous: p } = report;
  lines.push(
    "",
    `*${t.change}:* ${t.doneLabel} ${c.done} (${formatDelta(c.done - p.done)}) · ${t.overdueLabel} ${c.overdue} (${formatDelta(c.overdue - p.overdue)}) · ${t.rateLabel} ${formatPercent(c.onTimeRate)}${rateDelta(c.onTimeRate, p.onTimeRate, t.points)}`,
  );
  return lines.join("\n");
}

/** The summary as a channel reply. */
export function renderWeeklySummaryReply(report: WeeklyReport, locale: Locale, channelName?: string): Reply {
  return { visibility: "channel", text: renderWeeklySummary(report, locale, channelName) };
}
