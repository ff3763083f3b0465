import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from "axios";
import { type BackoffOptions, backoffDelay, parseRetryAfter, sleep } from "./backoff.js";
import { ZaloApiError } from "./zalo-api-error.js";
import type {
  ZaloBotInfo,
  ZaloChatAction,
  ZaloEnvelope,
  ZaloSentMessage,
  ZaloUpdate,
  ZaloWebhookInfo,
} from "./zalo-types.js";
import { ZaloUpdateEmitter } from "./zalo-update-emitter.js";

export const DEFAULT_ZALO_API_BASE_URL = "https://bot-api.zaloplatforms.com";

export interface ZaloClientOptions {
  /** Default https://bot-api.zaloplatforms.com (the SDKs still use the legacy https://bot-api.zapps.me). */
  baseUrl?: string;
  /** HTTP timeout of an ordinary call, in milliseconds. Default 15 000. */
  timeoutMs?: number;
  /** Retries after the first attempt for network errors, 5xx, 408 and 429. Default 3; 0 disables. */
  maxRetries?: number;
  /** Backoff between retries (exponential with jitter). Defaults: 500 ms base, 30 s cap. */
  backoff?: BackoffOptions;
  /** Waits between retries; injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ZaloCallOptions {
  /** Overrides the client's HTTP timeout for this call, in milliseconds. */
  timeoutMs?: number;
  /** Overrides the client's retry count for this call. */
  maxRetries?: number;
  signal?: AbortSignal;
}

/**
 * A small typed client for the Zalo Bot API, usable on its own: `POST {base}/bot{TOKEN}/{method}` with a JSON body.
 * Method names follow the official SDKs (node-zalo-bot, python-zalo-bot), including node-zalo-bot's capital-H
 * aliases and `processUpdate`. Every failure is a {@link ZaloApiError} that never contains the token.
 */
export class ZaloClient extends ZaloUpdateEmitter {
  // A private field so that logging or inspecting the client never shows the token.
  readonly #token: string;
  readonly #http: AxiosInstance;
  readonly #pendingUpdates: ZaloUpdate[] = [];
  readonly #options: Required<Omit<ZaloClientOptions, "baseUrl" | "backoff">> & { backoff: BackoffOptions };

  constructor(token: string, options: ZaloClientOptions = {}) {
    super();
    if (!/^\d+:\S+$/.test(token)) throw new TypeError("Zalo bot token must look like <bot id>:<secret>");
    this.#token = token;
    this.#options = {
      timeoutMs: options.timeoutMs ?? 15_000,
      maxRetries: options.maxRetries ?? 3,
      backoff: options.backoff ?? {},
      sleep: options.sleep ?? sleep,
    };
    this.#http = axios.create({
      baseURL: (options.baseUrl ?? DEFAULT_ZALO_API_BASE_URL).replace(/\/+$/, ""),
      headers: { "content-type": "application/json" },
      // The envelope decides, whatever the status: a 4xx still carries error_code and description.
      validateStatus: () => true,
      // Proxies from the environment would see the token in the path; opt in explicitly if ever needed.
      proxy: false,
    });
  }

  getMe(options?: ZaloCallOptions): Promise<ZaloBotInfo> {
    return this.call<ZaloBotInfo>("getMe", {}, options);
  }

  /**
   * Long-polls for ONE update (Zalo returns a single update, not an array, and has no offset). Resolves with null
   * when nothing arrived within `timeout` seconds (Zalo answers 408). Fails while a webhook is set.
   */
  async getUpdates(params: { timeout?: number } = {}, options: ZaloCallOptions = {}): Promise<ZaloUpdate | null> {
    const timeout = params.timeout ?? 30;
    const pending = this.#pendingUpdates.shift();
    if (pending) return pending;
    try {
      // The HTTP timeout must outlast the poll, or every quiet poll would look like a network failure.
      const timeoutMs = options.timeoutMs ?? (timeout + 10) * 1000;
      const result = await this.call<ZaloUpdate | ZaloUpdate[] | null>(
        "getUpdates",
        { timeout },
        { ...options, timeoutMs },
      );
      if (!Array.isArray(result)) return result ?? null;
      // The docs say one update per call; should an array ever come (as in the Telegram-derived SDKs), keep the rest.
      this.#pendingUpdates.push(...result.slice(1));
      return result[0] ?? null;
    } catch (error) {
      if (error instanceof ZaloApiError && error.error_code === 408) return null;
      throw error;
    }
  }

  /** `secret_token` (8–256 characters) comes back in each delivery's `X-Bot-Api-Secret-Token` header. */
  setWebhook(params: { url: string; secret_token: string }, options?: ZaloCallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>("setWebhook", params, options);
  }

  deleteWebhook(options?: ZaloCallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>("deleteWebhook", {}, options);
  }

  getWebhookInfo(options?: ZaloCallOptions): Promise<ZaloWebhookInfo> {
    return this.call<ZaloWebhookInfo>("getWebhookInfo", {}, options);
  }

  /** `text`: 1–2000 characters. Split longer text first (see chunkText). */
  sendMessage(
    params: { chat_id: string; text: string; parse_mode?: "markdown" | "html" },
    options?: ZaloCallOptions,
  ): Promise<ZaloSentMessage> {
    return this.call<ZaloSentMessage>("sendMessage", params, options);
  }

  /** `photo` is a public image URL; Zalo fetches it. */
  sendPhoto(params: { chat_id: string; photo: string; caption?: string }, options?: ZaloCallOptions) {
    return this.call<ZaloSentMessage>("sendPhoto", params, options);
  }

  sendSticker(params: { chat_id: string; sticker: string }, options?: ZaloCallOptions) {
    return this.call<ZaloSentMessage>("sendSticker", params, options);
  }

  /** Shows "typing…" for up to about 5 seconds, or until the bot's next message. Answers `{ok:true}` only. */
  async sendChatAction(params: { chat_id: string; action: ZaloChatAction }, options?: ZaloCallOptions) {
    await this.call<unknown>("sendChatAction", params, options);
  }

  /** node-zalo-bot alias of {@link setWebhook}. */
  setWebHook(params: { url: string; secret_token: string }, options?: ZaloCallOptions) {
    return this.setWebhook(params, options);
  }

  /** node-zalo-bot alias of {@link deleteWebhook}. */
  deleteWebHook(options?: ZaloCallOptions) {
    return this.deleteWebhook(options);
  }

  /** node-zalo-bot alias of {@link getWebhookInfo}. */
  getWebHookInfo(options?: ZaloCallOptions) {
    return this.getWebhookInfo(options);
  }

  /**
   * Calls any method. Retries network errors, 5xx, 408 and 429 with exponential backoff and jitter (honouring
   * Retry-After), at most `maxRetries` times; never retries 400, 401, 403 or 404.
   */
  async call<T>(method: string, params: object = {}, options: ZaloCallOptions = {}): Promise<T> {
    const maxRetries = options.maxRetries ?? this.#options.maxRetries;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#callOnce<T>(method, params, options);
      } catch (error) {
        if (!(error instanceof ZaloApiError) || !error.isRetryable || attempt >= maxRetries) throw error;
        // On getUpdates a 408 is an empty long poll, not a failure: hand it back at once.
        if (method === "getUpdates" && error.error_code === 408) throw error;
        if (options.signal?.aborted) throw error;
        const delay = Math.max(error.retryAfterMs ?? 0, backoffDelay(attempt, this.#options.backoff));
        await this.#options.sleep(delay, options.signal);
      }
    }
  }

  async #callOnce<T>(method: string, params: object, options: ZaloCallOptions): Promise<T> {
    let response: AxiosResponse<unknown>;
    try {
      response = await this.#http.post(`/bot${this.#token}/${method}`, params, {
        timeout: options.timeoutMs ?? this.#options.timeoutMs,
        signal: options.signal,
      });
    } catch (error) {
      // Rebuilt from scratch: an AxiosError holds the config (with the URL, hence the token) and the request.
      throw new ZaloApiError({ method, networkCode: networkCodeOf(error) });
    }
    const envelope = asEnvelope(response.data);
    if (envelope?.ok === true) return envelope.result as T;
    throw new ZaloApiError({
      method,
      status: response.status,
      errorCode: envelope?.error_code ?? (response.status >= 400 ? response.status : 500),
      description: envelope?.description ? this.#redact(envelope.description) : undefined,
      retryAfterMs: parseRetryAfter(response.headers["retry-after"]),
    });
  }

  /** A server may echo the request path in a description; never let the token through that way. */
  #redact(text: string): string {
    const secret = this.#token.slice(this.#token.indexOf(":") + 1);
    return text.split(this.#token).join("[redacted]").split(secret).join("[redacted]").slice(0, 500);
  }
}

function asEnvelope(data: unknown): ZaloEnvelope | undefined {
  if (typeof data === "string") {
    try {
      return asEnvelope(JSON.parse(data));
    } catch {
      return undefined;
    }
  }
  if (data && typeof data === "object" && typeof (data as ZaloEnvelope).ok === "boolean") return data as ZaloEnvelope;
  return undefined;
}

function networkCodeOf(error: unknown): string {
  if (isAxiosError(error)) {
    if (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT") return "ETIMEDOUT";
    if (error.code === "ERR_CANCELED") return "ABORTED";
    return error.code ?? "ENETWORK";
  }
  return "ENETWORK";
}
