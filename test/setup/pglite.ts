// PGlite start-up runs initdb inside WebAssembly: seconds on a busy 2-core machine. Loading a data-directory
// snapshot takes a fraction of that, so tests start from cached snapshots (one empty, one migrated) kept in the OS
// temp dir, keyed by PGlite's version and the migrations' checksums so a new migration never meets a stale snapshot.
import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgliteConnection } from "../../src/db/client.js";
import { deployMigrations, readLocalMigrations } from "../../src/db/deploy-migrations.js";

export type PgliteSnapshotKind = "empty" | "migrated";

async function snapshotPath(kind: PgliteSnapshotKind): Promise<string> {
  const hash = createHash("sha256");
  hash.update(await readFile(new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url)));
  if (kind === "migrated") for (const m of await readLocalMigrations()) hash.update(`${m.name}:${m.checksum}`);
  return join(tmpdir(), `ro-viec-pglite-${kind}-${hash.digest("hex").slice(0, 16)}.tar`);
}

async function buildSnapshot(kind: PgliteSnapshotKind, path: string): Promise<Blob> {
  const pglite = await PGlite.create("memory://");
  try {
    if (kind === "migrated") await deployMigrations(pgliteConnection(pglite));
    const dump = await pglite.dumpDataDir("none");
    // Write then rename, so a concurrent run never reads a half-written file.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, path);
    return dump;
  } finally {
    await pglite.close();
  }
}

/** Makes sure both snapshots exist (globalSetup calls this once, so test files only ever load). */
export async function preparePgliteSnapshots(): Promise<void> {
  for (const kind of ["empty", "migrated"] as const) await loadSnapshot(kind);
}

async function loadSnapshot(kind: PgliteSnapshotKind): Promise<Blob> {
  const path = await snapshotPath(kind);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    return buildSnapshot(kind, path);
  }
}

/** A new in-memory PGlite started from the snapshot: no tables (`empty`) or all migrations applied (`migrated`). */
export async function createTestPglite(kind: PgliteSnapshotKind): Promise<PGlite> {
  return PGlite.create({ dataDir: "memory://", loadDataDir: await loadSnapshot(kind) });
}
