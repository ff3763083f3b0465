// (1)(2)(3)(6) deployMigrations behaves like `prisma migrate deploy` on PostgreSQL and PGlite.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase, pgConnection, pgliteConnection, postgresConfig } from "../../src/db/client.js";
import {
  defaultMigrationsDir,
  deployMigrations,
  type MigrationConnection,
  MigrationError,
  readLocalMigrations,
} from "../../src/db/deploy-migrations.js";
import { dropSchema, type TestDatabaseKind, testDatabaseKinds, uniqueSchemaName } from "../setup/db.js";
import { createTestPglite } from "../setup/pglite.js";
import { testDatabaseUrl } from "../setup/services.js";

interface RawDatabase {
  conn: MigrationConnection;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An empty database (a new schema, or a new in-memory PGlite) and one session on it. */
async function openEmpty(kind: TestDatabaseKind): Promise<RawDatabase & { schema?: string }> {
  if (kind === "pglite") {
    const pglite = await createTestPglite("empty");
    const raw = { conn: pgliteConnection(pglite), close: () => pglite.close() };
    cleanups.push(async () => {
      if (!pglite.closed) await pglite.close();
    });
    return raw;
  }
  const schema = uniqueSchemaName("deploy");
  cleanups.push(() => dropSchema(testDatabaseUrl(), schema));
  const client = await openSession(schema);
  await client.query(`CREATE SCHEMA "${schema}"`);
  cleanups.push(() => client.end().catch(() => undefined));
  return { conn: pgConnection(client), close: () => client.end(), schema };
}

async function openSession(schema: string): Promise<pg.Client> {
  const client = new pg.Client(postgresConfig(testDatabaseUrl(), schema));
  await client.connect();
  return client;
}

/** A copy of the migrations folder that a test may change. */
async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ro-viec-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  return dir;
}

const migrationRows = (conn: MigrationConnection) =>
  conn.query(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);

describe.each(testDatabaseKinds)("deployMigrations on %s", (kind) => {
  it("applies every migration once and records it like prisma migrate deploy", async () => {
    const local = await readLocalMigrations();
    expect(local.length).toBeGreaterThan(0);
    const { conn } = await openEmpty(kind);

    const result = await deployMigrations(conn);

    expect(result.applied).toEqual(local.map((m) => m.name));
    const rows = await migrationRows(conn);
    expect(rows).toHaveLength(local.length);
    rows.forEach((row, i) => {
      expect(row).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        checksum: local[i]?.checksum,
        finished_at: expect.any(Date),
        migration_name: local[i]?.name,
        logs: null,
        rolled_back_at: null,
        started_at: expect.any(Date),
        applied_steps_count: 1,
      });
      expect((row.finished_at as Date).getTime()).toBeGreaterThanOrEqual((row.started_at as Date).getTime());
    });
    expect(local[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("creates _prisma_migrations with the schema engine's columns", async () => {
    const { conn } = await openEmpty(kind);
    await deployMigrations(conn);
    const columns = await conn.query(
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        length: 255,
        is_nullable: "NO",
        column_default: null,
      },
      { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        length: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        length: null,
        is_nullable: "NO",
        column_default: "0",
      },
    ]);
  });

  it("does nothing when run again", async () => {
    const { conn } = await openEmpty(kind);
    await deployMigrations(conn);
    const before = await migrationRows(conn);

    const again = await deployMigrations(conn);

    expect(again.applied).toEqual([]);
    expect(await migrationRows(conn)).toEqual(before);
  });

  it("refuses when an applied migration.sql was changed", async () => {
    const migrationsDir = await copyMigrations();
    const { conn } = await openEmpty(kind);
    await deployMigrations(conn, { migrationsDir });
    const [first] = await readLocalMigrations(migrationsDir);
    await writeFile(join(migrationsDir, first?.name ?? "", "migration.sql"), `${first?.sql}\n-- edited later\n`);

    const error = await deployMigrations(conn, { migrationsDir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: "MIGRATION_CHECKSUM_MISMATCH", migrationName: first?.name });
    expect((error as Error).message).toMatch(/was modified after it was applied/);
  });

  it("records a failing migration, rolls back its changes, and refuses later deploys until resolved", async () => {
    const migrationsDir = await copyMigrations();
    const { conn } = await openEmpty(kind);
    await deployMigrations(conn, { migrationsDir });
    const broken = "29991231000000_broken";
    await cp(
      join(migrationsDir, (await readLocalMigrations(migrationsDir))[0]?.name ?? ""),
      join(migrationsDir, broken),
      {
        recursive: true,
      },
    );
    await writeFile(join(migrationsDir, broken, "migration.sql"), 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT 1/0;\n');

    await expect(deployMigrations(conn, { migrationsDir })).rejects.toMatchObject({
      code: "MIGRATION_APPLY_FAILED",
      migrationName: broken,
    });
    const [row] = await conn.query(`SELECT * FROM "_prisma_migrations" WHERE migration_name = $1`, [broken]);
    expect(row).toMatchObject({
      finished_at: null,
      applied_steps_count: 0,
      logs: expect.stringMatching(/division by zero/),
    });
    expect(await conn.query(`SELECT to_regclass('"Half"') AS half`)).toEqual([{ half: null }]);

    await expect(deployMigrations(conn, { migrationsDir })).rejects.toMatchObject({ code: "MIGRATION_FAILED_BEFORE" });
    // `prisma migrate resolve --rolled-back` marks the row; then deploy retries it (and here fails again).
    await conn.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [broken]);
    await expect(deployMigrations(conn, { migrationsDir })).rejects.toMatchObject({ code: "MIGRATION_APPLY_FAILED" });
  });
});

describe("deployMigrations from concurrent processes (PostgreSQL)", () => {
  it("applies each migration once when two sessions deploy at the same time", async () => {
    const { schema, conn } = await openEmpty("postgres");
    const sessions = await Promise.all([openSession(schema ?? ""), openSession(schema ?? "")]);
    cleanups.push(async () => {
      await Promise.all(sessions.map((s) => s.end()));
    });

    const results = await Promise.all(sessions.map((s) => deployMigrations(pgConnection(s))));

    const local = await readLocalMigrations();
    expect(results.flatMap((r) => r.applied).sort()).toEqual(local.map((m) => m.name).sort());
    expect(await migrationRows(conn)).toHaveLength(local.length);
  });

  it("opens two databases on one fresh schema at once without applying twice", async () => {
    const { schema, conn } = await openEmpty("postgres");
    const options = { databaseUrl: testDatabaseUrl(), dataDir: "memory://", schema };
    const dbs = await Promise.all([createDatabase(options), createDatabase(options)]);
    cleanups.push(async () => {
      await Promise.all(dbs.map((db) => db.close()));
    });

    expect(await migrationRows(conn)).toHaveLength((await readLocalMigrations()).length);
    expect(await dbs[0]?.prisma.workspace.count()).toBe(0);
  });
});
