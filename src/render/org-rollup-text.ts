/**
 * The organisation in chat text: the tree of units, the per-unit roll-up and the overdue list grouped by unit. Short
 * lines that fit Zalo's 2,000-character messages; the dashboard holds the rest.
 */
import type { Locale } from "../core/incoming.js";
import { orgWords } from "../i18n/org-words.js";
import { localDay } from "../scheduling/local-time.js";
import type { OverdueTask } from "../services/org-rollup.js";
import type { OrgRollup } from "../services/org-service.js";
import { onTimeRate, type UnitRow } from "../services/org-tree.js";
import type { OrgUnitView, UnitOutline } from "../services/org-units.js";
import { addFigures } from "../services/unit-figures.js";

/** At most this many overdue tasks in one chat answer; the dashboard lists them all. */
export const OVERDUE_LINES_IN_CHAT = 30;

export function percent(rate: number | null, measured: number, onTime: number): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}% (${onTime}/${measured})`;
}

/** "▲2", "▼1" or "=": this week's figure against the previous one. */
export function change(now: number, before: number): string {
  if (now === before) return "(=)";
  return now > before ? `(▲${now - before})` : `(▼${before - now})`;
}

function rowText(row: Pick<UnitRow, "depth" | "subtree"> & { name: string }, locale: Locale): string {
  const words = orgWords(locale);
  const f = row.subtree;
  return words.rollupRow({
    indent: "  ".repeat(row.depth),
    name: row.name,
    open: f.open,
    overdue: f.overdue,
    late: f.maxLateHours === null ? null : words.late(f.maxLateHours),
    overdueChange: change(f.overdue, f.overdueWeekAgo),
    dueThisWeek: f.dueThisWeek,
    doneLastWeek: f.doneLastWeek,
    doneChange: change(f.doneLastWeek, f.doneWeekBefore),
    onTime: percent(onTimeRate(f), f.measuredLastWeek, f.onTimeLastWeek),
  });
}

export function renderRollupText(rollup: OrgRollup, locale: Locale, dashboardUrl?: string): string {
  const words = orgWords(locale);
  if (rollup.rows.length === 0) return words.nothingVisible;
  const day = localDay(rollup.weeks.weekStart, rollup.weeks.timezone).split("-").reverse().join("/");
  const lines = [`*${words.rollupTitle(day)}*`];
  for (const row of rollup.rows) lines.push(rowText({ ...row, name: row.unit.name }, locale));
  const roots = rollup.rows.filter((r) => r.depth === 0);
  if (roots.length > 1) {
    lines.push(
      rowText(
        {
          depth: 0,
          name: words.total,
          subtree: addFigures(
            "total",
            roots.map((r) => r.subtree),
          ),
        },
        locale,
      ),
    );
  }
  lines.push(words.rollupLegend);
  if (dashboardUrl) lines.push(words.dashboardLine(dashboardUrl));
  return lines.join("\n");
}

export function renderOverdueText(
  tasks: readonly OverdueTask[],
  units: readonly UnitOutline[],
  now: Date,
  locale: Locale,
): string {
  const words = orgWords(locale);
  if (tasks.length === 0) return words.overdueNone;
  const names = new Map(units.map((u) => [u.id, u.name]));
  const shown = tasks.slice(0, OVERDUE_LINES_IN_CHAT);
  const lines = [`*${words.overdueTitle(tasks.length)}*`];
  let unit: string | null = null;
  for (const task of [...shown].sort((a, b) => unitOrder(a, b, names))) {
    if (task.unitId !== unit) {
      unit = task.unitId;
      lines.push(`*${names.get(unit) ?? "?"}*`);
    }
    const late = words.late(Math.max(1, Math.round((now.getTime() - task.dueAt.getTime()) / 3_600_000)));
    const waiting = task.waitingOn.length > 0 ? task.waitingOn.join(", ") : words.nobody;
    lines.push(words.overdueLine(task.number, task.title, late, waiting));
  }
  if (tasks.length > shown.length) lines.push(words.overdueMore(tasks.length - shown.length));
  return lines.join("\n");
}

function unitOrder(a: OverdueTask, b: OverdueTask, names: Map<string, string>): number {
  const byUnit = (names.get(a.unitId) ?? "").localeCompare(names.get(b.unitId) ?? "", "vi");
  return byUnit || a.dueAt.getTime() - b.dueAt.getTime();
}

export function renderTreeText(units: readonly OrgUnitView[], thisChannelUnit: string | null, locale: Locale): string {
  const words = orgWords(locale);
  if (units.length === 0) return words.treeEmpty;
  const children = new Map<string | null, OrgUnitView[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const lines = [`*${words.treeTitle}*`];
  const visit = (unit: OrgUnitView, depth: number) => {
    const leaders = unit.leaders.length > 0 ? unit.leaders.map((l) => l.displayName).join(", ") : words.nobody;
    lines.push(`${"  ".repeat(depth)}• ${words.treeUnitLine(unit.name, unit.channelIds.length, leaders)}`);
    for (const child of children.get(unit.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  lines.push(words.thisChannel(thisChannelUnit));
  return lines.join("\n");
}
