import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import {
  type DeployMigrationsOptions,
  type DeployMigrationsResult,
  deployMigrations,
  type MigrationConnection,
} from "./deploy-migrations.js";
import { lockPgliteFolder } from "./pglite-lock.js";

export interface CreateDatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /**
   * Data directory; PGlite keeps its files in `<dataDir>/pglite`. The special value `"memory://"` gives a
   * throw-away in-memory PGlite (tests). Ignored for PostgreSQL.
   */
  dataDir: string;
  /** PostgreSQL schema to use instead of the connection's default (created if missing). PostgreSQL only. */
  schema?: string;
  /** Where the migrations are read from. Default: the repository's `prisma/migrations`. */
  migrationsDir?: DeployMigrationsOptions["migrationsDir"];
}

/** Plain SQL with positional parameters ($1, $2 …), returning rows. */
export interface SqlLane {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  /**
   * A few connections of their own for short writes that must not wait behind the commands' transactions for a
   * pooled connection (the inbound journal, written before each ack). PGlite has one connection: the same one.
   */
  priorityLane: SqlLane;
  /** Disconnects Prisma and releases the pool or the PGlite instance. */
  close(): Promise<void>;
}

export const memoryDataDir = "memory://";

/** Opens the database, applies pending migrations, and returns a ready Prisma client. */
export async function createDatabase(options: CreateDatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPglite(options.dataDir, options.migrationsDir);
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A `pg` connection config whose sessions use `schema` first; `options` reaches the server at connect time. */
export function postgresConfig(databaseUrl: string, schema?: string): pg.ClientConfig {
  return schema
    ? { connectionString: databaseUrl, options: `-c search_path=${quoteIdentifier(schema)},public` }
    : { connectionString: databaseUrl };
}

/** Applies pending migrations and disconnects, without a Prisma client (`npm run db:deploy`). */
export async function deployDatabase(options: CreateDatabaseOptions): Promise<DeployMigrationsResult> {
  if (options.databaseUrl) return deployPostgres(options.databaseUrl, options);
  const location = await pgliteLocation(options.dataDir);
  const unlock = await lockFolder(location);
  try {
    const pglite = await PGlite.create(location);
    try {
      return await deployMigrations(pgliteConnection(pglite), { migrationsDir: options.migrationsDir });
    } finally {
      await pglite.close();
    }
  } finally {
    await unlock();
  }
}

async function deployPostgres(databaseUrl: string, options: CreateDatabaseOptions): Promise<DeployMigrationsResult> {
  const { schema } = options;
  // A dedicated session: the advisory lock that keeps concurrent deploys apart belongs to one connection.
  const client = new pg.Client(postgresConfig(databaseUrl, schema));
  await client.connect();
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    return await deployMigrations(pgConnection(client), { migrationsDir: options.migrationsDir });
  } finally {
    await client.end();
  }
}

async function openPostgres(databaseUrl: string, options: CreateDatabaseOptions): Promise<Database> {
  const { schema } = options;
  await deployPostgres(databaseUrl, options);
  const adapter = new PrismaPg(postgresConfig(databaseUrl, schema), schema ? { schema } : undefined);
  const prisma = new PrismaClient({ adapter });
  const lanePool = new pg.Pool({ ...postgresConfig(databaseUrl, schema), max: PRIORITY_LANE_CONNECTIONS });
  // An idle connection that dies (a restart, a cut network) is reported here; unheard, it would crash the process.
  // The pool drops it and opens another on the next query; the query that needed it fails and its caller decides.
  lanePool.on("error", () => {});
  return {
    prisma,
    kind: "postgres",
    priorityLane: { query: async (text, params) => (await lanePool.query(text, params)).rows },
    close: async () => {
      await prisma.$disconnect();
      await lanePool.end();
    },
  };
}

/** Connections of the priority lane: its writes are group-committed, so two keep up with thousands per second. */
const PRIORITY_LANE_CONNECTIONS = 2;

async function pgliteLocation(dataDir: string): Promise<string> {
  if (dataDir === memoryDataDir) return memoryDataDir;
  const location = join(dataDir, "pglite");
  await mkdir(location, { recursive: true });
  return location;
}

async function openPglite(dataDir: string, migrationsDir?: string): Promise<Database> {
  const location = await pgliteLocation(dataDir);
  const unlock = await lockFolder(location);
  try {
    const database = await openPgliteDatabase(await PGlite.create(location), { migrationsDir });
    return { ...database, close: () => database.close().finally(unlock) };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** The embedded database's folder is one process's (see pglite-lock.ts); an in-memory one needs no lock. */
async function lockFolder(location: string): Promise<() => Promise<void>> {
  return location === memoryDataDir ? async () => {} : lockPgliteFolder(location);
}

/**
 * Migrates an open PGlite instance and wraps it in a Prisma client; `close()` closes the instance too (on failure it
 * is closed before the error is rethrown). For callers that build the instance themselves, e.g. from a snapshot.
 */
export async function openPgliteDatabase(pglite: PGlite, options: DeployMigrationsOptions = {}): Promise<Database> {
  try {
    await deployMigrations(pgliteConnection(pglite), options);
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: "pglite",
    priorityLane: { query: async (text, params) => (await pglite.query<never>(text, params)).rows },
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function pgConnection(client: pg.Client | pg.PoolClient): MigrationConnection {
  return {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

export function pgliteConnection(db: PGlite): MigrationConnection {
  return {
    query: async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
}
