/**
 * The outbox table: every outbound ping and summary is a row here first, so nothing is lost when a worker, Redis or
 * a platform fails. Status flow: pending → in_doubt (set BEFORE calling the platform) → sent | pending (the platform
 * said no, retry) | failed (given up, kept and visible). Plain objects out; the queue side lives in jobs/.
 */
import type { Platform } from "../core/incoming.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import {
  insertOutboxMessages,
  type NewOutboxMessage,
  type OutboxRecord,
  type OutboxStatus,
  type RecordRow,
  recordSelect,
  toRecord,
} from "./outbox-rows.js";

export {
  deserializeReply,
  insertOutboxMessages,
  type NewOutboxMessage,
  type OutboxRecord,
  type OutboxStatus,
  serializeReply,
} from "./outbox-rows.js";

interface SendRowExtra {
  platform: string;
  status: string;
  olderUnfinished: boolean;
  tasksChanged: boolean;
  workspaceSuspended: boolean;
}

/** What a send attempt reads first about its row. */
export interface RowForSend {
  row: OutboxRecord;
  /** An older row to the same chat is not final yet and due already: this one waits for it (per-chat order). */
  olderUnfinished: boolean;
  /** Prepared ahead of its time, and a task it carries (or its channel) changed since: it must be claimed afresh. */
  tasksChanged: boolean;
  /** Its channel's workspace removed the bot: not attempted, kept pending until the workspace installs it again. */
  workspaceSuspended: boolean;
}

/**
 * How long before a prepared message was written a task change still counts as possibly unseen by it: a change's
 * `updatedAt` is the time its command started, and a command commits within milliseconds (p99 0.2 s at 200
 * commands/s on the bench machine). A row flagged needlessly is only claimed again at its time.
 */
const CHANGE_MARGIN = "2 seconds";

/** Error texts are kept short: they are for people reading the failed rows, not for debugging whole bodies. */
const clip = (text: string) => (text.length > 500 ? `${text.slice(0, 497)}...` : text);

/**
 * What each send attempt reads first (RowForSend), in one query for all of them (the outbox worker reads the
 * rows of the sends it starts together at once). A missing row is absent from the map.
 *
 * An older row prepared for a later time does not hold this one back: chats get their messages in the order
 * of their times. A prepared row's tasks count as changed when one of them or its channel's settings were
 * updated after the row was written, or up to CHANGE_MARGIN before (every change of a task or a channel moves
 * its `updatedAt`; planning and claiming pings do not).
 */
async function getManyForSend(
  prisma: PrismaClient,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, RowForSend>> {
  const found = await prisma.$queryRaw<(Omit<RecordRow, "platform" | "status"> & SendRowExtra)[]>`
    SELECT o.id::text AS id, o."channelId"::text AS "channelId", o.platform::text AS platform, o.target,
      o.payload, o.status::text AS status, o.attempts, o."inDoubtResends", o."lastError", o."externalMessageId",
      o."sentAt", o."sendAfter", o."createdAt",
      EXISTS (SELECT 1 FROM "OutboxMessage" x WHERE x.platform = o.platform AND x.target = o.target
        AND x.seq < o.seq AND x.status IN ('pending', 'in_doubt')
        AND (x."sendAfter" IS NULL OR x."sendAfter" <= ${now})) AS "olderUnfinished",
      (o."sendAfter" IS NOT NULL AND o.status = 'pending' AND (
        EXISTS (SELECT 1 FROM "Ping" p JOIN "Task" t ON t.id = p."taskId"
          WHERE p."outboxId" = o.id AND t."updatedAt" > o."createdAt" - ${CHANGE_MARGIN}::interval)
        OR EXISTS (SELECT 1 FROM "Channel" c
          WHERE c.id = o."channelId" AND c."updatedAt" > o."createdAt" - ${CHANGE_MARGIN}::interval)))
        AS "tasksChanged",
      EXISTS (SELECT 1 FROM "Channel" c JOIN "Workspace" w ON w.id = c."workspaceId"
        WHERE c.id = o."channelId" AND w.suspended) AS "workspaceSuspended"
    FROM "OutboxMessage" o WHERE o.id = ANY(${[...ids]}::uuid[])`;
  return new Map(
    found.map(({ olderUnfinished, tasksChanged, workspaceSuspended, platform, status, ...rest }) => [
      rest.id,
      {
        row: toRecord({ ...rest, platform: platform as Platform, status: status as OutboxStatus }),
        olderUnfinished,
        tasksChanged,
        workspaceSuspended,
      },
    ]),
  );
}

type SentRow = { id: string; externalMessageId: string | undefined; sentAt: Date };

/**
 * Marks the rows in doubt and counts the attempt, just before the platform is called: if the process dies during
 * the call, recovery knows the message may have gone out. Returns the ids that were marked (the others are final).
 */
async function markManyInDoubt(prisma: PrismaClient, ids: readonly string[], now: Date): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" SET status = 'in_doubt', attempts = attempts + 1, "updatedAt" = ${now}
    WHERE id = ANY(${[...ids]}::uuid[]) AND status IN ('pending', 'in_doubt')
    RETURNING id::text AS id`;
  return new Set(rows.map((r) => r.id));
}

/** markSent for several rows in one statement. */
async function markManySent(prisma: PrismaClient, sent: readonly SentRow[]): Promise<void> {
  if (sent.length === 0) return;
  await prisma.$executeRaw`
    UPDATE "OutboxMessage" o SET status = 'sent', "sentAt" = v."sentAt", "externalMessageId" = v.ext,
      "updatedAt" = v."sentAt"
    FROM unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.externalMessageId ?? null)}::text[],
      ${sent.map((s) => s.sentAt)}::timestamptz[]) AS v(id, ext, "sentAt")
    WHERE o.id = v.id AND o.status <> 'sent'`;
}

export type OutboxService = ReturnType<typeof createOutboxService>;

export interface OutboxServiceOptions {
  prisma: PrismaClient;
  /** The clock rows are stamped with (the jobs' clock). */
  now: () => Date;
}

export function createOutboxService(options: OutboxServiceOptions) {
  const { prisma, now } = options;

  return {
    /** Inserts a row, returning its id; with a deterministic id that exists already, `created` is false. */
    async create(message: NewOutboxMessage): Promise<{ id: string; created: boolean }> {
      const { ids, count } = await insertOutboxMessages(prisma, [message], now());
      return { id: ids[0] as string, created: count === 1 };
    },

    async get(id: string): Promise<OutboxRecord | null> {
      const row = await prisma.outboxMessage.findUnique({ where: { id }, select: recordSelect });
      return row ? toRecord(row) : null;
    },

    getManyForSend: (ids: readonly string[], now: Date) => getManyForSend(prisma, ids, now),

    markManyInDoubt: (ids: readonly string[], now: Date) => markManyInDoubt(prisma, ids, now),

    markManySent: (sent: readonly SentRow[]) => markManySent(prisma, sent),

    async markSent(id: string, externalMessageId: string | undefined, now: Date): Promise<void> {
      await prisma.outboxMessage.updateMany({
        where: { id, status: { not: "sent" } },
        data: { status: "sent", sentAt: now, externalMessageId: externalMessageId ?? null },
      });
    },

    /** The platform refused (so nothing went out): back to pending, to be retried. */
    async markPending(id: string, error: string): Promise<void> {
      await prisma.outboxMessage.updateMany({
        where: { id, status: { in: ["pending", "in_doubt"] } },
        data: { status: "pending", lastError: clip(error) },
      });
    },

    /** Given up: the row stays, visible with its last error. */
    async markFailed(id: string, error: string): Promise<void> {
      await prisma.outboxMessage.updateMany({
        where: { id, status: { not: "sent" } },
        data: { status: "failed", lastError: clip(error) },
      });
    },

    /** Counts a resend of an in-doubt message on a platform without history (Zalo). */
    async countInDoubtResend(id: string): Promise<void> {
      await prisma.outboxMessage.update({ where: { id }, data: { inDoubtResends: { increment: 1 } } });
    },

    /** Rows not yet final (pending or in doubt), oldest first: the reconciler makes sure each has a job. */
    async listUnfinished(limit = 5000): Promise<{ id: string; platform: Platform; sendAfter: Date | null }[]> {
      return prisma.outboxMessage.findMany({
        // A suspended workspace's messages wait without a job until it is installed again.
        where: {
          status: { in: ["pending", "in_doubt"] },
          OR: [{ channelId: null }, { channel: { workspace: { suspended: false } } }],
        },
        select: { id: true, platform: true, sendAfter: true },
        orderBy: { seq: "asc" },
        take: limit,
      });
    },
  };
}
