// A small reader of prisma/schema.prisma, enough to say which tables, columns, indexes and foreign keys the
// migration must create. It only understands the constructs our schema uses; the tests cross-check it against the
// generated client's runtime data model so a construct it misreads shows up as a failure, not a silent pass.
import { readFileSync } from "node:fs";

export interface SchemaField {
  name: string;
  type: string;
  isList: boolean;
  isOptional: boolean;
  /** Everything after the type: `@id @default(uuid()) @db.Uuid`. */
  attributes: string;
  /** `@default(...)` argument text, e.g. `now()`, `"vi"`, `[1, 2, 3, 4, 5]`. */
  default?: string;
  nativeType?: string;
  isUpdatedAt: boolean;
  isId: boolean;
  isUnique: boolean;
  relation?: { fields: string[]; references: string[]; onDelete?: string; onUpdate?: string };
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  blockAttributes: string[];
}

export interface PrismaSchema {
  models: Map<string, SchemaModel>;
  enums: Map<string, string[]>;
}

export const schemaPath = new URL("../../prisma/schema.prisma", import.meta.url);

const listOf = (text: string): string[] =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The text inside the balanced parentheses that follow `prefix` (e.g. `@default(`). */
function argumentOf(attributes: string, prefix: string): string | undefined {
  const start = attributes.indexOf(prefix);
  if (start < 0) return undefined;
  let depth = 1;
  let i = start + prefix.length;
  for (; i < attributes.length && depth > 0; i++) {
    if (attributes[i] === "(") depth++;
    if (attributes[i] === ")") depth--;
  }
  return attributes.slice(start + prefix.length, i - 1);
}

function parseField(line: string): SchemaField {
  const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
  if (!match) throw new Error(`cannot read schema line: ${line}`);
  const [, name = "", type = "", list, optional, attributes = ""] = match;
  const relationArgs = argumentOf(attributes, "@relation(");
  const fields = relationArgs && /fields:\s*\[([^\]]*)\]/.exec(relationArgs)?.[1];
  const references = relationArgs && /references:\s*\[([^\]]*)\]/.exec(relationArgs)?.[1];
  return {
    name,
    type,
    isList: Boolean(list),
    isOptional: Boolean(optional),
    attributes,
    default: argumentOf(attributes, "@default("),
    nativeType: /@db\.(\w+(?:\(\d+\))?)/.exec(attributes)?.[1],
    isUpdatedAt: attributes.includes("@updatedAt"),
    isId: /@id\b/.test(attributes),
    isUnique: /@unique\b/.test(attributes),
    relation:
      fields && references
        ? {
            fields: listOf(fields),
            references: listOf(references),
            onDelete: relationArgs ? /onDelete:\s*(\w+)/.exec(relationArgs)?.[1] : undefined,
            onUpdate: relationArgs ? /onUpdate:\s*(\w+)/.exec(relationArgs)?.[1] : undefined,
          }
        : undefined,
  };
}

export function parsePrismaSchema(text = readFileSync(schemaPath, "utf8")): PrismaSchema {
  const models = new Map<string, SchemaModel>();
  const enums = new Map<string, string[]>();
  const blocks = text.matchAll(/^(model|enum)\s+(\w+)\s*\{([^}]*)\}/gm);
  for (const [, kind, name = "", body = ""] of blocks) {
    const lines = body
      .split("\n")
      .map((l) => l.replace(/\/\/.*$/, "").trim())
      .filter(Boolean);
    if (kind === "enum") {
      enums.set(name, lines);
      continue;
    }
    models.set(name, {
      name,
      fields: lines.filter((l) => !l.startsWith("@@")).map(parseField),
      blockAttributes: lines.filter((l) => l.startsWith("@@")),
    });
  }
  return { models, enums };
}

/** Scalar (column) fields: everything whose type is not another model. */
export function scalarFields(schema: PrismaSchema, model: SchemaModel): SchemaField[] {
  return model.fields.filter((f) => !schema.models.has(f.type));
}

/** `@@id([a, b])` / `@@unique([a, b])` / `@@index([a, b])` column lists of a model. */
export function blockColumns(model: SchemaModel, attribute: "@@id" | "@@unique" | "@@index"): string[][] {
  return model.blockAttributes
    .filter((a) => a.startsWith(`${attribute}(`))
    .map((a) => listOf(/\[([^\]]*)\]/.exec(a)?.[1] ?? ""));
}

export function primaryKey(model: SchemaModel): string[] {
  const single = model.fields.filter((f) => f.isId).map((f) => f.name);
  return single.length > 0 ? single : (blockColumns(model, "@@id")[0] ?? []);
}

/** Models ordered so every model comes after the models its foreign keys point to. */
export function modelsInDependencyOrder(schema: PrismaSchema): SchemaModel[] {
  const ordered: SchemaModel[] = [];
  const visit = (model: SchemaModel, path: Set<string>) => {
    if (ordered.includes(model) || path.has(model.name)) return;
    path.add(model.name);
    for (const f of model.fields) {
      const target = f.relation && schema.models.get(f.type);
      if (target && target !== model) visit(target, path);
    }
    ordered.push(model);
  };
  for (const model of schema.models.values()) visit(model, new Set());
  return ordered;
}
