/**
 * Pending people: a name typed as an assignee (Zalo has no mention entities) before anyone of that name wrote in the
 * channel. A pending person becomes a real member in two ways only:
 * - the first time a member writes in that channel, when their display name is exactly the typed name (diacritics
 *   count) and no other member of the channel has that exact name;
 * - when the person who typed the name confirms who was meant.
 * Never because someone renamed themselves: an existing member of the channel is not "new" there. The pending
 * person's assignments move to the member, each task's history says so, and the pending row is gone.
 */
import type { PersonView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { exactNameKey, matchTypedName, normalizeName } from "./member-names.js";
import { resetPlanning } from "./ping-planning.js";
import { personSelect, toPersonView } from "./task-mapper.js";

/** Why a pending person was bound: the same name appeared in the channel, or the writer confirmed. */
export type BindReason = "same_name_joined" | "confirmed";

/** Moves the pending person's assignments to `person` and removes the pending row. Returns the tasks touched. */
export async function mergePendingInto(
  prisma: PrismaClient,
  pending: PersonView,
  person: PersonView,
  actorId: string | null,
  reason: BindReason,
): Promise<string[]> {
  const taskIds = await prisma.$transaction(async (tx) => {
    const rows = await tx.taskAssignee.findMany({ where: { memberId: pending.id }, select: { taskId: true } });
    const ids = rows.map((row) => row.taskId);
    // Where the person is already an assignee of the same task, their own row stays (the pending one goes below).
    await tx.$executeRaw`UPDATE "TaskAssignee" SET "memberId" = ${person.id}::uuid
      WHERE "memberId" = ${pending.id}::uuid
        AND "taskId" NOT IN (SELECT "taskId" FROM "TaskAssignee" WHERE "memberId" = ${person.id}::uuid)`;
    if (ids.length > 0) {
      // A new version: a change prepared against the old assignees is a conflict, and pings are planned afresh.
      await tx.$executeRaw`UPDATE "Task" SET version = version + 1, "pingsPlannedVersion" = NULL, "updatedAt" = now()
        WHERE id = ANY(${ids}::uuid[])`;
      await tx.taskEvent.createMany({
        data: ids.map((taskId) => ({
          taskId,
          actorId,
          action: "assignee_bound",
          oldValue: { id: pending.id, name: pending.displayName },
          newValue: { id: person.id, name: person.displayName, reason },
        })),
      });
    }
    await tx.member.delete({ where: { id: pending.id } });
    return ids;
  });
  await resetPlanning(prisma, { memberId: person.id });
  return taskIds;
}

/**
 * Called when `member` writes in a channel for the first time: binds the channel's pending person of exactly their
 * name, if there is one and nobody else in the channel has that name. Returns the tasks they received.
 */
export async function bindPendingOnJoin(
  prisma: PrismaClient,
  channel: { id: string; workspaceId: string },
  member: PersonView,
): Promise<string[]> {
  const folded = normalizeName(member.displayName);
  const exact = exactNameKey(member.displayName);
  const sameName = await prisma.member.findMany({
    where: {
      workspaceId: channel.workspaceId,
      normalizedName: folded,
      isBot: false,
      OR: [
        { externalId: null, pendingChannelId: channel.id },
        { externalId: { not: null }, id: { not: member.id }, channels: { some: { channelId: channel.id } } },
      ],
    },
    select: personSelect,
    take: 10,
  });
  const exactly = sameName.filter((m) => exactNameKey(m.displayName) === exact);
  const pending = exactly.filter((m) => m.externalId === null);
  const others = exactly.filter((m) => m.externalId !== null);
  const [only] = pending;
  if (!only || pending.length !== 1 || others.length > 0) return [];
  return mergePendingInto(prisma, toPersonView(only), member, null, "same_name_joined");
}

export type ConfirmResult = { ok: true; pending: PersonView; taskIds: string[] } | { ok: false; reason: "no_pending" };

/**
 * The person who typed `name` in this channel says who they meant: their pending person of that name becomes
 * `person`. Only their own pending people: nobody can redirect another writer's task this way.
 */
export async function confirmPending(
  prisma: PrismaClient,
  channel: { id: string; workspaceId: string },
  writerId: string,
  name: string,
  person: PersonView,
): Promise<ConfirmResult> {
  const rows = await prisma.member.findMany({
    where: {
      workspaceId: channel.workspaceId,
      externalId: null,
      pendingChannelId: channel.id,
      pendingNamedById: writerId,
    },
    select: { ...personSelect, normalizedName: true },
  });
  const [pending] = matchTypedName(name, rows);
  if (!pending || pending.id === person.id) return { ok: false, reason: "no_pending" };
  const view = toPersonView(pending);
  const taskIds = await mergePendingInto(prisma, view, person, writerId, "confirmed");
  return { ok: true, pending: view, taskIds };
}
