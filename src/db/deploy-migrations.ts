import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `prisma/migrations` lives, resolved from this file so the CLI and the app work from any cwd. */
export const defaultMigrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** The advisory lock key `prisma migrate deploy` takes on PostgreSQL, so our deploy and Prisma's exclude each other. */
export const migrationLockKey = 72707369;

/**
 * One dedicated database session (advisory locks are per session): a `pg.Client` or a PGlite instance, adapted.
 * `exec` runs a script of several statements; `query` runs one parameterised statement.
 */
export interface MigrationConnection {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
}

export interface DeployMigrationsOptions {
  /** Folder holding `<timestamp>_<name>/migration.sql`. Default: the repository's `prisma/migrations`. */
  migrationsDir?: string;
}

export interface DeployMigrationsResult {
  /** Folder names applied by this call, in order; empty when the database was up to date. */
  applied: string[];
}

export type MigrationErrorCode = "MIGRATION_CHECKSUM_MISMATCH" | "MIGRATION_FAILED_BEFORE" | "MIGRATION_APPLY_FAILED";

/** A migration problem that needs a human: the message says which migration and what to do. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    readonly code: MigrationErrorCode,
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface LocalMigration {
  name: string;
  sql: string;
  /** SHA-256 hex of the migration.sql bytes, as Prisma stores it. */
  checksum: string;
}

// Same DDL as Prisma's schema engine, so `prisma migrate status|deploy` elsewhere accept our rows.
const createMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function migrationChecksum(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads the migration folders in name order (Prisma's timestamp prefixes make that chronological). */
export async function readLocalMigrations(migrationsDir = defaultMigrationsDir): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(migrationsDir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Applies pending migrations like `prisma migrate deploy`: under advisory lock 72707369, each migration in its own
 * transaction, one `_prisma_migrations` row each. Refuses (MigrationError) when an applied migration's file changed
 * or an earlier attempt failed and was not resolved.
 */
export async function deployMigrations(
  conn: MigrationConnection,
  options: DeployMigrationsOptions = {},
): Promise<DeployMigrationsResult> {
  const local = await readLocalMigrations(options.migrationsDir);
  await conn.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
  try {
    await conn.exec(createMigrationsTable);
    const rows = (await conn.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    )) as unknown as AppliedRow[];
    const pending = findPending(local, rows);
    for (const migration of pending) await applyOne(conn, migration);
    return { applied: pending.map((m) => m.name) };
  } finally {
    await conn.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]);
  }
}

function findPending(local: LocalMigration[], rows: AppliedRow[]): LocalMigration[] {
  const live = rows.filter((r) => r.rolled_back_at === null);
  const failed = live.find((r) => r.finished_at === null);
  if (failed) {
    throw new MigrationError(
      "MIGRATION_FAILED_BEFORE",
      failed.migration_name,
      `Migration ${failed.migration_name} failed in an earlier deploy and was not resolved; no new migration was ` +
        "applied. Fix the database by hand, then mark it with `prisma migrate resolve --applied|--rolled-back`.",
    );
  }
  const applied = new Map(live.map((r) => [r.migration_name, r.checksum]));
  for (const m of local) {
    const checksum = applied.get(m.name);
    if (checksum !== undefined && checksum !== m.checksum) {
      throw new MigrationError(
        "MIGRATION_CHECKSUM_MISMATCH",
        m.name,
        `Migration ${m.name} was modified after it was applied (checksum ${checksum.slice(0, 12)}… in the database, ` +
          `${m.checksum.slice(0, 12)}… on disk). Restore the original migration.sql and put changes in a new migration.`,
      );
    }
  }
  return local.filter((m) => !applied.has(m.name));
}

async function applyOne(conn: MigrationConnection, m: LocalMigration): Promise<void> {
  const id = randomUUID();
  // The row is written before the script, outside its transaction, so a failed attempt stays visible (as in Prisma).
  await conn.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, m.checksum, m.name],
  );
  try {
    await conn.exec("BEGIN");
    await conn.exec(m.sql);
    await conn.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await conn.exec("COMMIT");
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => undefined);
    const logs = error instanceof Error ? error.message : String(error);
    await conn.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, logs]);
    throw new MigrationError("MIGRATION_APPLY_FAILED", m.name, `Migration ${m.name} failed: ${logs}`, {
      cause: error,
    });
  }
}
