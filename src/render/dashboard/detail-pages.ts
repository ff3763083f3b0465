/**
 * The pages below the overview: a unit (its units, people and tasks, filtered by person), a channel's tasks, one task
 * with its history, and the overdue list. Every value is escaped by html``.
 */
import type { Locale } from "../../core/incoming.js";
import { toPlainText } from "../../core/reply.js";
import { localMinutes } from "../../scheduling/local-time.js";
import type { OverdueTask, PersonFigures } from "../../services/org-rollup.js";
import type { OrgRollup } from "../../services/org-service.js";
import type { TaskDetail, UnitTaskRow } from "../../services/org-tasks.js";
import type { PickedWeek } from "../../services/org-weeks.js";
import { describeTaskEvent } from "../history.js";
import { html, type SafeHtml } from "./html.js";
import { page, withLang } from "./layout.js";
import { dayText, unitTable } from "./overview-page.js";
import { type DashboardWords, dashboardWords } from "./words.js";

export interface PageContext {
  locale: Locale;
  path: string;
  viewerName: string;
  now: Date;
  timezone: string;
}

function moment(at: Date | null, zone: string): string {
  if (!at) return "";
  const minutes = localMinutes(at, zone);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${hh}:${mm} ${dayText(at, zone)}`;
}

function lateness(task: UnitTaskRow, now: Date, words: DashboardWords): string {
  const finished = task.status === "done" ? task.closedAt : task.status === "open" ? now : null;
  if (!task.dueAt || !finished || finished <= task.dueAt) return "";
  return words.hours(Math.max(1, Math.round((finished.getTime() - task.dueAt.getTime()) / 3_600_000)));
}

export function taskTable(tasks: readonly UnitTaskRow[], ctx: PageContext): SafeHtml {
  const words = dashboardWords(ctx.locale);
  if (tasks.length === 0) return html`<p>${words.noTasks}</p>`;
  return html`<div class="table-wrap"><table class="tasks">
<thead><tr><th scope="col">${words.channel}</th><th scope="col">#</th><th scope="col">${words.task}</th>
<th scope="col">${words.status}</th><th scope="col">${words.assignees}</th><th scope="col">${words.due}</th>
<th scope="col">${words.late}</th></tr></thead>
<tbody>${tasks.map(
    (t) => html`<tr data-task="${t.id}"><td>${t.channelName ?? ""}</td><td>${t.number}</td>
<td><a href="${withLang(`/dashboard/task/${t.id}`, ctx.locale)}">${t.title}</a>${t.seriesNumber ? ` (#L${t.seriesNumber})` : ""}</td><td>${words.statusName[t.status]}</td>
<td>${t.assignees.map((a) => a.name).join(", ")}</td><td>${t.dueAt ? moment(t.dueAt, ctx.timezone) : words.noDue}</td>
<td class="${lateness(t, ctx.now, words) ? "bad" : ""}">${lateness(t, ctx.now, words)}</td></tr>`,
  )}</tbody></table></div>`;
}

function peopleTable(people: readonly PersonFigures[], words: DashboardWords): SafeHtml {
  return html`<div class="table-wrap"><table class="people"><caption>${words.people}</caption>
<thead><tr><th scope="col">${words.person}</th><th scope="col">${words.open}</th><th scope="col">${words.overdue}</th>
<th scope="col">${words.doneLastWeek}</th><th scope="col">${words.onTime}</th></tr></thead>
<tbody>${people.map(
    (p) => html`<tr data-person="${p.memberId}"><th scope="row">${p.name}</th><td>${p.open}</td>
<td class="${p.overdue > 0 ? "bad" : ""}">${p.overdue}</td><td>${p.doneLastWeek}</td>
<td>${p.measuredLastWeek === 0 ? "—" : `${Math.round((p.onTimeLastWeek / p.measuredLastWeek) * 100)}%`}</td></tr>`,
  )}</tbody></table></div>`;
}

export interface UnitPageData {
  unitName: string;
  unitId: string;
  rollup: OrgRollup;
  people: PersonFigures[];
  tasks: UnitTaskRow[];
  personId: string | null;
  /** The week the tasks are filtered to, and the weeks offered. */
  week: PickedWeek | null;
  weeks: PickedWeek[];
}

/** The unit's task filter: a person, a week (tasks due or finished in it). Plain GET, so it works without script. */
function unitFilter(data: UnitPageData, ctx: PageContext, words: DashboardWords): SafeHtml {
  const weekLabel = (w: PickedWeek) => words.weekOf(dayText(w.from, ctx.timezone));
  return html`<form method="get" class="filter">
  ${ctx.locale === "en" ? html`<input type="hidden" name="lang" value="en">` : null}
  <label for="person">${words.person}</label>
  <select id="person" name="person"><option value="">${words.allPeople}</option>
  ${data.people.map((p) => html`<option value="${p.memberId}"${p.memberId === data.personId ? html` selected` : null}>${p.name}</option>`)}
  </select>
  <label for="week">${words.week}</label>
  <select id="week" name="week"><option value="">${words.allWeeks}</option>
  ${data.weeks.map((w) => html`<option value="${w.key}"${w.key === data.week?.key ? html` selected` : null}>${weekLabel(w)}</option>`)}
  </select>
  <button type="submit">${words.filter}</button>
</form>`;
}

export function unitPage(data: UnitPageData, ctx: PageContext): string {
  const words = dashboardWords(ctx.locale);
  const params = new URLSearchParams({
    ...(data.personId ? { person: data.personId } : {}),
    ...(data.week ? { week: data.week.key } : {}),
  }).toString();
  const query = params ? `?${params}` : "";
  const exportPath = (format: string) =>
    withLang(`/dashboard/unit/${data.unitId}/export.${format}${query}`, ctx.locale);
  const body = html`${unitTable(data.rollup, words, ctx.locale)}
${peopleTable(data.people, words)}
<h2>${words.tasks}</h2>
${unitFilter(data, ctx, words)}
<p class="downloads">${words.download}: <a href="${exportPath("xlsx")}" download>XLSX</a> · <a href="${exportPath("csv")}" download>CSV</a></p>
${taskTable(data.tasks, ctx)}`;
  return page({ locale: ctx.locale, path: ctx.path, title: data.unitName, viewerName: ctx.viewerName }, body);
}

export function channelPage(channelId: string, name: string, tasks: UnitTaskRow[], ctx: PageContext): string {
  const words = dashboardWords(ctx.locale);
  const exportPath = (format: string) => withLang(`/dashboard/channel/${channelId}/export.${format}`, ctx.locale);
  const body = html`<p class="downloads">${words.download}: <a href="${exportPath("xlsx")}" download>XLSX</a> · <a href="${exportPath("csv")}" download>CSV</a></p>
${taskTable(tasks, ctx)}`;
  return page({ locale: ctx.locale, path: ctx.path, title: name, viewerName: ctx.viewerName }, body);
}

/** What a history entry says, old → new, as the chat's history says it (names plain, no mentions). */
function historyText(entry: TaskDetail["history"][number], ctx: PageContext): string {
  const actor = entry.actorId ? { id: entry.actorId, externalId: null, displayName: entry.actorName ?? "" } : null;
  const event = {
    id: "",
    action: entry.action,
    actor,
    oldValue: entry.oldValue,
    newValue: entry.newValue,
    createdAt: entry.at,
  };
  return toPlainText(describeTaskEvent(event, { locale: ctx.locale, timezone: ctx.timezone, now: ctx.now }));
}

export function taskPage(detail: TaskDetail, ctx: PageContext): string {
  const words = dashboardWords(ctx.locale);
  const t = detail.row;
  const body = html`<dl class="task">
<dt>${words.channel}</dt><dd><a href="${withLang(`/dashboard/channel/${t.channelId}`, ctx.locale)}">${t.channelName ?? ""}</a></dd>
<dt>${words.status}</dt><dd>${words.statusName[t.status]}</dd>
<dt>${words.assignees}</dt><dd>${t.assignees.map((a) => a.name).join(", ")}</dd>
<dt>${words.due}</dt><dd>${t.dueAt ? moment(t.dueAt, ctx.timezone) : words.noDue}</dd>
<dt>${words.finished}</dt><dd>${moment(t.status === "done" ? t.closedAt : null, ctx.timezone)}</dd>
</dl>
<p>${words.createdBy(detail.creatorName)}</p>
<h2>${words.history}</h2>
<ol class="history">${detail.history.map(
    (e) =>
      html`<li><time>${moment(e.at, ctx.timezone)}</time> · ${e.actorName ?? "Rõ Việc"} · ${historyText(e, ctx)}</li>`,
  )}</ol>`;
  return page(
    { locale: ctx.locale, path: ctx.path, title: `#${t.number} ${t.title}`, viewerName: ctx.viewerName },
    body,
  );
}

export function overduePage(tasks: OverdueTask[], unitNames: Map<string, string>, ctx: PageContext): string {
  const words = dashboardWords(ctx.locale);
  const rows = tasks.map(
    (t) => html`<tr data-task="${t.taskId}"><td>${unitNames.get(t.unitId) ?? ""}</td><td>${t.channelName ?? ""}</td>
<td>${t.number}</td><td><a href="${withLang(`/dashboard/task/${t.taskId}`, ctx.locale)}">${t.title}</a></td>
<td>${t.waitingOn.join(", ")}</td><td>${moment(t.dueAt, ctx.timezone)}</td>
<td class="bad">${words.hours(Math.max(1, Math.round((ctx.now.getTime() - t.dueAt.getTime()) / 3_600_000)))}</td></tr>`,
  );
  const body =
    tasks.length === 0
      ? html`<p>${words.noTasks}</p>`
      : html`<div class="table-wrap"><table class="tasks" id="overdue">
<thead><tr><th scope="col">${words.unit}</th><th scope="col">${words.channel}</th><th scope="col">#</th>
<th scope="col">${words.task}</th><th scope="col">${words.assignees}</th><th scope="col">${words.due}</th>
<th scope="col">${words.late}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  return page({ locale: ctx.locale, path: ctx.path, title: words.overdueNav, viewerName: ctx.viewerName }, body);
}

/** A page that explains a refusal (a bad link, no session, a page not there) and how to get a new link. */
export function messagePage(locale: Locale, title: string, body: string, withLinkHint: boolean): string {
  const words = dashboardWords(locale);
  return page(
    { locale, path: "/dashboard", title },
    html`<p>${body}</p>${withLinkHint ? html`<p class="hint">${words.howToGetLink}</p>` : null}`,
  );
}
