/**
 * Typed jobs: queue names, job name → payload, a zod schema per payload (each processor parses first), and the
 * deterministic job ids. Job data holds ids only: message text, tokens and names stay in the database.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Platform } from "../src/core/incoming.js";

export const pingPayloadSchema = z.object({ pingId: z.uuid() }).strict();
export const outboxPayloadSchema = z.object({ outboxId: z.uuid() }).strict();
/** `slot` (epoch ms) only on catch-up jobs the reconciler adds; scheduler jobs carry their slot in their id. */
export const summaryPayloadSchema = z
  .object({ channelId: z.uuid(), slot: z.number().int().positive().optional() })
  .strict();

export interface JobPayloads {
  "send-ping": z.infer<typeof pingPayloadSchema>;
  "send-outbox": z.infer<typeof outboxPayloadSchema>;
  "weekly-summary": z.infer<typeof summaryPayloadSchema>;
}
export type JobName = keyof JobPayloads;

/** Queue names (BullMQ refuses ":" in them). The Redis key prefix separates deployments and tests. */
export const queueNames = {
  pings: "pings",
  summaries: "summaries",
  outbox: (platform: Platform) => `outbox-${platform}`,
} as const;

/** One job per ping row: adding it twice is a no-op, so the reconciler and the scheduler may both add it. */
export const pingJobId = (pingId: string) => `ping-${pingId}`;
export const outboxJobId = (outboxId: string) => `outbox-${outboxId}`;
/** One job scheduler per channel. */
export const summarySchedulerId = (channelId: string) => `summary-${channelId}`;

/**
 * A UUID derived from `name` (SHA-256, shaped as a version-5-style UUID). Used for outbox rows that must exist
 * once per occurrence, e.g. a channel's summary of one scheduled slot: a retried or doubled job inserts nothing.
 */
export function deterministicUuid(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
