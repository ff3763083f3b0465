/**
 * The outbox table: every outbound ping and summary is a row here first, so nothing is lost when a worker, Redis or
 * a platform fails. Status flow: pending → in_doubt (set BEFORE calling the platform) → sent | pending (the platform
 * said no, retry) | failed (given up, kept and visible). Plain objects out; the queue side lives in jobs/.
 */
import type { Platform } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

export type OutboxStatus = "pending" | "in_doubt" | "sent" | "failed";

export interface OutboxRecord {
  id: string;
  channelId: string | null;
  platform: Platform;
  target: string;
  reply: Reply;
  status: OutboxStatus;
  attempts: number;
  inDoubtResends: number;
  lastError: string | null;
  externalMessageId: string | null;
  sentAt: Date | null;
  /** Not to be sent before this instant (a ping message prepared ahead of its time); null: at once. */
  sendAfter: Date | null;
  createdAt: Date;
}

export interface NewOutboxMessage {
  /** A deterministic id (e.g. one weekly summary per channel and slot) makes the insert idempotent. */
  id?: string;
  channelId: string | null;
  platform: Platform;
  target: string;
  reply: Reply;
  /** Prepared ahead: not sent before this instant. */
  sendAfter?: Date | null;
}

const DATE_KEYS = new Set(["dueAt", "createdAt", "closedAt", "acknowledgedAt", "doneAt"]);

/** A reply as JSON: dates as ISO strings, an attachment's bytes as base64. */
export function serializeReply(reply: Reply): Prisma.InputJsonValue {
  const { attachment, ...rest } = reply;
  const json = JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
  if (attachment) {
    json.attachment = {
      filename: attachment.filename,
      mimeType: attachment.mimeType,
      contentBase64: Buffer.from(attachment.content).toString("base64"),
    };
  }
  return json as Prisma.InputJsonValue;
}

/** The inverse of {@link serializeReply}. */
export function deserializeReply(json: unknown): Reply {
  const revived = JSON.parse(JSON.stringify(json), (key, value) =>
    DATE_KEYS.has(key) && typeof value === "string" ? new Date(value) : value,
  ) as Reply & { attachment?: { filename: string; mimeType: string; contentBase64?: string } };
  const attachment = revived.attachment;
  if (attachment?.contentBase64 !== undefined) {
    revived.attachment = {
      filename: attachment.filename,
      mimeType: attachment.mimeType,
      content: new Uint8Array(Buffer.from(attachment.contentBase64, "base64")),
    };
  }
  return revived;
}

const recordSelect = {
  id: true,
  channelId: true,
  platform: true,
  target: true,
  payload: true,
  status: true,
  attempts: true,
  inDoubtResends: true,
  lastError: true,
  externalMessageId: true,
  sentAt: true,
  sendAfter: true,
  createdAt: true,
} as const satisfies Prisma.OutboxMessageSelect;

type RecordRow = Prisma.OutboxMessageGetPayload<{ select: typeof recordSelect }>;
interface SendRowExtra {
  platform: string;
  status: string;
  olderUnfinished: boolean;
  tasksChanged: boolean;
}

/** What a send attempt reads first about its row. */
export interface RowForSend {
  row: OutboxRecord;
  /** An older row to the same chat is not final yet and due already: this one waits for it (per-chat order). */
  olderUnfinished: boolean;
  /** Prepared ahead of its time, and a task it carries (or its channel) changed since: it must be claimed afresh. */
  tasksChanged: boolean;
}

function toRecord({ payload, ...row }: RecordRow): OutboxRecord {
  return { ...row, reply: deserializeReply(payload) };
}

/**
 * How long before a prepared message was written a task change still counts as possibly unseen by it: a change's
 * `updatedAt` is the time its command started, and a command commits within milliseconds (p99 0.2 s at 200
 * commands/s on the bench machine). A row flagged needlessly is only claimed again at its time.
 */
const CHANGE_MARGIN = "2 seconds";

/** Error texts are kept short: they are for people reading the failed rows, not for debugging whole bodies. */
const clip = (text: string) => (text.length > 500 ? `${text.slice(0, 497)}...` : text);

export type OutboxService = ReturnType<typeof createOutboxService>;

export function createOutboxService(options: { prisma: PrismaClient }) {
  const { prisma } = options;

  /** Inserts a row inside the caller's transaction (the ping claim), returning its id. */
  async function insert(
    db: Prisma.TransactionClient,
    message: NewOutboxMessage,
  ): Promise<{ id: string; created: boolean }> {
    const data = {
      ...(message.id ? { id: message.id } : {}),
      channelId: message.channelId,
      platform: message.platform,
      target: message.target,
      payload: serializeReply(message.reply),
      sendAfter: message.sendAfter ?? null,
    };
    if (!message.id) {
      const row = await db.outboxMessage.create({ data, select: { id: true } });
      return { id: row.id, created: true };
    }
    const { count } = await db.outboxMessage.createMany({ data: [data], skipDuplicates: true });
    return { id: message.id, created: count === 1 };
  }

  return {
    insert,
    create: (message: NewOutboxMessage) => insert(prisma, message),

    async get(id: string): Promise<OutboxRecord | null> {
      const row = await prisma.outboxMessage.findUnique({ where: { id }, select: recordSelect });
      return row ? toRecord(row) : null;
    },

    /**
     * What each send attempt reads first (RowForSend), in one query for all of them (the outbox worker reads the
     * rows of the sends it starts together at once). A missing row is absent from the map.
     *
     * An older row prepared for a later time does not hold this one back: chats get their messages in the order
     * of their times. A prepared row's tasks count as changed when one of them or its channel's settings were
     * updated after the row was written, or up to CHANGE_MARGIN before (every change of a task or a channel moves
     * its `updatedAt`; planning and claiming pings do not).
     */
    async getManyForSend(ids: readonly string[], now: Date): Promise<Map<string, RowForSend>> {
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
            AS "tasksChanged"
        FROM "OutboxMessage" o WHERE o.id = ANY(${[...ids]}::uuid[])`;
      return new Map(
        found.map(({ olderUnfinished, tasksChanged, platform, status, ...rest }) => [
          rest.id,
          {
            row: toRecord({ ...rest, platform: platform as Platform, status: status as OutboxStatus }),
            olderUnfinished,
            tasksChanged,
          },
        ]),
      );
    },

    /**
     * Marks the rows in doubt and counts the attempt, just before the platform is called: if the process dies
     * during the call, recovery knows the message may have gone out. Returns the ids that were marked (the others
     * are final).
     */
    async markManyInDoubt(ids: readonly string[], now: Date): Promise<Set<string>> {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE "OutboxMessage" SET status = 'in_doubt', attempts = attempts + 1, "updatedAt" = ${now}
        WHERE id = ANY(${[...ids]}::uuid[]) AND status IN ('pending', 'in_doubt')
        RETURNING id::text AS id`;
      return new Set(rows.map((r) => r.id));
    },

    /** markSent for several rows in one statement. */
    async markManySent(
      sent: readonly { id: string; externalMessageId: string | undefined; sentAt: Date }[],
    ): Promise<void> {
      if (sent.length === 0) return;
      await prisma.$executeRaw`
        UPDATE "OutboxMessage" o SET status = 'sent', "sentAt" = v."sentAt", "externalMessageId" = v.ext,
          "updatedAt" = v."sentAt"
        FROM unnest(${sent.map((s) => s.id)}::uuid[], ${sent.map((s) => s.externalMessageId ?? null)}::text[],
          ${sent.map((s) => s.sentAt)}::timestamptz[]) AS v(id, ext, "sentAt")
        WHERE o.id = v.id AND o.status <> 'sent'`;
    },

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
        where: { status: { in: ["pending", "in_doubt"] } },
        select: { id: true, platform: true, sendAfter: true },
        orderBy: { seq: "asc" },
        take: limit,
      });
    },
  };
}
