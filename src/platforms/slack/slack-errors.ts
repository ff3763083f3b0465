import { ErrorCode } from "@slack/web-api";
import { SendError } from "../../core/sender.js";

/** What we log and keep about a failed Slack call: codes and status only, never the token or a body. */
export interface SlackFailure {
  method: string;
  /** `ratelimited`, Slack's `error` field (`channel_not_found`), or the transport's code. */
  code: string;
  status?: number;
  retryable: boolean;
  retryAfterMs?: number;
}

/** Slack `error` values that say "try again later" rather than "this will never work". */
const RETRYABLE_PLATFORM_ERRORS = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "team_added_to_org",
]);

/** Classifies an error thrown by @slack/web-api (or by our fetch of a response_url). */
export function describeSlackFailure(method: string, error: unknown): SlackFailure {
  const coded = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (coded?.code) {
    case ErrorCode.RateLimitedError:
      return {
        method,
        code: "ratelimited",
        status: 429,
        retryable: true,
        retryAfterMs: (coded.retryAfter ?? 1) * 1000,
      };
    case ErrorCode.PlatformError: {
      const slackError = coded.data?.error ?? "unknown_error";
      return { method, code: slackError, status: 200, retryable: RETRYABLE_PLATFORM_ERRORS.has(slackError) };
    }
    case ErrorCode.HTTPError: {
      const status = coded.statusCode ?? 0;
      return { method, code: "http_error", status, retryable: status >= 500 || status === 408 };
    }
    case ErrorCode.RequestError:
      return { method, code: "request_error", retryable: true };
    default:
      return { method, code: "unexpected_error", retryable: true };
  }
}

/** The outbox's error type for a failed Slack call. */
export function toSendError(method: string, error: unknown): SendError {
  const failure = describeSlackFailure(method, error);
  return new SendError(`slack ${method} failed: ${failure.code}`, {
    platform: "slack",
    method,
    retryable: failure.retryable,
    status: failure.status,
    code: failure.code,
    retryAfterMs: failure.retryAfterMs,
  });
}
