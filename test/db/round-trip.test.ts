// (4) Every model and every field of schema.prisma round-trips through the generated client: create a row with every
// scalar field set (to a non-default value), read it back, get the same values. The field list comes from the
// generated client's runtime data model, so a field added to the schema but missing from the SQL fails here.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";
import { modelsInDependencyOrder, parsePrismaSchema, primaryKey, type SchemaField } from "./prisma-schema.js";
import { type RuntimeField, runtimeModels } from "./runtime-model.js";

const schema = parsePrismaSchema();
type Row = Record<string, unknown>;
interface ModelDelegate {
  create(args: { data: Row }): Promise<Row>;
  findUniqueOrThrow(args: { where: Row }): Promise<Row>;
}

/** A value unlike the column's default, exercising what can go wrong (diacritics, BigInt past 2^53, milliseconds). */
function sampleValue(field: RuntimeField, info: SchemaField | undefined, index: number): unknown {
  const one = (() => {
    if (field.kind === "enum") return schema.enums.get(field.type)?.at(-1);
    switch (field.type) {
      case "String":
        return info?.nativeType === "Uuid" ? randomUUID() : `Nộp báo cáo quy hoạch — “${field.name}” #${index} ✓`;
      case "Int":
        return 40_000 + index;
      case "BigInt":
        return 9_007_199_254_740_993n + BigInt(index);
      case "Boolean":
        return info?.default !== "true";
      case "Json":
        return { việc: ["Rõ Việc", index, true, null], nested: { dueGrain: "week", n: 1.5 } };
      case "DateTime":
        return info?.nativeType === "Date"
          ? new Date(Date.UTC(2026, 11, 10 + index))
          : new Date(Date.UTC(2026, 11, 11, 10, index % 60, 7, 123));
      case "Decimal":
      case "Float":
        return 12.25 + index;
      default:
        throw new Error(`round-trip test has no sample for type ${field.type}; add one in sampleValue()`);
    }
  })();
  return info?.isList ? [one, one] : one;
}

describe.each(testDatabaseKinds)("every model and field round-trips on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("creates each model with every field set and reads it back equal", async () => {
    const runtime = runtimeModels(db.prisma);
    const created = new Map<string, Row>();
    const models = modelsInDependencyOrder(schema);
    expect(models.map((m) => m.name).sort()).toEqual(Object.keys(runtime).sort());

    for (const model of models) {
      const fields = runtime[model.name]?.fields.filter((f) => f.kind !== "object") ?? [];
      const data: Row = {};
      fields.forEach((field, index) => {
        data[field.name] = sampleValue(
          field,
          model.fields.find((f) => f.name === field.name),
          index,
        );
      });
      // Foreign keys must point at the rows created before (models are in dependency order).
      for (const relation of model.fields.filter((f) => f.relation)) {
        const parent = created.get(relation.type);
        relation.relation?.fields.forEach((name, i) => {
          // A self-relation (a tree's parent unit) has no earlier row of its model to point at: a root, null.
          data[name] = parent?.[relation.relation?.references[i] ?? ""] ?? null;
        });
      }
      const delegateName = model.name.charAt(0).toLowerCase() + model.name.slice(1);
      const delegate = (db.prisma as unknown as Record<string, ModelDelegate>)[delegateName];
      if (!delegate) throw new Error(`generated client has no delegate ${delegateName}`);

      // A channel's stored figures are made by the trigger on "Task" when its task was created: start from none.
      if (model.name === "ChannelFigures") await db.prisma.channelFigures.deleteMany({});
      const returned = await delegate.create({ data });
      const where = Object.fromEntries(primaryKey(model).map((k) => [k, data[k]]));
      const key = primaryKey(model).length > 1 ? { [primaryKey(model).join("_")]: where } : where;
      const read = await delegate.findUniqueOrThrow({ where: key });

      expect({ model: model.name, row: returned }).toEqual({ model: model.name, row: data });
      expect({ model: model.name, row: read }).toEqual({ model: model.name, row: data });
      expect(Object.keys(read).sort()).toEqual(fields.map((f) => f.name).sort());
      created.set(model.name, read);
    }
    expect(created.size).toBe(Object.keys(runtime).length);
  });
});
