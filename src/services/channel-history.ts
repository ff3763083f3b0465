/**
 * A channel's managers and its history. A manager is added or removed only together with a ChannelEvent row in the
 * same transaction, so the history says who gave whom the right to change everyone's tasks, and when. Settings
 * changes and declared days off are recorded there too.
 */
import type { ChannelAction, ChannelEventView } from "../core/channel-event-view.js";
import type { PersonView } from "../core/task-view.js";

export type { ChannelAction, ChannelEventView };

import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { personSelect, toPersonView } from "./task-mapper.js";

const personValue = (p: PersonView) => ({ id: p.id, name: p.displayName });

/** Adds or removes managers with one history row per person whose standing changed; returns those people. */
export async function changeManagers(
  prisma: PrismaClient,
  channelId: string,
  actorId: string | null,
  mode: "add" | "remove",
  people: readonly PersonView[],
): Promise<PersonView[]> {
  return prisma.$transaction(async (tx) => {
    const current = new Set(
      (await tx.channelManager.findMany({ where: { channelId }, select: { memberId: true } })).map((m) => m.memberId),
    );
    const changed = people.filter((p) => (mode === "add" ? !current.has(p.id) : current.has(p.id)));
    if (changed.length === 0) return [];
    const ids = changed.map((p) => p.id);
    if (mode === "add") {
      await tx.channelManager.createMany({
        data: ids.map((memberId) => ({ channelId, memberId })),
        skipDuplicates: true,
      });
    } else {
      await tx.channelManager.deleteMany({ where: { channelId, memberId: { in: ids } } });
    }
    await recordChannelEvents(
      tx,
      changed.map((person) => ({
        channelId,
        actorId,
        action: mode === "add" ? "manager_added" : "manager_removed",
        newValue: personValue(person),
      })),
    );
    return changed;
  });
}

/**
 * Makes a Slack channel's creator its first manager, once: only while the channel has no manager and its history
 * has no manager change (a channel whose managers an admin removed stays as the admin left it). True when added.
 */
export async function makeCreatorFirstManager(
  prisma: PrismaClient,
  channelId: string,
  creator: PersonView,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const added = await tx.$executeRaw`INSERT INTO "ChannelManager" ("channelId", "memberId")
      SELECT ${channelId}::uuid, ${creator.id}::uuid
      WHERE NOT EXISTS (SELECT 1 FROM "ChannelManager" WHERE "channelId" = ${channelId}::uuid)
        AND NOT EXISTS (SELECT 1 FROM "ChannelEvent" WHERE "channelId" = ${channelId}::uuid
          AND action IN ('manager_added', 'manager_removed'))
      ON CONFLICT DO NOTHING`;
    if (added !== 1) return false;
    await recordChannelEvents(tx, [
      {
        channelId,
        actorId: null,
        action: "manager_added",
        newValue: { ...personValue(creator), reason: "channel_creator" },
      },
    ]);
    return true;
  });
}

export interface ChannelEventInput {
  channelId: string;
  actorId: string | null;
  action: ChannelAction;
  oldValue?: unknown;
  newValue?: unknown;
}

export async function recordChannelEvents(
  db: Prisma.TransactionClient,
  events: readonly ChannelEventInput[],
): Promise<void> {
  await db.channelEvent.createMany({
    data: events.map((event) => ({
      channelId: event.channelId,
      actorId: event.actorId,
      action: event.action,
      oldValue: (event.oldValue ?? undefined) as Prisma.InputJsonValue | undefined,
      newValue: (event.newValue ?? undefined) as Prisma.InputJsonValue | undefined,
    })),
  });
}

/** The latest manager changes of a channel, newest first. */
export async function managerHistory(prisma: PrismaClient, channelId: string, limit = 10): Promise<ChannelEventView[]> {
  const rows = await prisma.channelEvent.findMany({
    where: { channelId, action: { in: ["manager_added", "manager_removed"] } },
    select: { action: true, oldValue: true, newValue: true, createdAt: true, actor: { select: personSelect } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map((row) => ({
    action: row.action,
    actor: row.actor ? toPersonView(row.actor) : null,
    oldValue: row.oldValue,
    newValue: row.newValue,
    createdAt: row.createdAt,
  }));
}
