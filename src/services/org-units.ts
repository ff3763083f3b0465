/**
 * The organisation's tree within one workspace: units (Ủy ban → Sở → Phòng), the channels that carry each unit's
 * work, each unit's leaders and its roll-up channel. Plain reads and writes; who may change the tree is decided by
 * src/core/org-permissions.ts before any of this runs.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { normalizeName } from "./member-names.js";

/** A unit's place in the tree: what roll-ups and the dashboard need of it. */
export interface UnitOutline {
  id: string;
  name: string;
  parentId: string | null;
  rollupChannelId: string | null;
}

export interface OrgUnitView extends UnitOutline {
  channelIds: string[];
  leaders: { id: string; displayName: string }[];
}

/** Why a change of the tree was not made. */
export type OrgRefusal = "unknown_unit" | "cycle" | "not_a_channel_of_workspace";

type Db = Pick<PrismaClient, "orgUnit" | "orgUnitChannel" | "orgUnitLeader" | "$queryRaw">;

const unitSelect = {
  id: true,
  name: true,
  parentId: true,
  rollupChannelId: true,
  channels: { select: { channelId: true } },
  leaders: { select: { member: { select: { id: true, displayName: true } } }, orderBy: { createdAt: "asc" } },
} as const;

function toView(row: {
  id: string;
  name: string;
  parentId: string | null;
  rollupChannelId: string | null;
  channels: { channelId: string }[];
  leaders: { member: { id: string; displayName: string } }[];
}): OrgUnitView {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parentId,
    rollupChannelId: row.rollupChannelId,
    channelIds: row.channels.map((c) => c.channelId),
    leaders: row.leaders.map((l) => l.member),
  };
}

/** Every unit of the workspace, by name. */
export async function listUnits(db: Db, workspaceId: string): Promise<OrgUnitView[]> {
  const rows = await db.orgUnit.findMany({ where: { workspaceId }, select: unitSelect, orderBy: { name: "asc" } });
  return rows.map(toView);
}

/** Every unit of the workspace, without its channels and leaders (a plain read, for roll-ups of many units). */
export function unitOutlines(db: Db, workspaceId: string): Promise<UnitOutline[]> {
  return db.orgUnit.findMany({
    where: { workspaceId },
    select: { id: true, name: true, parentId: true, rollupChannelId: true },
    orderBy: { name: "asc" },
  });
}

export async function findUnitByName(db: Db, workspaceId: string, name: string): Promise<OrgUnitView | null> {
  const row = await db.orgUnit.findUnique({
    where: { workspaceId_normalizedName: { workspaceId, normalizedName: normalizeName(name) } },
    select: unitSelect,
  });
  return row ? toView(row) : null;
}

/** The unit of that name, created when missing (the name is kept as first written). */
export async function ensureUnit(db: Db, workspaceId: string, name: string): Promise<OrgUnitView> {
  const normalizedName = normalizeName(name);
  const row = await db.orgUnit.upsert({
    where: { workspaceId_normalizedName: { workspaceId, normalizedName } },
    create: { workspaceId, name: name.trim(), normalizedName },
    update: {},
    select: unitSelect,
  });
  return toView(row);
}

/** Makes `channelId` one of the unit's channels (a channel has one unit: it leaves its former one). */
export async function attachChannel(db: Db, unitId: string, channelId: string): Promise<void> {
  await db.orgUnitChannel.upsert({
    where: { channelId },
    create: { channelId, unitId },
    update: { unitId },
  });
}

export async function detachChannel(db: Db, channelId: string): Promise<boolean> {
  const { count } = await db.orgUnitChannel.deleteMany({ where: { channelId } });
  return count > 0;
}

/** The unit a channel belongs to, if any. */
export async function unitOfChannel(db: Db, channelId: string): Promise<OrgUnitView | null> {
  const row = await db.orgUnitChannel.findUnique({ where: { channelId }, select: { unit: { select: unitSelect } } });
  return row ? toView(row.unit) : null;
}

/** Puts `unitId` under `parentId` (null: at the top). Refused when the parent lies inside the unit's own subtree. */
export async function setParent(db: Db, unitId: string, parentId: string | null): Promise<OrgRefusal | null> {
  if (parentId !== null) {
    const below = await subtreeIds(db, [unitId]);
    if (below.includes(parentId)) return "cycle";
  }
  await db.orgUnit.update({ where: { id: unitId }, data: { parentId }, select: { id: true } });
  return null;
}

export async function setRollupChannel(db: Db, unitId: string, channelId: string | null): Promise<void> {
  await db.orgUnit.update({ where: { id: unitId }, data: { rollupChannelId: channelId }, select: { id: true } });
}

export async function addLeaders(db: Db, unitId: string, memberIds: readonly string[]): Promise<void> {
  await db.orgUnitLeader.createMany({
    data: memberIds.map((memberId) => ({ unitId, memberId })),
    skipDuplicates: true,
  });
}

export async function removeLeaders(db: Db, unitId: string, memberIds: readonly string[]): Promise<number> {
  const { count } = await db.orgUnitLeader.deleteMany({ where: { unitId, memberId: { in: [...memberIds] } } });
  return count;
}

/** The units given and every unit below them, in one recursive query. */
export async function subtreeIds(db: Db, rootIds: readonly string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT u.id FROM "OrgUnit" u WHERE u.id = ANY(${[...rootIds]}::uuid[])
      UNION
      SELECT c.id FROM "OrgUnit" c JOIN tree ON c."parentId" = tree.id
    )
    SELECT id::text AS id FROM tree`;
  return rows.map((r) => r.id);
}

/**
 * The units a person may see: every unit of the workspace for a workspace admin; otherwise the subtrees of the
 * units they lead. One query either way.
 */
export async function visibleUnitIds(
  db: Db,
  person: { id: string; workspaceId: string; isWorkspaceAdmin: boolean },
): Promise<string[]> {
  if (person.isWorkspaceAdmin) {
    const rows = await db.orgUnit.findMany({ where: { workspaceId: person.workspaceId }, select: { id: true } });
    return rows.map((r) => r.id);
  }
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT u.id FROM "OrgUnit" u JOIN "OrgUnitLeader" l ON l."unitId" = u.id
      WHERE l."memberId" = ${person.id}::uuid AND u."workspaceId" = ${person.workspaceId}::uuid
      UNION
      SELECT c.id FROM "OrgUnit" c JOIN tree ON c."parentId" = tree.id
    )
    SELECT id::text AS id FROM tree`;
  return rows.map((r) => r.id);
}

/** The chat where the bot may write to the person privately (known once they wrote to it there), if any. */
export async function privateChatOf(db: Pick<PrismaClient, "member">, memberId: string): Promise<string | null> {
  const row = await db.member.findUnique({ where: { id: memberId }, select: { privateChatId: true } });
  return row?.privateChatId ?? null;
}

/**
 * Whether the person may see a channel's tasks on the dashboard: as anyone in the channel may in chat (a member the
 * bot has seen there), as a leader of a unit above it, or as a workspace admin of its workspace.
 */
export async function canSeeChannel(
  db: Db & Pick<PrismaClient, "channel" | "channelMember">,
  person: { id: string; workspaceId: string; isWorkspaceAdmin: boolean },
  channelId: string,
): Promise<boolean> {
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: { workspaceId: true, orgUnit: { select: { unitId: true } } },
  });
  if (!channel || channel.workspaceId !== person.workspaceId) return false;
  if (person.isWorkspaceAdmin) return true;
  const member = await db.channelMember.findUnique({
    where: { channelId_memberId: { channelId, memberId: person.id } },
    select: { channelId: true },
  });
  if (member) return true;
  const unitId = channel.orgUnit?.unitId;
  return unitId !== undefined && (await visibleUnitIds(db, person)).includes(unitId);
}
