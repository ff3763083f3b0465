/**
 * The weekly summary as text (vi/en): done last week by whom, overdue with assignees and how late, due this week,
 * a per-person table and the change against the week before. Names are plain (no mentions): a summary informs, it
 * does not ping everyone.
 */
import type { Reply } from "../core/reply.js";
import type { SummaryView } from "../core/summary-view.js";
import { formatDeadline, formatDelta, formatLateness, formatPercent, formatShortDay, type Locale } from "./format.js";
import type { PersonFigures, WeeklyReport } from "./weekly-report.js";

const T = {
  vi: {
    title: (from: string, to: string) => `Tổng kết tuần ${from}–${to}`,
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
    title: (from: string, to: string) => `Weekly summary ${from}–${to}`,
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

/** The summary in structured form (plain strings in the channel's language), for adapters that draw it. */
export function buildSummaryView(report: WeeklyReport, locale: Locale, channelName?: string): SummaryView {
  const t = T[locale];
  const zone = report.timezone;
  const lastDay = new Date(report.weekStart.getTime() - 1);
  const list = (names: string[]) => (names.length > 0 ? names.join(", ") : t.unassigned);
  const done = report.doneLastWeek.map((d) => {
    const when = d.onTime === null ? "" : ` (${d.onTime ? t.onTime : t.notOnTime})`;
    return `#${d.number} ${d.title} — ${list(d.by)}${when}`;
  });
  const overdue = report.overdue.map(
    (o) => `#${o.number} ${o.title} — ${list(o.assignees)} — ${t.late} ${formatLateness(o.dueAt, report.now, locale)}`,
  );
  const dueThisWeek = report.dueThisWeek.map(
    (d) =>
      `#${d.number} ${d.title} — ${list(d.assignees)} — ${t.due} ${formatDeadline(d.dueAt, d.dueHasTime, zone, locale)}`,
  );
  const { current: c, previous: p } = report;
  return {
    locale,
    title: t.title(formatShortDay(report.lastWeekStart, zone), formatShortDay(lastDay, zone)),
    ...(channelName ? { channelName } : {}),
    sections: [
      { key: "done", title: t.done, lines: done },
      { key: "overdue", title: t.overdue, lines: overdue },
      { key: "dueThisWeek", title: t.dueThisWeek, lines: dueThisWeek },
    ],
    none: t.none,
    people: {
      title: t.people,
      columns: [...t.columns],
      labels: { done: t.doneLabel, overdue: t.overdueLabel, open: t.columns[1] },
      rows: report.people.map((r) => ({ ...r })),
      table: report.people.length === 0 ? null : table(report.people, locale),
    },
    change: {
      title: t.change,
      text: `${t.doneLabel} ${c.done} (${formatDelta(c.done - p.done)}) · ${t.overdueLabel} ${c.overdue} (${formatDelta(c.overdue - p.overdue)}) · ${t.rateLabel} ${formatPercent(c.onTimeRate)}${rateDelta(c.onTimeRate, p.onTimeRate, t.points)}`,
    },
  };
}

/** The summary text of `report` for a channel named `channelName` (shown when given). */
export function renderWeeklySummary(report: WeeklyReport, locale: Locale, channelName?: string): string {
  return summaryViewText(buildSummaryView(report, locale, channelName));
}

/** The text form of a summary view: what Zalo and the terminal show, and Slack's notification fallback. */
export function summaryViewText(view: SummaryView): string {
  const lines: string[] = [`*${view.title}*${view.channelName ? ` — ${view.channelName}` : ""}`];
  for (const section of view.sections) {
    lines.push("", `*${section.title} (${section.lines.length}):*`);
    if (section.lines.length === 0) lines.push(view.none);
    for (const line of section.lines) lines.push(`• ${line}`);
  }
  lines.push("", `*${view.people.title}:*`, view.people.table ?? view.none);
  lines.push("", `*${view.change.title}:* ${view.change.text}`);
  return lines.join("\n");
}

/** The summary as a channel reply; the structured view rides along for adapters that draw it (Slack). */
export function renderWeeklySummaryReply(report: WeeklyReport, locale: Locale, channelName?: string): Reply {
  const summary = buildSummaryView(report, locale, channelName);
  return { visibility: "channel", text: summaryViewText(summary), kind: "summary", summary };
}
