/**
 * Every unit's own figures in one workspace at one instant, read in one statement, and the roll-up of any unit's
 * subtree cut from them in memory. For the Monday job: its roll-up channels (the Ủy ban's, each Sở's, …) speak of
 * overlapping subtrees, and reading each subtree's rows once per channel would read the Ủy ban's rows many times.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { unitFigures } from "./org-rollup.js";
import { type UnitRow, unitRows } from "./org-tree.js";
import { type UnitOutline, unitOutlines } from "./org-units.js";
import { type RollupWeeks, rollupWeeks } from "./org-weeks.js";
import type { UnitFigures } from "./unit-figures.js";

export interface OrgSnapshot {
  workspaceId: string;
  weeks: RollupWeeks;
  outlines: UnitOutline[];
  figures: UnitFigures[];
}

export async function takeOrgSnapshot(
  db: PrismaClient,
  workspaceId: string,
  now: Date,
  timezone: string,
): Promise<OrgSnapshot> {
  const weeks = rollupWeeks(now, timezone);
  const [outlines, figures] = await Promise.all([
    unitOutlines(db, workspaceId),
    unitFigures(db, { workspaceId }, weeks),
  ]);
  return { workspaceId, weeks, outlines, figures };
}

/** The subtree of `unitId` as a workspace admin sees it (what its roll-up channel is shown); empty when unknown. */
export function subtreeRollup(snapshot: OrgSnapshot, unitId: string): { weeks: RollupWeeks; rows: UnitRow[] } {
  const below = subtreeOf(snapshot.outlines, unitId);
  return {
    weeks: snapshot.weeks,
    rows: unitRows(
      snapshot.outlines.filter((unit) => below.has(unit.id)),
      snapshot.figures.filter((figures) => below.has(figures.unitId)),
    ),
  };
}

function subtreeOf(outlines: readonly UnitOutline[], rootId: string): Set<string> {
  const below = new Set<string>();
  if (!outlines.some((unit) => unit.id === rootId)) return below;
  const children = new Map<string, string[]>();
  for (const unit of outlines) {
    if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const queue = [rootId];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (below.has(id)) continue;
    below.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return below;
}
