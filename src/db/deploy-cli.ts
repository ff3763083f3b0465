// `npm run db:deploy`: applies pending migrations to DATABASE_URL, or to the PGlite database under DATA_DIR.
// This entry point alone reads process.env directly: it must run without the app's config (no tokens needed).
import { loadEnvFile } from "../config/env-file.js";
import { deployDatabase } from "./client.js";
import { MigrationError } from "./deploy-migrations.js";
import { describeDatabaseUrl, redactDatabaseUrl } from "./redact-url.js";

loadEnvFile();
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || "./data";

/** Where we deploy to, without credentials: a password must never reach the terminal or CI logs. */
function describeTarget(): string {
  return databaseUrl ? describeDatabaseUrl(databaseUrl) : `PGlite in ${dataDir}/pglite`;
}

const redact = (message: string) => (databaseUrl ? redactDatabaseUrl(message, databaseUrl) : message);

const target = describeTarget();
try {
  const started = performance.now();
  const { applied } = await deployDatabase({ databaseUrl, dataDir });
  const took = `${Math.round(performance.now() - started)} ms`;
  console.log(
    applied.length === 0
      ? `db:deploy: ${target} was already up to date (${took})`
      : `db:deploy: applied ${applied.length} migration(s) to ${target} (${took}): ${applied.join(", ")}`,
  );
} catch (error) {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`db:deploy failed for ${target}${code ? ` [${String(code)}]` : ""}: ${redact(message)}`);
  if (!(error instanceof MigrationError)) console.error("Check DATABASE_URL (or DATA_DIR) and that the server runs.");
  process.exitCode = 1;
}
