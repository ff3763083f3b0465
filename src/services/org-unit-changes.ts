/**
 * Renaming and deleting a unit. A deleted unit's channels no longer belong to any unit (their tasks stay), its units
 * move up under its parent (or become top units), and its leaders lose what they saw through it; nothing of the tasks
 * changes. The caller checks the right (a workspace admin's) and has the person confirm a deletion first.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { normalizeName } from "./member-names.js";

type Db = Pick<PrismaClient, "orgUnit" | "$transaction">;

export type RenameRefusal = "name_taken";

/** Gives the unit a new name; refused when another unit of the workspace has it already. */
export async function renameUnit(
  db: Db,
  workspaceId: string,
  unitId: string,
  name: string,
): Promise<RenameRefusal | null> {
  const normalizedName = normalizeName(name);
  const other = await db.orgUnit.findUnique({
    where: { workspaceId_normalizedName: { workspaceId, normalizedName } },
    select: { id: true },
  });
  if (other && other.id !== unitId) return "name_taken";
  await db.orgUnit.update({ where: { id: unitId }, data: { name: name.trim(), normalizedName } });
  return null;
}

/** What deleting a unit touches: its channels, the units directly under it, its leaders, its parent's name. */
export interface UnitFootprint {
  channels: number;
  children: string[];
  leaders: number;
  parentName: string | null;
}

export async function unitFootprint(db: Db, unitId: string): Promise<UnitFootprint> {
  const row = await db.orgUnit.findUniqueOrThrow({
    where: { id: unitId },
    select: {
      parent: { select: { name: true } },
      children: { select: { name: true }, orderBy: { name: "asc" } },
      _count: { select: { channels: true, leaders: true } },
    },
  });
  return {
    channels: row._count.channels,
    children: row.children.map((c) => c.name),
    leaders: row._count.leaders,
    parentName: row.parent?.name ?? null,
  };
}

/** Deletes the unit, its units moved up under its parent first; false when it was already gone. */
export async function deleteUnit(db: Db, unitId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const unit = await tx.orgUnit.findUnique({ where: { id: unitId }, select: { parentId: true } });
    if (!unit) return false;
    await tx.orgUnit.updateMany({ where: { parentId: unitId }, data: { parentId: unit.parentId } });
    // Its channel and leader rows go with it (cascade).
    await tx.orgUnit.delete({ where: { id: unitId } });
    return true;
  });
}
