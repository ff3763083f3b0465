// (5) The migration SQL matches prisma/schema.prisma: tables, columns (type, nullability, default), enums,
// indexes and foreign keys, compared with what Prisma's PostgreSQL connector derives from the schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";
import {
  type ColumnInfo,
  type ForeignKeyInfo,
  type IndexInfo,
  readColumns,
  readEnums,
  readForeignKeys,
  readIndexes,
} from "./introspect.js";
import {
  blockColumns,
  type PrismaSchema,
  parsePrismaSchema,
  primaryKey,
  type SchemaField,
  type SchemaModel,
  scalarFields,
} from "./prisma-schema.js";
import { runtimeModels } from "./runtime-model.js";

const schema = parsePrismaSchema();

const baseTypes: Record<string, [dataType: string, udtName: string]> = {
  String: ["text", "text"],
  Int: ["integer", "int4"],
  BigInt: ["bigint", "int8"],
  Boolean: ["boolean", "bool"],
  Json: ["jsonb", "jsonb"],
  Float: ["double precision", "float8"],
  DateTime: ["timestamp without time zone", "timestamp"],
};
const nativeTypes: Record<string, [dataType: string, udtName: string]> = {
  Uuid: ["uuid", "uuid"],
  "Timestamptz(3)": ["timestamp with time zone", "timestamptz"],
  Date: ["date", "date"],
};

function expectedDefault(model: SchemaModel, field: SchemaField): string | null {
  const value = field.default;
  if (value === undefined || field.isUpdatedAt || /^(uuid|cuid|nanoid|ulid)\(/.test(value)) return null;
  if (value === "now()") return "CURRENT_TIMESTAMP";
  if (value === "autoincrement()") return `nextval('"${model.name}_${field.name}_seq"'::regclass)`;
  if (schema.enums.has(field.type)) return `'${value}'::"${field.type}"`;
  if (value.startsWith('"')) return `'${value.slice(1, -1)}'::text`;
  if (field.isList) return `ARRAY${value}`;
  return value;
}

function expectedColumn(model: SchemaModel, field: SchemaField): ColumnInfo {
  const isEnum = schema.enums.has(field.type);
  const [dataType, udtName] = isEnum
    ? ["USER-DEFINED", field.type]
    : ((field.nativeType && nativeTypes[field.nativeType]) ?? baseTypes[field.type] ?? ["?", "?"]);
  return {
    dataType: field.isList ? "ARRAY" : dataType,
    udtName: field.isList ? `_${udtName}` : udtName,
    nullable: field.isOptional || field.isList,
    default: expectedDefault(model, field),
    precision: dataType.startsWith("timestamp") ? 3 : dataType === "date" ? 0 : null,
  };
}

function expectedIndexes(s: PrismaSchema): IndexInfo[] {
  return [...s.models.values()].flatMap((m) => {
    const index = (columns: string[], suffix: string, unique: boolean, primary = false): IndexInfo => ({
      name: primary ? `${m.name}_pkey` : `${m.name}_${columns.join("_")}_${suffix}`,
      table: m.name,
      columns,
      unique,
      primary,
    });
    return [
      index(primaryKey(m), "pkey", true, true),
      ...m.fields.filter((f) => f.isUnique).map((f) => index([f.name], "key", true)),
      ...blockColumns(m, "@@unique").map((c) => index(c, "key", true)),
      ...blockColumns(m, "@@index").map((c) => index(c, "idx", false)),
    ];
  });
}

function expectedForeignKeys(s: PrismaSchema): ForeignKeyInfo[] {
  return [...s.models.values()].flatMap((m) =>
    m.fields.flatMap((f) => {
      if (!f.relation) return [];
      // Prisma's referential-action defaults: Restrict for a required relation, SetNull for an optional one.
      const optional = f.isOptional || f.relation.fields.some((n) => m.fields.find((x) => x.name === n)?.isOptional);
      return [
        {
          name: `${m.name}_${f.relation.fields.join("_")}_fkey`,
          table: m.name,
          columns: f.relation.fields,
          referencedTable: f.type,
          referencedColumns: f.relation.references,
          onDelete: f.relation.onDelete ?? (optional ? "SetNull" : "Restrict"),
          onUpdate: f.relation.onUpdate ?? "Cascade",
        },
      ];
    }),
  );
}

const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));

describe.each(testDatabaseKinds)("migration matches schema.prisma on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("reads the same models and fields from schema.prisma as the generated client has", () => {
    const runtime = runtimeModels(db.prisma);
    expect([...schema.models.keys()].sort()).toEqual(Object.keys(runtime).sort());
    for (const model of schema.models.values()) {
      const names = runtime[model.name]?.fields.map((f) => f.name);
      expect(model.fields.map((f) => f.name)).toEqual(names);
    }
  });

  it("has exactly the tables and columns the schema implies", async () => {
    const actual = await readColumns(db.prisma);
    expect([...actual.keys()].sort()).toEqual([...schema.models.keys(), "_prisma_migrations"].sort());
    for (const model of schema.models.values()) {
      const expected = Object.fromEntries(scalarFields(schema, model).map((f) => [f.name, expectedColumn(model, f)]));
      expect({ table: model.name, columns: Object.fromEntries(actual.get(model.name) ?? []) }).toEqual({
        table: model.name,
        columns: expected,
      });
    }
  });

  it("has the enums with their values in order", async () => {
    expect(Object.fromEntries(await readEnums(db.prisma))).toEqual(Object.fromEntries(schema.enums));
  });

  it("has the primary keys, unique constraints and indexes, with Prisma's names", async () => {
    const actual = (await readIndexes(db.prisma)).filter((i) => i.table !== "_prisma_migrations");
    expect(byName(actual)).toEqual(byName(expectedIndexes(schema)));
  });

  it("has the foreign keys with Prisma's names and referential actions", async () => {
    expect(byName(await readForeignKeys(db.prisma))).toEqual(byName(expectedForeignKeys(schema)));
  });
});
