// The generated client's own description of the data model (what `prisma generate` compiled from schema.prisma).
// Read from the client instance so a field added to the schema and regenerated is seen here without a test change.
import type { PrismaClient } from "../../src/generated/prisma/client.js";

export interface RuntimeField {
  name: string;
  kind: "scalar" | "enum" | "object";
  type: string;
}

export type RuntimeModels = Record<string, { fields: RuntimeField[] }>;

export function runtimeModels(prisma: PrismaClient): RuntimeModels {
  const model = (prisma as unknown as { _runtimeDataModel?: { models?: RuntimeModels } })._runtimeDataModel?.models;
  if (!model)
    throw new Error("the generated client no longer exposes _runtimeDataModel; update test/db/runtime-model.ts");
  return model;
}
