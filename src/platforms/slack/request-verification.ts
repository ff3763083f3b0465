import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's own cap on request bodies is far lower; anything above this is refused before it is hashed. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Slack's replay window: a request more than five minutes from our clock, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type VerificationFailure = "missing_headers" | "bad_timestamp" | "stale_timestamp" | "bad_signature";

export interface SignatureInput {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp`, seconds since the epoch as Slack sent it. */
  timestamp: string | undefined;
  /** `X-Slack-Signature`, `v0=<hex>`. */
  signature: string | undefined;
  /** The raw body bytes exactly as received. */
  body: Buffer;
  /** Our clock, in milliseconds. Default: real time, which Slack's timestamp is measured against. */
  nowMs?: number;
}

/**
 * Checks Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<body>` with the signing secret, compared
 * in constant time. Unlike bolt's built-in check, timestamps in the future are refused too (a skewed or forged clock
 * must not open a replay window). Returns undefined when the request is authentic.
 */
export function verifySlackSignature(input: SignatureInput): VerificationFailure | undefined {
  // real time: the replay window compares Slack's clock with ours, never with a frozen or demo clock.
  const { signingSecret, timestamp, signature, body, nowMs = Date.now() } = input;
  if (!timestamp || !signature) return "missing_headers";
  if (!/^\d{1,12}$/.test(timestamp)) return "bad_timestamp";
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) return "stale_timestamp";
  const expected = computeSlackSignature(signingSecret, timestamp, body);
  const given = Buffer.from(signature, "utf8");
  const wanted = Buffer.from(expected, "utf8");
  // timingSafeEqual needs equal lengths; a length mismatch is not secret (the format is public).
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return "bad_signature";
  return undefined;
}

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. Exported for tests that sign requests. */
export function computeSlackSignature(signingSecret: string, timestamp: string, body: Buffer | string): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest("hex")}`;
}

/** A body Slack could have sent: JSON (events) or a form (commands; interactivity carries JSON in `payload`). */
export function parseSlackBody(body: Buffer, contentType: string | undefined): Record<string, unknown> | undefined {
  const text = body.toString("utf8");
  try {
    if ((contentType ?? "").includes("application/json")) return asObject(JSON.parse(text));
    const form = new URLSearchParams(text);
    const payload = form.get("payload");
    if (payload !== null) return asObject(JSON.parse(payload));
    if (!text.includes("=")) return undefined;
    return Object.fromEntries(form.entries());
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
