// `npm run db:deploy`: applies pending migrations to DATABASE_URL, or to the PGlite database under DATA_DIR.
// This entry point alone reads process.env directly: it must run without the app's config (no tokens needed).
import { loadEnvFile } from "../config/env-file.js";
import { deployDatabase } from "./client.js";
import { MigrationError } from "./deploy-migrations.js";

loadEnvFile();
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || "./data";

/** Where we deploy to, without credentials: a password must never reach the terminal or CI logs. */
function describeTarget(): string {
  if (!databaseUrl) return `PGlite in ${dataDir}/pglite`;
  try {
    const url = new URL(databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL is not a valid URL)";
  }
}

/** Driver messages may quote the connection string; blank out the URL and its password wherever they appear. */
function redact(message: string): string {
  if (!databaseUrl) return message;
  let safe = message.replaceAll(databaseUrl, "<DATABASE_URL>");
  try {
    const { password } = new URL(databaseUrl);
    if (password) safe = safe.replaceAll(password, "***").replaceAll(decodeURIComponent(password), "***");
  } catch {
    // not a URL: nothing more to redact than the whole string
  }
  return safe;
}

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
