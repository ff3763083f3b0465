import {
  type WebAPICallResult,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  WebClientEvent,
  type WebClientOptions,
} from "@slack/web-api";
import { type JsonPostResponse, postJson } from "./json-post.js";

/** The outbox's hot path: every ping and summary page is one of these. */
const LEAN_METHODS = new Set(["chat.postMessage"]);

/**
 * The outbox's Web API client. `chat.postMessage` goes out as one JSON POST over a keep-alive pool (json-post.ts), without
 * the generic client's per-call work: it formats every request body, its headers and every result for a debug line
 * at any log level (`JSON.stringify(redact(…))`, evaluated before the logger can drop it), queues the call and wraps
 * it in a retry loop the outbox turns off anyway. bench/send-cost.ts measures the difference. Failures are the Web
 * API client's own error types with the same fields (a 429's `retryAfter`, Slack's `error`, the HTTP status), so
 * slack-errors.ts classifies both clients alike. Every other method (history, DMs, file uploads) is the generic
 * client's. Built for the outbox's options: no client-side retries, calls rejected on a rate limit.
 */
export class OutboxWebClient extends WebClient {
  private readonly apiBase: string;
  private readonly requestTimeoutMs: number;
  private readonly botToken: string | undefined;

  constructor(token: string | undefined, options: WebClientOptions = {}) {
    super(token, options);
    this.botToken = token;
    this.apiBase = options.slackApiUrl ?? "https://slack.com/api/";
    this.requestTimeoutMs = options.timeout ?? 0;
  }

  override apiCall(method: string, options: Record<string, unknown> = {}): Promise<WebAPICallResult> {
    if (!LEAN_METHODS.has(method)) return super.apiCall(method, options);
    return this.post(method, options);
  }

  private async post(method: string, args: Record<string, unknown>): Promise<WebAPICallResult> {
    const { token = this.botToken, ...body } = args;
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
    if (token) headers.authorization = `Bearer ${token as string}`;
    let response: JsonPostResponse;
    try {
      response = await postJson(new URL(method, this.apiBase), headers, JSON.stringify(body), this.requestTimeoutMs);
    } catch (error) {
      throw new WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    if (response.status === 429) throw this.rateLimited(response, method);
    if (response.status !== 200) {
      throw new WebAPIHTTPError(response.status, response.statusText, response.headers, response.text);
    }
    const result = parseResult(response.text);
    if (!result.ok) throw new WebAPIPlatformError(result as WebAPICallResult & { error: string });
    return result;
  }

  /** As the generic client: a 429 with a Retry-After rejects with it (and is announced); without one it is an error. */
  private rateLimited(response: JsonPostResponse, method: string): Error {
    const header = response.headers["retry-after"];
    const retryAfter = header === undefined ? Number.NaN : Number.parseInt(header, 10);
    if (Number.isNaN(retryAfter)) {
      return new Error(`Retry header did not contain a valid timeout (url: ${method}, retry-after header: ${header})`);
    }
    this.emit(WebClientEvent.RATE_LIMITED, retryAfter, { url: `${this.apiBase}${method}` });
    return new WebAPIRateLimitedError(retryAfter);
  }
}

function parseResult(text: string): WebAPICallResult {
  try {
    return JSON.parse(text) as WebAPICallResult;
  } catch {
    return { ok: false, error: text } as WebAPICallResult;
  }
}
