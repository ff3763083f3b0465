import { isIP } from "node:net";
import { z } from "zod";
import { deploymentProblems } from "./config/deployment-rules.js";
import { loadEnvFile } from "./config/env-file.js";
import { slackDistributionFields, slackDistributionProblems } from "./config/slack-distribution.js";

/**
 * All configuration, parsed once at start from the environment. Nothing else reads `process.env`.
 * Each bad value gets a message that says how to fix it.
 */
const timeZoneSchema = z.string().refine(isValidTimeZone, {
  message: "is not an IANA time zone; use a name such as Asia/Ho_Chi_Minh",
});

const optionalUrl = (example: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(z.url({ message: `must be a URL such as ${example}` }).optional())
    .optional();

const portSchema = z.coerce.number({ message: "must be a port number" }).int().min(0).max(65535);

/** An empty value (`HEALTH_PORT=` in .env) means unset, as for the tokens. */
const emptyAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/**
 * The outbox's cap on messages per second for one workspace (one bot token); 0 for none. Slack publishes about one
 * message a second per channel, which the outbox always keeps, but no number for a workspace: its 429 with
 * Retry-After, which pauses the whole workspace, is the real signal. So Slack has no cap unless the operator knows
 * their workspace's figure (see JobTuning.workspacePerSecond).
 */
function messagesPerSecond(fallback: number) {
  return z.coerce
    .number({ message: `must be a number of messages per second, such as 50 (0 for no cap)` })
    .int({ message: `must be a whole number of messages per second, such as 50 (0 for no cap)` })
    .min(0, { message: "must be 0 (no cap) or more" })
    .max(10_000, { message: "must be at most 10000" })
    .default(fallback);
}

export const configSchema = z.object({
  DATABASE_URL: optionalUrl("postgresql://user@127.0.0.1:5432/roviec"),
  REDIS_URL: optionalUrl("redis://127.0.0.1:6379"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  DEFAULT_TIMEZONE: timeZoneSchema.default("Asia/Ho_Chi_Minh"),
  DEFAULT_LOCALE: z.enum(["vi", "en"], { message: "must be vi or en" }).default("vi"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  PORT: portSchema.default(3000),
  /** Set to anything (no-color.org) to keep the terminal chat without colours; unset or empty: colours at a terminal. */
  NO_COLOR: z.string().optional(),
  /** Port of /healthz, /readyz and /metrics when they must not share PORT; default PORT. Served in every role. */
  HEALTH_PORT: emptyAsUnset(portSchema),
  /**
   * Prefix of every Redis key (queues, gates, locks), so several deployments share one Redis. Default `roviec`; the
   * terminal chat derives one from its data directory instead (src/runtime/redis-prefix.ts).
   */
  REDIS_PREFIX: emptyAsUnset(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, {
        message: "must be 1 to 64 letters, digits, '.', '_' or '-', such as roviec-prod",
      }),
  ),
  /**
   * Token of the queue dashboard at /admin/queues (Bearer, or the password of HTTP Basic auth); unset keeps the
   * dashboard off.
   */
  QUEUE_DASHBOARD_TOKEN: optionalSecret.refine((v) => v === undefined || v.length >= 24, {
    message: "must be at least 24 characters (it guards the queue dashboard); generate one with: openssl rand -hex 24",
  }),
  /**
   * The address the HTTP server binds. 127.0.0.1: only a reverse proxy or tunnel on the same machine reaches it
   * (Slack and Zalo call HTTPS URLs, so one sits in front anyway); 0.0.0.0 for a container or a direct exposure.
   */
  HOST: z
    .string()
    .trim()
    .refine((v) => isIP(v) !== 0 || v === "localhost", {
      message: "must be an IP address to listen on, such as 127.0.0.1, 0.0.0.0 or ::",
    })
    .default("127.0.0.1"),
  ROLE: z.enum(["all", "web", "worker"], { message: "must be all, web or worker" }).default("all"),
  /**
   * With ROLE=web: how many processes share PORT (Node's cluster; /metrics adds theirs up). Default 1. More
   * processes answer more commands on a machine with more cores; workers scale by starting more ROLE=worker.
   */
  WEB_PROCESSES: z.coerce
    .number({ message: "must be a number of processes, such as 2" })
    .int({ message: "must be a whole number of processes, such as 2" })
    .min(1, { message: "must be 1 or more" })
    .max(64, { message: "must be at most 64" })
    .default(1),
  SLACK_BOT_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith("xoxb-"), {
    message: "must be a bot token starting with xoxb-",
  }),
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret.refine((v) => v === undefined || v.startsWith("xapp-"), {
    message: "must be an app-level token starting with xapp-",
  }),
  SLACK_API_URL: optionalUrl("https://slack.com/api/"),
  ZALO_BOT_TOKEN: optionalSecret.refine((v) => v === undefined || /^\d+:\S+$/.test(v), {
    message: "must look like <bot id>:<secret>, as Zalo Bot Manager shows it",
  }),
  ZALO_API_BASE_URL: optionalUrl("https://bot-api.zaloplatforms.com").default("https://bot-api.zaloplatforms.com"),
  SLACK_MESSAGES_PER_SECOND: messagesPerSecond(0),
  ZALO_MESSAGES_PER_SECOND: messagesPerSecond(5),
  /**
   * Zalo user ids of the bot's workspace admins, comma-separated (Zalo has no admins of its own). Admins are also
   * made with `npm run zalo:claim`.
   */
  ZALO_ADMIN_IDS: z
    .string()
    .trim()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter((id) => id !== ""))
    .refine((ids) => ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)), {
      message: "must be Zalo user ids separated by commas (letters, digits, - and _)",
    }),
  /**
   * The address people open the bot's web pages at (the dashboard, download links), as a phone reaches it: the
   * reverse proxy's or tunnel's https URL. Unset: http://127.0.0.1:<port>, which only this machine can open.
   */
  PUBLIC_URL: optionalUrl("https://roviec.example.gov.vn"),
  ZALO_WEBHOOK_SECRET: optionalSecret.refine((v) => v === undefined || (v.length >= 8 && v.length <= 256), {
    message: "must be 8 to 256 characters",
  }),
  // Slack for many workspaces ("Add to Slack"): src/config/slack-distribution.ts.
  ...slackDistributionFields,
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  readonly code = "config_invalid";
}

/**
 * Parses and freezes the configuration; throws a {@link ConfigError} listing every bad variable. Reading the process's
 * own environment loads `.env` first (see loadEnvFile), so every entry point and CLI sees the same settings.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env) loadEnvFile(env);
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ / Invalid configuration:\n${lines.join("\n")}`);
  }
  const config = result.data;
  const problems = deploymentProblems(config);
  if (problems.length > 0) {
    throw new ConfigError(
      `Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
  const slackProblems = slackDistributionProblems(config);
  if (slackProblems.length > 0) {
    throw new ConfigError(
      `Cấu hình không hợp lệ / Invalid configuration:\n${slackProblems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
  return Object.freeze(config);
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
