/**
 * Workspace admins on a platform that has none of its own (Zalo): the operator runs `npm run zalo:claim`, which
 * prints a one-time code on their terminal; whoever sends that code privately to the bot before it expires becomes
 * an admin of the bot's workspace, durably (Member.adminClaimedAt).
 *
 * Only a SHA-256 of the code is stored, in the database, or (with the embedded database, which one process holds
 * at a time, the running bot) in a file of the data directory that the bot reads. The code never reaches a log: the
 * CLI prints it to the terminal itself, and a message carrying one is handled before anything logs its text.
 */
import { createHash, randomInt } from "node:crypto";
import { mkdir, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Platform } from "../core/incoming.js";
import { CLAIM_CODE_ALPHABET } from "../core/permission-phrases.js";
import type { PrismaClient } from "../generated/prisma/client.js";

/** How long a code may be used, in ms. */
export const CLAIM_CODE_TTL_MS = 30 * 60_000;

/** A fresh code; cryptographically random. */
export function newClaimCode(): string {
  const groups = [0, 1, 2].map(() =>
    Array.from({ length: 4 }, () => CLAIM_CODE_ALPHABET[randomInt(CLAIM_CODE_ALPHABET.length)] as string).join(""),
  );
  return `RV-${groups.join("-")}`;
}

export function hashClaimCode(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/** Where the CLI leaves codes for a bot on the embedded database: `<dataDir>/admin-claims/<hash>.json`. */
export function claimDropDir(dataDir: string): string {
  return join(dataDir, "admin-claims");
}

/** Stores a new code's hash (database, or the data directory for the embedded database). */
export async function storeClaimCode(
  target: { prisma: PrismaClient } | { dropDir: string },
  platform: Platform,
  code: string,
  now: Date,
): Promise<Date> {
  const expiresAt = new Date(now.getTime() + CLAIM_CODE_TTL_MS);
  const codeHash = hashClaimCode(code);
  if ("prisma" in target) {
    await target.prisma.adminClaimCode.create({ data: { platform, codeHash, expiresAt } });
  } else {
    await mkdir(target.dropDir, { recursive: true, mode: 0o700 });
    const body = JSON.stringify({ platform, expiresAt: expiresAt.toISOString() });
    await writeFile(join(target.dropDir, `${codeHash}.json`), body, { mode: 0o600 });
  }
  return expiresAt;
}

/** Spends a code sent by `memberId`; true when it was valid, unused and unexpired (the member is then an admin). */
export async function redeemClaimCode(
  prisma: PrismaClient,
  platform: Platform,
  code: string,
  memberId: string,
  now: Date,
  dropDir?: string,
): Promise<boolean> {
  const codeHash = hashClaimCode(code);
  const { count } = await prisma.adminClaimCode.updateMany({
    where: { codeHash, platform, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, usedById: memberId },
  });
  const valid = count === 1 || (dropDir !== undefined && (await spendDroppedCode(dropDir, codeHash, platform, now)));
  if (valid) await prisma.member.update({ where: { id: memberId }, data: { adminClaimedAt: now } });
  return valid;
}

/** A code shown where others could read it (a group) is spent without effect, so no one else can use it. */
export async function burnClaimCode(prisma: PrismaClient, code: string, dropDir?: string): Promise<void> {
  const codeHash = hashClaimCode(code);
  await prisma.adminClaimCode.deleteMany({ where: { codeHash, usedAt: null } });
  if (dropDir) await unlink(join(dropDir, `${codeHash}.json`)).catch(() => undefined);
}

/** Takes a dropped code: unlinking the file is the one-time use (a second unlink fails). */
async function spendDroppedCode(dropDir: string, codeHash: string, platform: Platform, now: Date): Promise<boolean> {
  const file = join(dropDir, `${codeHash}.json`);
  let stored: { platform?: string; expiresAt?: string };
  try {
    stored = JSON.parse(await readFile(file, "utf8"));
    await unlink(file);
  } catch {
    return false;
  }
  return stored.platform === platform && new Date(stored.expiresAt ?? 0).getTime() > now.getTime();
}

/** Removes expired dropped codes (the CLI calls this before adding one). */
export async function pruneDroppedCodes(dropDir: string, now: Date): Promise<void> {
  const names = await readdir(dropDir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const file = join(dropDir, name);
    try {
      const stored = JSON.parse(await readFile(file, "utf8")) as { expiresAt?: string };
      if (new Date(stored.expiresAt ?? 0).getTime() <= now.getTime()) await unlink(file);
    } catch {
      // a file being written or already taken: leave it
    }
  }
}

/** People who claimed admin rights on `platform`, with when; for `npm run zalo:claim -- --list`. */
export async function listClaimedAdmins(prisma: PrismaClient, platform: Platform) {
  return prisma.member.findMany({
    where: { adminClaimedAt: { not: null }, workspace: { platform } },
    select: { externalId: true, displayName: true, adminClaimedAt: true },
    orderBy: { adminClaimedAt: "asc" },
  });
}

/** Takes claimed admin rights back from the person with this platform id; how many rows changed. */
export async function revokeClaimedAdmin(prisma: PrismaClient, platform: Platform, externalId: string) {
  const { count } = await prisma.member.updateMany({
    where: { externalId, adminClaimedAt: { not: null }, workspace: { platform } },
    data: { adminClaimedAt: null },
  });
  return count;
}
