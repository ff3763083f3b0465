import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured logs. Secrets never reach a log line: known secret fields are redacted by path, and any string is
 * passed through {@link redactSecrets} by callers that log URLs or error messages (the Zalo token sits in the path).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "signingSecret",
          "appToken",
          "headers.authorization",
          "*.headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

const SECRET_PATTERNS: RegExp[] = [/xox[abposr]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /\/bot\d+:[^/\s"']+/g];

/** Masks Slack tokens and Zalo bot tokens (`/bot<id>:<secret>` in a URL) inside any text. */
export function redactSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let result = text;
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (match) => (match.startsWith("/bot") ? "/bot[redacted]" : "[redacted]"));
  }
  for (const secret of extraSecrets) {
    if (secret.length >= 4) result = result.split(secret).join("[redacted]");
  }
  return result;
}
