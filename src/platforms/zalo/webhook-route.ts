import { createHash, timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import { BodyTooLargeError, declaresTooLarge, readBodyCapped, refuseAndClose } from "../../http/body.js";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import type { ZaloUpdate } from "./zalo-types.js";

export interface WebhookRouteOptions {
  /** The `secret_token` given to setWebhook; Zalo sends it back in `X-Bot-Api-Secret-Token`. */
  secret: string;
  /**
   * Takes the update over; the 200 is sent once it resolves (the adapter journals the update first, then hands it
   * on). Must not throw, and must not wait for the update to be handled: Zalo would time out and deliver again.
   */
  onUpdate: (update: ZaloUpdate) => void | Promise<void>;
  /** False until getMe has answered: deliveries then get 503 and Zalo may deliver again. Default always ready. */
  isReady?: () => boolean;
  /** Largest accepted body, in bytes. Default 256 KiB; a Zalo update is a few hundred bytes. */
  maxBodyBytes?: number;
  logger: Logger;
}

/**
 * The webhook receiver: transport only. In this order: a declared body over the cap is refused (413) before anything
 * else; then the method; then the secret (constant time), and a request without it gets 403 at once, with not one
 * byte of its body read; then the content type, the body within the cap (a chunked one that grows past it: 413) and
 * its JSON shape. It hands the update on and answers without waiting for it to be handled, so a slow command never
 * makes Zalo time out and redeliver. Nothing is written for a rejected request.
 */
export function createWebhookRoute(options: WebhookRouteOptions): RouteHandler {
  const { secret, onUpdate, logger, maxBodyBytes = 256 * 1024, isReady = () => true } = options;
  const expected = digest(secret);
  return async (request, response) => {
    const refuse = (status: number, error: string, headers?: Record<string, string>) =>
      refuseAndClose(request, response, status, { ok: false, error }, { drain: false, headers });
    if (declaresTooLarge(request, maxBodyBytes)) return refuse(413, "payload_too_large");
    if (request.method !== "POST") return refuse(405, "method_not_allowed", { allow: "POST" });
    const given = request.headers["x-bot-api-secret-token"];
    if (typeof given !== "string" || !timingSafeEqual(digest(given), expected)) {
      logger.warn({ remote: request.socket.remoteAddress }, "zalo webhook: bad or missing secret");
      return refuse(403, "forbidden");
    }
    const contentType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (contentType !== "application/json") return refuse(415, "unsupported_media_type");
    let body: Buffer;
    try {
      body = await readBodyCapped(request, maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return refuseAndClose(request, response, 413, { ok: false, error: "payload_too_large" });
    }
    const update = parseUpdate(body);
    if (!update) return answer(response, 400, "bad_request");
    if (!isReady()) return answer(response, 503, "starting");
    await onUpdate(update);
    answer(response, 200);
  };
}

/** Accepts the documented wrapped body `{ok, result:{event_name, message}}` and the bare `{event_name, message}`. */
export function parseUpdate(body: Buffer): ZaloUpdate | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
  if (!isObject(data)) return undefined;
  const candidate = isObject(data.result) ? data.result : data;
  if (typeof candidate.event_name !== "string") return undefined;
  if (candidate.message !== undefined && !isObject(candidate.message)) return undefined;
  return candidate as unknown as ZaloUpdate;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Hashing both sides first gives equal lengths, so timingSafeEqual neither throws nor leaks the secret's length.
function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

function answer(response: ServerResponse, status: number, error?: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(error ? { ok: false, error } : { ok: true }));
}
