// `npm run doctor`: a checklist of what the bot needs, against the real services, read-only. Prints a table and exits
// 1 when something is wrong (a warning alone exits 0). Reads the same configuration as the bot, .env included.

import { hasPlatformToken } from "../src/config/deployment-rules.js";
import { type Config, ConfigError, loadConfig } from "../src/config.js";
import {
  type CheckRow,
  checkDatabase,
  checkRedis,
  checkSlack,
  checkZalo,
  openDoctorDatabase,
} from "../src/runtime/doctor-checks.js";
import { redisPrefixFor } from "../src/runtime/redis-prefix.js";

const marks = { ok: "✓", warn: "!", fail: "✗", skip: "·" } as const;

function printTable(rows: readonly CheckRow[]): void {
  const width = Math.max(...rows.map((row) => row.check.length));
  for (const row of rows) console.log(`${marks[row.state]} ${row.check.padEnd(width)}  ${row.detail}`);
}

async function diagnose(config: Config): Promise<CheckRow[]> {
  const rows: CheckRow[] = [{ check: "config", state: "ok", detail: describeMode(config) }];
  const opened = await openDoctorDatabase(config);
  const database = "priorityLane" in opened ? opened : undefined;
  if (!database) rows.push(opened as CheckRow);
  try {
    if (database) rows.push(...(await checkDatabase(config, database)));
    const prefix = redisPrefixFor({
      configured: config.REDIS_PREFIX,
      terminalChat: !hasPlatformToken(config),
      dataDir: config.DATA_DIR,
    });
    const [redis, slack, zalo] = await Promise.all([
      checkRedis(config, prefix, database),
      checkSlack(config),
      checkZalo(config),
    ]);
    rows.push(...redis, ...slack, ...zalo);
  } finally {
    await database?.close();
  }
  return rows;
}

function describeMode(config: Config): string {
  const platforms = [
    config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID
      ? `Slack${config.SLACK_CLIENT_ID ? " (many workspaces)" : ""} (${config.SLACK_APP_TOKEN ? "Socket Mode" : "HTTP"})`
      : undefined,
    config.ZALO_BOT_TOKEN ? (config.ZALO_WEBHOOK_SECRET ? "Zalo (webhook)" : "Zalo (long polling)") : undefined,
  ].filter(Boolean);
  const serves = platforms.length > 0 ? platforms.join(" + ") : "terminal chat (no platform token)";
  return `valid: ${serves}, ROLE=${config.ROLE}, ${config.DATABASE_URL ? "PostgreSQL" : "PGlite"}`;
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  printTable([{ check: "config", state: "fail", detail: "invalid (below)" }]);
  console.log(error.message);
  process.exit(1);
}
const rows = await diagnose(config);
printTable(rows);
const failed = rows.filter((row) => row.state === "fail").length;
console.log(failed === 0 ? "\nKhông thấy lỗi / Nothing wrong found." : `\n${failed} lỗi / problem(s) found.`);
process.exit(failed === 0 ? 0 : 1);
