/**
 * The units a person sees, as a tree in reading order (parents before children, siblings by name), each with its own
 * channels' figures and its subtree's totals. Pure: the figures come from org-rollup.ts.
 */
import type { UnitOutline } from "./org-units.js";
import { addFigures, addInto, emptyFigures, type UnitFigures } from "./unit-figures.js";

export interface UnitRow {
  unit: UnitOutline;
  /** 0 for a unit whose parent the person does not see (or that has none). */
  depth: number;
  own: UnitFigures;
  /** The unit and every unit below it that the person sees. */
  subtree: UnitFigures;
}

/**
 * Orders the visible units as a tree and totals each subtree: each row's total is added into its parent's, from the
 * last row up, so every unit's figures are added once per row rather than once per unit above it.
 */
export function unitRows(units: readonly UnitOutline[], figures: readonly UnitFigures[]): UnitRow[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const own = new Map(figures.map((f) => [f.unitId, f]));
  const children = new Map<string | null, UnitOutline[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && byId.has(unit.parentId) ? unit.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(unit);
    else children.set(parent, [unit]);
  }
  const rows: UnitRow[] = [];
  const parentRow: number[] = [];
  const visit = (unit: UnitOutline, depth: number, parent: number) => {
    const mine = own.get(unit.id) ?? emptyFigures(unit.id);
    const index = rows.length;
    rows.push({ unit, depth, own: mine, subtree: addFigures(unit.id, [mine]) });
    parentRow.push(parent);
    for (const child of sortByName(children.get(unit.id) ?? [])) visit(child, depth + 1, index);
  };
  for (const root of sortByName(children.get(null) ?? [])) visit(root, 0, -1);
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const parent = rows[parentRow[i] as number];
    if (parent) addInto(parent.subtree, (rows[i] as UnitRow).subtree);
  }
  return rows;
}

/** The order of `localeCompare(…, "vi")`, with one collator instead of one looked up per comparison. */
const byVietnameseName = new Intl.Collator("vi").compare;

function sortByName(units: UnitOutline[]): UnitOutline[] {
  return [...units].sort((a, b) => byVietnameseName(a.name, b.name));
}

/** On time ÷ measured, or null when nothing with a deadline was done. */
export function onTimeRate(figures: Pick<UnitFigures, "measuredLastWeek" | "onTimeLastWeek">): number | null {
  return figures.measuredLastWeek === 0 ? null : figures.onTimeLastWeek / figures.measuredLastWeek;
}
