// `npm run db:deploy`: applies pending migrations to DATABASE_URL, or to the PGlite database under DATA_DIR.
// This entry point alone reads process.env directly: it runs without the app's config (no tokens needed).
import { createDatabase } from "./client.js";
import { MigrationError } from "./deploy-migrations.js";

/** The URL without credentials, for logs: a password must never reach the terminal or CI output. */
function describeTarget(databaseUrl: string | undefined, dataDir: string): string {
  if (!databaseUrl) return `PGlite in ${dataDir}/pglite`;
  try {
    const url = new URL(databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL is not a valid URL)";
  }
}

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || "./data";
const target = describeTarget(databaseUrl, dataDir);

try {
  const started = Date.now();
  const db = await createDatabase({ databaseUrl, dataDir });
  await db.close();
  console.log(`db:deploy: ${target} is up to date (${Date.now() - started} ms)`);
} catch (error) {
  const reason = error instanceof MigrationError ? error.message : error instanceof Error ? error.name : "unknown";
  // Driver errors can echo the connection string; print only our own messages in full.
  console.error(`db:deploy failed for ${target}: ${reason}`);
  if (!(error instanceof MigrationError) && error instanceof Error && "code" in error) {
    console.error(`  code: ${String((error as { code: unknown }).code)}`);
  }
  process.exitCode = 1;
}
