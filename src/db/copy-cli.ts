// `npm run db:copy -- <postgres-url>`: copies the embedded database under DATA_DIR into an empty PostgreSQL database
// (the URL, or DATABASE_URL), then hands the Redis prefix over to it so the jobs already queued keep running.
// Like db:deploy, this entry point reads process.env directly: it runs without the app's config (no tokens needed).
import { loadEnvFile } from "../config/env-file.js";
import { databaseIdentity, handOverRedisPrefix, pgliteIdentity, redisPrefixFor } from "../runtime/redis-prefix.js";
import { shortLivedRedis } from "../runtime/short-lived-redis.js";
import { CopyRefusedError, copyPgliteToPostgres } from "./copy-to-postgres.js";
import { PgliteLockedError } from "./pglite-lock.js";
import { describeDatabaseUrl, redactDatabaseUrl } from "./redact-url.js";

loadEnvFile();
const databaseUrl = process.argv[2] || process.env.DATABASE_URL || "";
const dataDir = process.env.DATA_DIR || "./data";

if (!databaseUrl) {
  console.error(
    "db:copy: cần địa chỉ PostgreSQL đích / the target PostgreSQL is missing.\n" +
      "  Ví dụ / example: npm run db:copy -- postgres://roviec@127.0.0.1:5432/roviec",
  );
  process.exit(1);
}

try {
  const started = performance.now();
  const tables = await copyPgliteToPostgres({ dataDir, databaseUrl });
  const rows = tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `db:copy: đã chép ${rows} dòng của ${tables.length} bảng / copied ${rows} rows of ${tables.length} tables ` +
      `from PGlite in ${dataDir} to ${describeDatabaseUrl(databaseUrl)} (${Math.round(performance.now() - started)} ms)`,
  );
  for (const table of tables.filter((t) => t.rows > 0)) console.log(`  ${table.table}: ${table.rows}`);
  await handOverPrefix();
  console.log(
    "Next / tiếp theo: set DATABASE_URL to that database and start the bot; keep the PGlite folder as a backup.",
  );
} catch (error) {
  const known = error instanceof CopyRefusedError || error instanceof PgliteLockedError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(`db:copy failed: ${redactDatabaseUrl(message, databaseUrl)}`);
  if (!known)
    console.error("Nothing was written to PostgreSQL (the copy is one transaction). Check the URL and the server.");
  process.exitCode = 1;
}

/** The Redis prefix the PGlite install owned now belongs to the PostgreSQL database that holds its rows. */
async function handOverPrefix(): Promise<void> {
  const prefix = redisPrefixFor({ configured: process.env.REDIS_PREFIX, terminalChat: false, dataDir });
  const redis = shortLivedRedis(process.env.REDIS_URL || "redis://127.0.0.1:6379");
  try {
    await redis.connect();
    const from = pgliteIdentity(dataDir);
    const to = await postgresIdentity();
    const { handedOver, owner } = await handOverRedisPrefix(redis, prefix, from, to);
    if (handedOver) console.log(`  Redis prefix "${prefix}" now belongs to the PostgreSQL database.`);
    else if (owner !== to)
      console.log(`  Redis prefix "${prefix}" was not this install's (owner: ${owner ?? "none"}); left as it is.`);
  } catch (error) {
    console.log(
      `  Redis not reached (${error instanceof Error ? error.message : String(error)}): if the bot used REDIS_PREFIX ` +
        `"${prefix}", delete its owner key before the first start on PostgreSQL: redis-cli DEL ${prefix}:owner`,
    );
  } finally {
    redis.disconnect();
  }
}

async function postgresIdentity(): Promise<string> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await databaseIdentity(
      { kind: "postgres", priorityLane: { query: async (text, params) => (await client.query(text, params)).rows } },
      dataDir,
    );
  } finally {
    await client.end();
  }
}
