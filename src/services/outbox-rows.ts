/**
 * Outbox rows as plain objects: a reply stored as JSON and read back, and the one function that writes rows (every
 * ping message and weekly summary goes through insertOutboxMessages). The status flow is stated in outbox-service.ts.
 */
import { randomUUID } from "node:crypto";
import type { Platform } from "../core/incoming.js";
import type { Reply } from "../core/reply.js";
import type { Prisma } from "../generated/prisma/client.js";

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

export const recordSelect = {
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

export type RecordRow = Prisma.OutboxMessageGetPayload<{ select: typeof recordSelect }>;
export function toRecord({ payload, ...row }: RecordRow): OutboxRecord {
  return { ...row, reply: deserializeReply(payload) };
}

/**
 * Where every outbox row is written: one statement for any number of messages, in the order given (so each chat's
 * messages keep their order, `seq`). A message without an id gets a fresh one; a message whose id exists already
 * (a weekly summary of a slot sent once) is skipped. Returns each message's id and how many rows were new.
 */
export async function insertOutboxMessages(
  db: Prisma.TransactionClient,
  messages: readonly NewOutboxMessage[],
  now: Date,
): Promise<{ ids: string[]; count: number }> {
  const data = messages.map((message) => ({
    id: message.id ?? randomUUID(),
    channelId: message.channelId,
    platform: message.platform,
    target: message.target,
    payload: serializeReply(message.reply),
    sendAfter: message.sendAfter ?? null,
  }));
  if (data.length === 0) return { ids: [], count: 0 };
  // Raw rather than createMany, whose plan Prisma compiles anew at every call (the rush writes many small batches).
  // ORDER BY the position: the rows take their `seq` in the order given.
  const count = await db.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "channelId", "platform", "target", "payload", "sendAfter", "createdAt", "updatedAt")
    SELECT m."id", m."channelId", m."platform"::"Platform", m."target", m."payload", m."sendAfter",
      ${now}::timestamptz, ${now}::timestamptz
    FROM unnest(
      ${data.map((row) => row.id)}::uuid[],
      ${data.map((row) => row.channelId)}::uuid[],
      ${data.map((row) => row.platform)}::text[],
      ${data.map((row) => row.target)}::text[],
      ${data.map((row) => JSON.stringify(row.payload))}::jsonb[],
      ${data.map((row) => row.sendAfter?.toISOString() ?? null)}::timestamptz[]
    ) WITH ORDINALITY AS m("id", "channelId", "platform", "target", "payload", "sendAfter", "position")
    ORDER BY m."position"
    ON CONFLICT DO NOTHING`;
  return { ids: data.map((row) => row.id), count };
}
