/**
 * Moving an install from the embedded database to PostgreSQL (`npm run db:copy`): the rows of the PGlite folder are
 * dumped with PGlite's own pg_dump port and written into an empty PostgreSQL database whose tables our migrations
 * made, in one transaction, then counted on both sides. Ids are copied as they are, so the jobs already queued in
 * Redis (which name tasks and pings by id) stay valid.
 */
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import pg from "pg";
import { pgConnection, pgliteConnection, quoteIdentifier } from "./client.js";
import { deployMigrations } from "./deploy-migrations.js";
import { lockPgliteFolder } from "./pglite-lock.js";

export interface CopyOptions {
  /** The data directory whose `pglite` folder is copied (the bot's DATA_DIR). */
  dataDir: string;
  /** The PostgreSQL database to copy into: empty, or holding only our tables with no rows. */
  databaseUrl: string;
  migrationsDir?: string;
}

export interface CopiedTable {
  table: string;
  rows: number;
}

export class CopyRefusedError extends Error {
  readonly code = "copy_refused";
}

/**
 * Tables whose rows are not the install's data: the migrations' own record is written by the deploy on each side, and
 * the channels' stored figures are made again from the tasks (the trigger on "Task" marks them as the rows arrive).
 */
const NOT_COPIED = ["_prisma_migrations", "ChannelFigures"];

/** Copies every row; resolves with the row count of each table (equal on both sides, or it throws). */
export async function copyPgliteToPostgres(options: CopyOptions): Promise<CopiedTable[]> {
  const location = join(options.dataDir, "pglite");
  // The bot must not write while its rows are read: the folder's lock keeps it (and a second copy) out.
  const unlock = await lockPgliteFolder(location, 0);
  try {
    const source = await PGlite.create(location);
    try {
      // Both sides at the same migration, so every table and column of the dump exists in the target.
      await deployMigrations(pgliteConnection(source), { migrationsDir: options.migrationsDir });
      return await copyInto(source, options);
    } finally {
      await source.close();
    }
  } finally {
    await unlock();
  }
}

async function copyInto(source: PGlite, options: CopyOptions): Promise<CopiedTable[]> {
  const target = new pg.Client({ connectionString: options.databaseUrl });
  await target.connect();
  try {
    await deployMigrations(pgConnection(target), { migrationsDir: options.migrationsDir });
    const tables = await tableNames((sql) => target.query(sql).then((r) => r.rows));
    await refuseUnlessEmpty(target, tables);
    const dump = await dumpRows(source);
    const script = withoutUnknownSettings(dump, await settingNames(target));
    await target.query("BEGIN");
    try {
      await target.query(script);
      await target.query("COMMIT");
    } catch (error) {
      await target.query("ROLLBACK");
      throw error;
    }
    return await compareCounts(source, target, tables);
  } finally {
    await target.end();
  }
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

async function tableNames(query: Query): Promise<string[]> {
  const rows = await query(
    `select tablename from pg_tables where schemaname = 'public'
       and tablename <> all(array[${NOT_COPIED.map((t) => `'${t}'`).join(", ")}]) order by tablename`,
  );
  return rows.map((row) => String(row.tablename));
}

async function countRows(query: Query, table: string): Promise<number> {
  const [row] = await query(`select count(*)::int as n from public.${quoteIdentifier(table)}`);
  return Number(row?.n ?? 0);
}

/** Copying into a database that already holds an install would mix two installs' tasks: refused, nothing written. */
async function refuseUnlessEmpty(target: pg.Client, tables: readonly string[]): Promise<void> {
  const query: Query = (sql) => target.query(sql).then((r) => r.rows);
  for (const table of tables) {
    const rows = await countRows(query, table);
    if (rows > 0) {
      throw new CopyRefusedError(
        `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${table}: ${rows} dòng); mình không chép đè. / ` +
          `The target database already holds data (table ${table}: ${rows} rows); nothing was copied. ` +
          "Copy into a new, empty database.",
      );
    }
  }
}

/** Rows only, as INSERTs naming their columns (the tables come from our migrations), sequences set after them. */
async function dumpRows(source: PGlite): Promise<string> {
  const file = await pgDump({
    pg: source,
    // Quoted: pg_dump folds an unquoted pattern to lower case.
    args: [
      "--data-only",
      "--column-inserts",
      "--rows-per-insert=500",
      ...NOT_COPIED.map((t) => `--exclude-table="${t}"`),
    ],
  });
  return file.text();
}

async function settingNames(target: pg.Client): Promise<Set<string>> {
  const { rows } = await target.query<{ name: string }>("select name from pg_settings");
  return new Set(rows.map((row) => row.name));
}

/**
 * PGlite's pg_dump is of a newer PostgreSQL than the target may be; its header sets session options (such as
 * `transaction_timeout`, PostgreSQL 17) that an older server does not know and would fail the whole script on.
 */
export function withoutUnknownSettings(script: string, known: ReadonlySet<string>): string {
  return script
    .split("\n")
    .filter((line) => {
      const setting = /^SET (\w+) = /.exec(line)?.[1];
      return setting === undefined || known.has(setting);
    })
    .join("\n");
}

async function compareCounts(source: PGlite, target: pg.Client, tables: readonly string[]): Promise<CopiedTable[]> {
  const fromSource: Query = (sql) => source.query<Record<string, unknown>>(sql).then((r) => r.rows);
  const fromTarget: Query = (sql) => target.query(sql).then((r) => r.rows);
  const copied: CopiedTable[] = [];
  for (const table of tables) {
    const [before, after] = [await countRows(fromSource, table), await countRows(fromTarget, table)];
    if (before !== after) throw new Error(`table ${table}: ${before} rows in PGlite but ${after} in PostgreSQL`);
    copied.push({ table, rows: after });
  }
  return copied;
}
