// Test databases: each call gets its own migrated database, so test files can run in parallel and leave nothing.
import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  createDatabase,
  type Database,
  memoryDataDir,
  openPgliteDatabase,
  quoteIdentifier,
} from "../../src/db/client.js";
import { createTestPglite } from "./pglite.js";
import { testDatabaseUrl } from "./services.js";

export type TestDatabaseKind = Database["kind"];

/** Both kinds, for `describe.each(testDatabaseKinds)`. */
export const testDatabaseKinds: readonly TestDatabaseKind[] = ["postgres", "pglite"];

export interface TestDatabase extends Database {
  /** The PostgreSQL schema holding this database's tables; undefined for PGlite. */
  schema?: string;
}

/** A schema name unique across processes and concurrent runs on the same server. */
export function uniqueSchemaName(prefix = "test"): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

/**
 * A freshly migrated database: on PostgreSQL a new schema in the test database (dropped on `close()`), on PGlite a
 * new in-memory instance from a cached migrated snapshot (gone on `close()`). Always call `close()`, e.g. in `afterAll`/`afterEach`.
 */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") return openPgliteDatabase(await createTestPglite("migrated"));
  const databaseUrl = testDatabaseUrl();
  const schema = uniqueSchemaName();
  let db: Database;
  try {
    db = await createDatabase({ databaseUrl, dataDir: memoryDataDir, schema });
  } catch (error) {
    await dropSchema(databaseUrl, schema);
    throw error;
  }
  return {
    ...db,
    schema,
    close: async () => {
      await db.close();
      await dropSchema(databaseUrl, schema);
    },
  };
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
