/**
 * Access to the dashboard without passwords: the bot sends a person, privately, a single-use link valid
 * {@link LINK_TTL_MS}; opening it opens a session of {@link SESSION_TTL_MS} held in an HttpOnly cookie. Only SHA-256
 * hashes of the secrets are stored, so a copy of the database opens nothing; the secrets themselves are never
 * logged. A link is spent in one conditional update, so two openings race and one wins.
 */

import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Locale } from "../locale.js";

/** A link opens a session for 15 minutes after it is sent. */
export const LINK_TTL_MS = 15 * 60_000;
/** A session lasts 12 hours (a working day), then a new link is needed. */
export const SESSION_TTL_MS = 12 * 3_600_000;

type Db = Pick<PrismaClient, "dashboardLink" | "dashboardSession" | "member">;

/** The person a session belongs to, with what their rights depend on. */
export interface DashboardViewer {
  memberId: string;
  workspaceId: string;
  displayName: string;
  isWorkspaceAdmin: boolean;
  locale: Locale | null;
  timezone: string | null;
}

export type LinkOutcome =
  | { ok: true; sessionToken: string; path: string; expiresAt: Date }
  | { ok: false; reason: "unknown" | "expired" | "used" };

/** 32 random bytes, URL-safe: about 256 bits, not guessable within any lifetime. */
function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new single-use link for `memberId` leading to `path` (a dashboard path); returns the secret to put in the URL. */
export async function createLink(db: Db, memberId: string, path: string, now: Date): Promise<string> {
  const secret = newSecret();
  await db.dashboardLink.create({
    data: { memberId, path, tokenHash: hashSecret(secret), expiresAt: new Date(now.getTime() + LINK_TTL_MS) },
    select: { id: true },
  });
  return secret;
}

/** Spends a link and opens a session; says why when it cannot. */
export async function redeemLink(db: Db, secret: string, now: Date): Promise<LinkOutcome> {
  const tokenHash = hashSecret(secret);
  const link = await db.dashboardLink.findUnique({
    where: { tokenHash },
    select: { memberId: true, path: true, expiresAt: true, usedAt: true },
  });
  if (!link) return { ok: false, reason: "unknown" };
  if (link.usedAt) return { ok: false, reason: "used" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  const spent = await db.dashboardLink.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) return { ok: false, reason: "used" };
  const sessionToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.dashboardSession.create({
    data: { memberId: link.memberId, tokenHash: hashSecret(sessionToken), expiresAt },
    select: { id: true },
  });
  return { ok: true, sessionToken, path: link.path, expiresAt };
}

/** The person of a live session; null for an unknown, expired or revoked one. */
export async function sessionViewer(db: Db, sessionToken: string, now: Date): Promise<DashboardViewer | null> {
  const session = await db.dashboardSession.findUnique({
    where: { tokenHash: hashSecret(sessionToken) },
    select: {
      expiresAt: true,
      revokedAt: true,
      member: {
        select: {
          id: true,
          workspaceId: true,
          displayName: true,
          isWorkspaceAdmin: true,
          adminClaimedAt: true,
          locale: true,
          timezone: true,
        },
      },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  const { member } = session;
  return {
    memberId: member.id,
    workspaceId: member.workspaceId,
    displayName: member.displayName,
    isWorkspaceAdmin: member.isWorkspaceAdmin || member.adminClaimedAt !== null,
    locale: member.locale === "en" ? "en" : member.locale === "vi" ? "vi" : null,
    timezone: member.timezone,
  };
}

/** Ends every session of the person and spends their unused links ("đăng xuất mọi nơi"); returns the sessions ended. */
export async function revokeAll(db: Db, memberId: string, now: Date): Promise<number> {
  const sessions = await db.dashboardSession.updateMany({
    where: { memberId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  await db.dashboardLink.updateMany({ where: { memberId, usedAt: null }, data: { usedAt: now } });
  return sessions.count;
}

/** Ends one session (the page's "đăng xuất"). */
export async function revokeSession(db: Db, sessionToken: string, now: Date): Promise<void> {
  await db.dashboardSession.updateMany({
    where: { tokenHash: hashSecret(sessionToken), revokedAt: null },
    data: { revokedAt: now },
  });
}
