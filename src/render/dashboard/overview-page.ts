/**
 * The overview: one row per unit the viewer may see (its subtree's figures, as the chat roll-up), charts of the
 * units, the last 8 weeks and the overdue tasks' ageing, and downloads of exactly this table.
 */
import type { Locale } from "../../core/incoming.js";
import { localDay } from "../../scheduling/local-time.js";
import type { WeekPoint } from "../../services/org-rollup.js";
import type { OrgRollup } from "../../services/org-service.js";
import { onTimeRate } from "../../services/org-tree.js";
import type { PickedWeek } from "../../services/org-weeks.js";
import { addFigures } from "../../services/unit-figures.js";
import { change, percent } from "../org-rollup-text.js";
import { escapeHtml, html, jsonScript, raw, type SafeHtml } from "./html.js";
import { page, withLang } from "./layout.js";
import { type DashboardWords, dashboardWords } from "./words.js";

/** Units drawn in the bar chart: the top of the tree first, at most this many (the table lists them all). */
const UNITS_IN_CHART = 24;

export interface OverviewData {
  rollup: OrgRollup;
  trend: WeekPoint[];
  viewerName: string;
  locale: Locale;
  path: string;
  /** The past weeks the filter offers (newest first); the rollup's `weeks.past` is the one shown, if any. */
  weeks: PickedWeek[];
  /** Whether the downloads list cancelled tasks too (`?cancelled`), kept by the filter. */
  cancelled: boolean;
}

export function dayText(at: Date, zone: string): string {
  return localDay(at, zone).split("-").reverse().join("/");
}

/** The column names of the figures: this week's, or those of a past week as it stood at its end. */
function columnWords(rollup: OrgRollup, words: DashboardWords) {
  const past = rollup.weeks.past ? words.pastWeek : null;
  return {
    open: past?.open ?? words.open,
    overdue: past?.overdue ?? words.overdue,
    due: past?.dueInWeek ?? words.dueThisWeek,
    done: past?.doneInWeek ?? words.doneLastWeek,
    legend: past?.legend ?? words.legend,
  };
}

/**
 * The table's rows, one per unit, as one string: at a thousand units the tagged template's escaping of each value
 * and parsing each link were most of the page's rendering time. Every value that is not a number is escaped.
 */
function unitRowsHtml(rollup: OrgRollup, words: DashboardWords, locale: Locale): SafeHtml {
  let out = "";
  for (const { unit, depth, subtree: f } of rollup.rows) {
    const id = escapeHtml(unit.id);
    const late = f.maxLateHours === null ? "—" : words.hours(f.maxLateHours);
    const onTime = percent(onTimeRate(f), f.measuredLastWeek, f.onTimeLastWeek);
    out += `<tr data-unit="${id}">
<th scope="row" class="depth-${Math.min(depth, 4)}"><a href="${escapeHtml(withLang(`/dashboard/unit/${unit.id}`, locale))}">${escapeHtml(unit.name)}</a></th>
<td data-figure="open">${f.open}</td>
<td data-figure="overdue" class="${f.overdue > 0 ? "bad" : ""}">${f.overdue} <small>${escapeHtml(change(f.overdue, f.overdueWeekAgo))}</small></td>
<td>${escapeHtml(late)}</td>
<td data-figure="dueThisWeek">${f.dueThisWeek}</td>
<td data-figure="doneLastWeek">${f.doneLastWeek} <small>${escapeHtml(change(f.doneLastWeek, f.doneWeekBefore))}</small></td>
<td>${escapeHtml(onTime)}</td></tr>`;
  }
  return raw(out);
}

export function unitTable(rollup: OrgRollup, words: DashboardWords, locale: Locale): SafeHtml {
  const columns = columnWords(rollup, words);
  const total = addFigures(
    "total",
    rollup.rows.filter((r) => r.depth === 0).map((r) => r.subtree),
  );
  return html`<div class="table-wrap"><table class="figures" id="units">
<caption>${words.unitsChart}</caption>
<thead><tr><th scope="col">${words.unit}</th><th scope="col">${columns.open}</th><th scope="col">${columns.overdue}</th>
<th scope="col">${words.worstLate}</th><th scope="col">${columns.due}</th><th scope="col">${columns.done}</th>
<th scope="col">${words.onTime}</th></tr></thead>
<tbody>${unitRowsHtml(rollup, words, locale)}</tbody>
<tfoot><tr><th scope="row">Σ</th><td data-total="open">${total.open}</td><td data-total="overdue">${total.overdue}</td><td></td>
<td>${total.dueThisWeek}</td><td>${total.doneLastWeek}</td><td>${percent(onTimeRate(total), total.measuredLastWeek, total.onTimeLastWeek)}</td></tr></tfoot>
</table></div>
<p class="legend">${columns.legend}</p>`;
}

function chartData(data: OverviewData, words: DashboardWords) {
  const { rollup, trend } = data;
  const units = [...rollup.rows].sort((a, b) => a.depth - b.depth).slice(0, UNITS_IN_CHART);
  const ageing = addFigures(
    "total",
    rollup.rows.filter((r) => r.depth === 0).map((r) => r.subtree),
  ).ageing;
  return {
    units: {
      labels: units.map((r) => r.unit.name),
      series: [
        { label: words.open, data: units.map((r) => r.subtree.open) },
        { label: words.overdue, data: units.map((r) => r.subtree.overdue) },
        { label: columnWords(rollup, words).done, data: units.map((r) => r.subtree.doneLastWeek) },
      ],
    },
    trend: {
      labels: trend.map((p) => dayText(p.weekStart, rollup.weeks.timezone)),
      onTime: trend.map((p) => (p.measured === 0 ? null : Math.round((p.onTime / p.measured) * 100))),
      overdue: trend.map((p) => p.overdueAtEnd),
      onTimeLabel: words.trendOnTime,
      overdueLabel: words.trendOverdue,
    },
    ageing: { labels: words.ageingBuckets, data: ageing, label: words.overdue },
  };
}

/** The week filter: this week (live) or a past week as it stood at its end. Plain GET, so it works without script. */
function weekFilter(data: OverviewData, words: DashboardWords): SafeHtml {
  const shown = data.rollup.weeks.past;
  const weeks = shown && !data.weeks.some((w) => w.key === shown.key) ? [shown, ...data.weeks] : data.weeks;
  const zone = data.rollup.weeks.timezone;
  return html`<form method="get" class="filter">
  ${data.locale === "en" ? html`<input type="hidden" name="lang" value="en">` : null}
  ${data.cancelled ? html`<input type="hidden" name="cancelled" value="1">` : null}
  <label for="week">${words.week}</label>
  <select id="week" name="week"><option value="">${words.thisWeekNow}</option>
  ${weeks.map((w) => html`<option value="${w.key}"${w.key === shown?.key ? html` selected` : null}>${words.weekOf(dayText(w.from, zone))}</option>`)}
  </select>
  <button type="submit">${words.filter}</button>
</form>`;
}

/** A download of exactly what the page shows: the same week, the same choice about cancelled tasks, the language. */
function downloadPath(data: OverviewData, format: "xlsx" | "csv"): string {
  const query = new URLSearchParams();
  if (data.rollup.weeks.past) query.set("week", data.rollup.weeks.past.key);
  if (data.cancelled) query.set("cancelled", "1");
  const search = query.size > 0 ? `?${query}` : "";
  return withLang(`/dashboard/export/rollup.${format}${search}`, data.locale);
}

function chart(id: string, title: string): SafeHtml {
  return html`<figure class="chart"><figcaption>${title}</figcaption><div class="chart-box"><canvas id="${id}" role="img" aria-label="${title}"></canvas></div></figure>`;
}

export function overviewPage(data: OverviewData): string {
  const { rollup, locale } = data;
  const words = dashboardWords(locale);
  const frame = { locale, path: data.path, title: words.overview, viewerName: data.viewerName, charts: true };
  if (rollup.rows.length === 0) return page({ ...frame, charts: false }, html`<p>${words.nothingVisible}</p>`);
  const weekShown = rollup.weeks.past?.from ?? rollup.weeks.weekStart;
  const body = html`${weekFilter(data, words)}
<p class="week">${words.weekOf(dayText(weekShown, rollup.weeks.timezone))}</p>
${unitTable(rollup, words, locale)}
<p class="downloads">${words.download}:
<a href="${downloadPath(data, "xlsx")}" download>XLSX</a> · <a href="${downloadPath(data, "csv")}" download>CSV</a></p>
<div class="charts">
${chart("chart-units", words.unitsChart)}
${chart("chart-trend", rollup.weeks.past ? words.pastWeek.trendTitle : words.trendTitle)}
${chart("chart-ageing", words.ageingTitle)}
</div>
${jsonScript("chart-data", chartData(data, words))}`;
  return page(frame, body);
}
