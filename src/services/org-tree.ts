/**
 * The units a person sees, as a tree in reading order (parents before children, siblings by name), each with its own
 * channels' figures and its subtree's totals. Pure: the figures come from org-rollup.ts.
 */
import type { UnitFigures } from "./org-rollup.js";
import type { UnitOutline } from "./org-units.js";

export interface UnitRow {
  unit: UnitOutline;
  /** 0 for a unit whose parent the person does not see (or that has none). */
  depth: number;
  own: UnitFigures;
  /** The unit and every unit below it that the person sees. */
  subtree: UnitFigures;
}

export function emptyFigures(unitId: string): UnitFigures {
  return {
    unitId,
    open: 0,
    overdue: 0,
    maxLateHours: null,
    ageing: [0, 0, 0, 0],
    dueThisWeek: 0,
    doneThisWeek: 0,
    doneLastWeek: 0,
    measuredLastWeek: 0,
    onTimeLastWeek: 0,
    doneWeekBefore: 0,
    overdueWeekAgo: 0,
  };
}

/** Sums figures (the longest lateness is the longest of all). */
export function addFigures(unitId: string, all: readonly UnitFigures[]): UnitFigures {
  const sum = emptyFigures(unitId);
  for (const f of all) {
    sum.open += f.open;
    sum.overdue += f.overdue;
    sum.maxLateHours =
      f.maxLateHours === null ? sum.maxLateHours : Math.max(sum.maxLateHours ?? f.maxLateHours, f.maxLateHours);
    sum.ageing = [0, 1, 2, 3].map((i) => sum.ageing[i] + f.ageing[i]) as UnitFigures["ageing"];
    sum.dueThisWeek += f.dueThisWeek;
    sum.doneThisWeek += f.doneThisWeek;
    sum.doneLastWeek += f.doneLastWeek;
    sum.measuredLastWeek += f.measuredLastWeek;
    sum.onTimeLastWeek += f.onTimeLastWeek;
    sum.doneWeekBefore += f.doneWeekBefore;
    sum.overdueWeekAgo += f.overdueWeekAgo;
  }
  return sum;
}

/** Orders the visible units as a tree and totals each subtree. */
export function unitRows(units: readonly UnitOutline[], figures: readonly UnitFigures[]): UnitRow[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const own = new Map(figures.map((f) => [f.unitId, f]));
  const children = new Map<string | null, UnitOutline[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const rows: UnitRow[] = [];
  const visit = (unit: UnitOutline, depth: number): UnitFigures[] => {
    const mine = own.get(unit.id) ?? emptyFigures(unit.id);
    const row: UnitRow = { unit, depth, own: mine, subtree: mine };
    rows.push(row);
    const below = sortByName(children.get(unit.id) ?? []).flatMap((child) => visit(child, depth + 1));
    row.subtree = addFigures(unit.id, [mine, ...below]);
    return [mine, ...below];
  };
  for (const root of sortByName(children.get(null) ?? [])) visit(root, 0);
  return rows;
}

function sortByName(units: UnitOutline[]): UnitOutline[] {
  return [...units].sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** On time ÷ measured, or null when nothing with a deadline was done. */
export function onTimeRate(figures: Pick<UnitFigures, "measuredLastWeek" | "onTimeLastWeek">): number | null {
  return figures.measuredLastWeek === 0 ? null : figures.onTimeLastWeek / figures.measuredLastWeek;
}
