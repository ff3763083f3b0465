/**
 * A failed Zalo Bot API call. Carries what is needed to decide (retry or not) and to log, and nothing else: never
 * the token (it sits in the request path), never the request config or the body. Built fresh by the client, so its
 * stack holds only our token-free message.
 */
export class ZaloApiError extends Error {
  /** The API's own code when the envelope had one (400, 401, 403, 404, 408, 429…), else the HTTP status. */
  readonly error_code: number | undefined;
  readonly description: string | undefined;
  readonly method: string;
  /** HTTP status; undefined when no response arrived (network error, timeout). */
  readonly status: number | undefined;
  /** Node's network error code (ECONNRESET, ECONNREFUSED, ETIMEDOUT…) when no response arrived. */
  readonly networkCode: string | undefined;
  /** From a `Retry-After` header, in milliseconds, when the server sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(options: {
    method: string;
    status?: number;
    errorCode?: number;
    description?: string;
    networkCode?: string;
    retryAfterMs?: number;
  }) {
    const what = options.networkCode
      ? `network error ${options.networkCode}`
      : `${options.errorCode ?? options.status ?? "?"}${options.description ? ` ${options.description}` : ""}`;
    super(`Zalo API ${options.method} failed: ${what}`);
    this.name = "ZaloApiError";
    this.method = options.method;
    this.status = options.status;
    this.error_code = options.errorCode ?? options.status;
    this.description = options.description;
    this.networkCode = options.networkCode;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** The code that decides: the envelope's `error_code`, else the HTTP status. */
  get code(): number | undefined {
    return this.error_code;
  }

  /** A network error, 5xx, 408 or 429 may succeed later; 400, 401, 403, 404 never will. */
  get isRetryable(): boolean {
    if (this.networkCode !== undefined) return true;
    const code = this.error_code;
    if (code === undefined) return true;
    return code === 408 || code === 429 || code >= 500;
  }

  /** Expired or wrong token: nothing will work until an operator fixes the configuration. */
  get isUnauthorized(): boolean {
    return this.error_code === 401;
  }
}
