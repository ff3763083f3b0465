/**
 * The weekly summary as text (vi/en): done last week by whom, overdue with assignees and how late, due this week,
 * a per-person table and the change against the week before. Names are plain (no mentions): a summary informs, it
 * does not ping everyone.
 */
import type { Reply } from "../core/reply.js";
import type { SummaryView } from "../core/summary-view.js";
import { t } from "../i18n/index.js";
import { formatDue } from "../language/index.js";
import { formatDelta, formatLateness, formatPercent, formatShortDay, type Locale } from "./format.js";
import type { PersonFigures, WeeklyReport } from "./weekly-report.js";

/** The columns of the per-person table, in order. */
const COLUMNS = [
  "summary.column.person",
  "summary.column.open",
  "summary.column.overdue",
  "summary.column.done",
  "summary.column.on_time",
] as const;

function table(rows: PersonFigures[], locale: Locale): string {
  const columns = COLUMNS.map((id) => t(locale, id));
  const cells = [
    columns,
    ...rows.map((r) => [r.name, String(r.open), String(r.overdue), String(r.done), formatPercent(r.onTimeRate)]),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((c) => [...(c[i] as string)].length)));
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

/** "#12 nộp báo cáo tuần (định kỳ #L3)": a task, and the series it is an occurrence of. */
function taskName(item: { number: number; title: string; seriesNumber: number | null }, locale: Locale): string {
  const series = item.seriesNumber ? ` (${t(locale, "summary.series", { number: item.seriesNumber })})` : "";
  return `#${item.number} ${item.title}${series}`;
}

/** The done, overdue and due-this-week lines of the summary. */
function sectionLines(report: WeeklyReport, locale: Locale) {
  const list = (names: string[]) => (names.length > 0 ? names.join(", ") : t(locale, "summary.unassigned"));
  const done = report.doneLastWeek.map((d) => {
    const when = d.onTime === null ? "" : ` (${t(locale, d.onTime ? "summary.on_time" : "summary.not_on_time")})`;
    return `${taskName(d, locale)} — ${list(d.by)}${when}`;
  });
  const overdue = report.overdue.map((o) => {
    const late = t(locale, "summary.late", { lateness: formatLateness(o.dueAt, report.now, locale) });
    return `${taskName(o, locale)} — ${list(o.assignees)} — ${late}`;
  });
  const dueThisWeek = report.dueThisWeek.map((d) => {
    const due = formatDue({ deadline: d.dueAt, hasTime: d.dueHasTime }, locale, report.timezone);
    return `${taskName(d, locale)} — ${list(d.assignees)} — ${t(locale, "summary.due", { due })}`;
  });
  return { done, overdue, dueThisWeek };
}

/** "Đã xong 5 (+2) · Quá hạn 1 (−1) · Tỉ lệ đúng hạn 80% (+5 điểm)": this week against the one before. */
function changeText(report: WeeklyReport, locale: Locale): string {
  const { current: c, previous: p } = report;
  const done = `${t(locale, "summary.column.done")} ${c.done} (${formatDelta(c.done - p.done)})`;
  const overdue = `${t(locale, "summary.overdue")} ${c.overdue} (${formatDelta(c.overdue - p.overdue)})`;
  const points = t(locale, "summary.points");
  const rate = `${t(locale, "summary.rate")} ${formatPercent(c.onTimeRate)}${rateDelta(c.onTimeRate, p.onTimeRate, points)}`;
  return `${done} · ${overdue} · ${rate}`;
}

/** The summary in structured form (plain strings in the channel's language), for adapters that draw it. */
export function buildSummaryView(report: WeeklyReport, locale: Locale, channelName?: string): SummaryView {
  const zone = report.timezone;
  const lastDay = new Date(report.weekStart.getTime() - 1);
  const { done, overdue, dueThisWeek } = sectionLines(report, locale);
  return {
    locale,
    title: t(locale, "summary.title", {
      from: formatShortDay(report.lastWeekStart, zone),
      to: formatShortDay(lastDay, zone),
    }),
    ...(channelName ? { channelName } : {}),
    sections: [
      { key: "done", title: t(locale, "summary.done"), lines: done },
      { key: "overdue", title: t(locale, "summary.overdue"), lines: overdue },
      { key: "dueThisWeek", title: t(locale, "summary.due_this_week"), lines: dueThisWeek },
    ],
    none: t(locale, "summary.none"),
    people: {
      title: t(locale, "summary.people"),
      columns: COLUMNS.map((id) => t(locale, id)),
      labels: {
        done: t(locale, "summary.column.done"),
        overdue: t(locale, "summary.overdue"),
        open: t(locale, "summary.column.open"),
      },
      rows: report.people.map((r) => ({ ...r })),
      table: report.people.length === 0 ? null : table(report.people, locale),
    },
    change: { title: t(locale, "summary.change"), text: changeText(report, locale) },
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
