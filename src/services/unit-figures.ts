/**
 * A unit's figures (org-rollup.ts reads them) and their sums: a unit's channels added up, a subtree's units added up.
 * Pure.
 */

export interface UnitFigures {
  unitId: string;
  open: number;
  overdue: number;
  /** The longest an open task has been overdue, in hours; null when none is. */
  maxLateHours: number | null;
  /** Overdue by at most 1 day, 1–7 days, 7–30 days, more than 30 days. */
  ageing: [number, number, number, number];
  dueThisWeek: number;
  doneLastWeek: number;
  /** Done last week with a deadline, and of those on time. */
  measuredLastWeek: number;
  onTimeLastWeek: number;
  doneWeekBefore: number;
  /** Overdue as it stood exactly one week ago. */
  overdueWeekAgo: number;
}

export function emptyFigures(unitId: string): UnitFigures {
  return {
    unitId,
    open: 0,
    overdue: 0,
    maxLateHours: null,
    ageing: [0, 0, 0, 0],
    dueThisWeek: 0,
    doneLastWeek: 0,
    measuredLastWeek: 0,
    onTimeLastWeek: 0,
    doneWeekBefore: 0,
    overdueWeekAgo: 0,
  };
}

/** Adds `f` into `sum` (the longest lateness is the longest of both). */
export function addInto(sum: UnitFigures, f: UnitFigures): void {
  sum.open += f.open;
  sum.overdue += f.overdue;
  sum.maxLateHours =
    f.maxLateHours === null ? sum.maxLateHours : Math.max(sum.maxLateHours ?? f.maxLateHours, f.maxLateHours);
  const [a1, a7, a30, aMore] = sum.ageing;
  sum.ageing = [a1 + f.ageing[0], a7 + f.ageing[1], a30 + f.ageing[2], aMore + f.ageing[3]];
  sum.dueThisWeek += f.dueThisWeek;
  sum.doneLastWeek += f.doneLastWeek;
  sum.measuredLastWeek += f.measuredLastWeek;
  sum.onTimeLastWeek += f.onTimeLastWeek;
  sum.doneWeekBefore += f.doneWeekBefore;
  sum.overdueWeekAgo += f.overdueWeekAgo;
}

/** Sums figures (the longest lateness is the longest of all). */
export function addFigures(unitId: string, all: readonly UnitFigures[]): UnitFigures {
  const sum = emptyFigures(unitId);
  for (const f of all) addInto(sum, f);
  return sum;
}
