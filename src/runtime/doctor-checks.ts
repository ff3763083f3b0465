/**
 * `npm run doctor`: each check an operator would do by hand before (or after) starting the bot, run against the
 * real services, read-only (it migrates nothing and claims nothing). Each returns rows for the table.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { WebClient } from "@slack/web-api";
import pg from "pg";
import { checkRedisHealth } from "../../jobs/redis-health.js";
import type { Config } from "../config.js";
import type { SqlLane } from "../db/client.js";
import { readLocalMigrations } from "../db/deploy-migrations.js";
import { lockPgliteFolder } from "../db/pglite-lock.js";
import { ZaloClient } from "../platforms/zalo/zalo-client.js";
import { databaseIdentity, ownerKey } from "./redis-prefix.js";
import { shortLivedRedis } from "./short-lived-redis.js";

export type CheckState = "ok" | "warn" | "fail" | "skip";

export interface CheckRow {
  check: string;
  state: CheckState;
  detail: string;
}

/** A database session of the doctor's own, closed by `close`. */
interface DoctorDatabase {
  kind: "postgres" | "pglite";
  priorityLane: SqlLane;
  close(): Promise<void>;
}

const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
/** How far the bot's clock and the database's may differ before deadlines and pings drift visibly, in ms. */
const CLOCK_TOLERANCE_MS = 2_000;

export async function openDoctorDatabase(config: Config): Promise<DoctorDatabase | CheckRow> {
  if (config.DATABASE_URL) {
    const client = new pg.Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
    } catch (error) {
      return { check: "database", state: "fail", detail: `PostgreSQL unreachable: ${reason(error)}` };
    }
    return {
      kind: "postgres",
      priorityLane: { query: async (text, params) => (await client.query(text, params)).rows },
      close: () => client.end(),
    };
  }
  const location = join(config.DATA_DIR, "pglite");
  if (!existsSync(location)) {
    return { check: "database", state: "warn", detail: `no PGlite database in ${location} yet (made at first start)` };
  }
  // A running bot holds the folder: that is fine, but the doctor cannot look inside without stopping it.
  const release = await lockPgliteFolder(location, 0).catch(() => undefined);
  if (!release) return { check: "database", state: "skip", detail: `PGlite in ${location} is in use by a running bot` };
  const pglite = await PGlite.create(location);
  return {
    kind: "pglite",
    priorityLane: { query: async (text, params) => (await pglite.query<never>(text, params)).rows },
    close: async () => {
      await pglite.close();
      await release();
    },
  };
}

export async function checkDatabase(config: Config, database: DoctorDatabase): Promise<CheckRow[]> {
  const where = config.DATABASE_URL ? `PostgreSQL ${describeUrl(config.DATABASE_URL)}` : `PGlite in ${config.DATA_DIR}`;
  const rows: CheckRow[] = [{ check: "database", state: "ok", detail: `${where} answers` }];
  const local = (await readLocalMigrations()).map((migration) => migration.name);
  const applied = await database.priorityLane
    .query<{ name: string }>(
      `select migration_name as name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null`,
    )
    .then((found) => new Set(found.map((row) => row.name)))
    .catch(() => new Set<string>());
  const pending = local.filter((name) => !applied.has(name));
  rows.push(
    pending.length === 0
      ? { check: "migrations", state: "ok", detail: `all ${local.length} applied` }
      : { check: "migrations", state: "fail", detail: `${pending.length} pending: run npm run db:deploy` },
  );
  const [row] = await database.priorityLane.query<{ now: Date }>("select now() as now");
  // real time: the check compares this machine's clock with the database server's.
  const skew = row ? Math.abs(Date.now() - new Date(row.now).getTime()) : Number.NaN;
  rows.push(
    skew <= CLOCK_TOLERANCE_MS
      ? { check: "clock", state: "ok", detail: `within ${skew} ms of the database's` }
      : { check: "clock", state: "warn", detail: `${skew} ms from the database's: sync both with NTP` },
  );
  return rows;
}

export async function checkRedis(config: Config, prefix: string, database?: DoctorDatabase): Promise<CheckRow[]> {
  const url = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  const redis = shortLivedRedis(url);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    return [{ check: "redis", state: "fail", detail: `${describeUrl(url)} unreachable: ${reason(error)}` }];
  }
  try {
    const health = await checkRedisHealth(redis);
    const rows: CheckRow[] = [
      {
        check: "redis",
        state: health.problems.length === 0 ? "ok" : "warn",
        detail:
          health.problems.length === 0
            ? `${describeUrl(url)}: noeviction, append-only`
            : health.problems.map((p) => p.split(";")[0]).join("; "),
      },
    ];
    const owner = await redis.get(ownerKey(prefix));
    const identity = database ? await databaseIdentity(database, config.DATA_DIR) : undefined;
    if (owner === null)
      rows.push({ check: "prefix", state: "ok", detail: `"${prefix}" unclaimed (the bot claims it at start)` });
    else if (identity === undefined)
      rows.push({ check: "prefix", state: "skip", detail: `"${prefix}" owned by ${owner}` });
    else if (owner === identity)
      rows.push({ check: "prefix", state: "ok", detail: `"${prefix}" belongs to this database` });
    else rows.push({ check: "prefix", state: "fail", detail: `"${prefix}" belongs to ${owner}: set REDIS_PREFIX` });
    return rows;
  } finally {
    redis.disconnect();
  }
}

export async function checkSlack(config: Config): Promise<CheckRow[]> {
  if (!config.SLACK_BOT_TOKEN) {
    const detail = config.SLACK_CLIENT_ID
      ? "many workspaces (SLACK_CLIENT_ID): each one's token is checked when it installs"
      : "SLACK_BOT_TOKEN not set";
    return [{ check: "slack", state: "skip", detail }];
  }
  const slackApiUrl = config.SLACK_API_URL ? `${config.SLACK_API_URL.replace(/\/$/, "")}/` : undefined;
  const options = { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: { retries: 0 }, timeout: 5_000 };
  const rows: CheckRow[] = [];
  try {
    const auth = await new WebClient(config.SLACK_BOT_TOKEN, options).auth.test();
    rows.push({
      check: "slack",
      state: "ok",
      detail: `auth.test: ${auth.user ?? auth.user_id} in ${auth.team ?? auth.team_id}`,
    });
  } catch (error) {
    rows.push({ check: "slack", state: "fail", detail: `auth.test failed: ${reason(error)}` });
  }
  if (config.SLACK_APP_TOKEN) {
    try {
      await new WebClient(config.SLACK_APP_TOKEN, options).apps.connections.open();
      rows.push({ check: "slack socket", state: "ok", detail: "app token opens Socket Mode" });
    } catch (error) {
      rows.push({ check: "slack socket", state: "fail", detail: `apps.connections.open failed: ${reason(error)}` });
    }
  }
  return rows;
}

export async function checkZalo(config: Config): Promise<CheckRow[]> {
  if (!config.ZALO_BOT_TOKEN) return [{ check: "zalo", state: "skip", detail: "ZALO_BOT_TOKEN not set" }];
  const client = new ZaloClient(config.ZALO_BOT_TOKEN, { baseUrl: config.ZALO_API_BASE_URL });
  try {
    const me = await client.getMe();
    const webhook = await client.getWebhookInfo().catch(() => undefined);
    const wantsWebhook = Boolean(config.ZALO_WEBHOOK_SECRET);
    const hasWebhook = Boolean(webhook?.url);
    const rows: CheckRow[] = [{ check: "zalo", state: "ok", detail: `getMe: ${me.account_name} (${me.id})` }];
    if (webhook === undefined) rows.push({ check: "zalo webhook", state: "warn", detail: "getWebhookInfo failed" });
    else if (wantsWebhook && !hasWebhook) {
      rows.push({ check: "zalo webhook", state: "fail", detail: "no webhook set: run npm run zalo:webhook" });
    } else {
      const detail = hasWebhook ? `set to ${webhook.url}` : "none (long polling)";
      rows.push({ check: "zalo webhook", state: "ok", detail });
    }
    return rows;
  } catch (error) {
    return [{ check: "zalo", state: "fail", detail: `getMe failed: ${reason(error)}` }];
  }
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname === "/" ? "" : parsed.pathname}`;
  } catch {
    return "(not a URL)";
  }
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .replace(/\b(\w+):\/\/[^\s@/]*@/g, "$1://***@")
    .replace(/\/bot\d+:[^/\s"']+/g, "/bot[redacted]")
    .slice(0, 160);
}
