// Reads what the migration actually created in the current schema (PostgreSQL: the test schema; PGlite: public).
import type { PrismaClient } from "../../src/generated/prisma/client.js";

export interface ColumnInfo {
  dataType: string;
  udtName: string;
  nullable: boolean;
  default: string | null;
  precision: number | null;
}

export interface IndexInfo {
  name: string;
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

export interface ForeignKeyInfo {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

const actionNames: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

type Row = Record<string, unknown>;
const query = (prisma: PrismaClient, sql: string) => prisma.$queryRawUnsafe<Row[]>(sql);

export async function readColumns(prisma: PrismaClient): Promise<Map<string, Map<string, ColumnInfo>>> {
  const rows = await query(
    prisma,
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const tables = new Map<string, Map<string, ColumnInfo>>();
  for (const r of rows) {
    const table = String(r.table_name);
    if (!tables.has(table)) tables.set(table, new Map());
    tables.get(table)?.set(String(r.column_name), {
      dataType: String(r.data_type),
      udtName: String(r.udt_name),
      nullable: r.is_nullable === "YES",
      default: r.column_default === null ? null : String(r.column_default),
      precision: r.datetime_precision === null ? null : Number(r.datetime_precision),
    });
  }
  return tables;
}

export async function readIndexes(prisma: PrismaClient): Promise<IndexInfo[]> {
  const rows = await query(
    prisma,
    `SELECT i.relname AS name, t.relname AS "table", ix.indisunique AS "unique", ix.indisprimary AS "primary",
            (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
               FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema()`,
  );
  return rows.map((r) => ({
    name: String(r.name),
    table: String(r.table),
    columns: String(r.columns).split(","),
    unique: Boolean(r.unique),
    primary: Boolean(r.primary),
  }));
}

export async function readForeignKeys(prisma: PrismaClient): Promise<ForeignKeyInfo[]> {
  const rows = await query(
    prisma,
    `SELECT c.conname AS name, t.relname AS "table", rt.relname AS referenced,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
            (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class rt ON rt.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  return rows.map((r) => ({
    name: String(r.name),
    table: String(r.table),
    columns: String(r.columns).split(","),
    referencedTable: String(r.referenced),
    referencedColumns: String(r.referenced_columns).split(","),
    onDelete: actionNames[String(r.on_delete)] ?? String(r.on_delete),
    onUpdate: actionNames[String(r.on_update)] ?? String(r.on_update),
  }));
}

export async function readEnums(prisma: PrismaClient): Promise<Map<string, string[]>> {
  const rows = await query(
    prisma,
    `SELECT t.typname AS name, string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );
  return new Map(rows.map((r) => [String(r.name), String(r.labels).split(",")]));
}
