import type { IncomingMessage, ServerResponse } from "node:http";
import { type App, HTTPModuleFunctions, HTTPResponseAck, type Receiver } from "@slack/bolt";
import type { InboundProcessor } from "../../core/inbound-processor.js";
import { BodyTooLargeError, readBodyCapped, refuseAndClose } from "../../http/body.js";
import type { RouteHandler } from "../../http/server.js";
import type { Logger } from "../../logger.js";
import { createBoltLogger } from "./bolt-logger.js";
import { journalKey } from "./read-request.js";
import { DEFAULT_BODY_LIMIT_BYTES, parseSlackBody, verifySlackSignature } from "./request-verification.js";

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Bodies above this many bytes are refused with 413 before hashing. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Our clock in milliseconds, for tests of the replay window. Default: Date.now. */
  now?: () => number;
  /**
   * Where slash commands and events are written before their ack (and handled from afterwards, by the adapter's
   * request handler). Without it, or when it fails, they are handed to bolt, acked by the listener.
   */
  inbound?: Pick<InboundProcessor, "tryAccept">;
  /**
   * Many workspaces: whether the request's workspace has installed the app. A request from any other is refused
   * with 401 before it is journaled or reaches bolt. Absent (one workspace): every authentic request is taken.
   */
  admit?: (body: Record<string, unknown>) => Promise<boolean>;
}

/**
 * A bolt Receiver that lives on our one HTTP server instead of opening its own port. It does transport only:
 * read a capped body, check the signature and the replay window, parse, and hand the event to bolt with an ack that
 * answers the HTTP request. Nothing reaches a listener unless the request is authentic and well formed.
 *
 * Retries (`X-Slack-Retry-Num`) are passed through, never dropped: in Socket Mode and after an outage, events arrive
 * only as retries; the core's durable dedupe on the event id is what stops a second task.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private readonly options: Required<Omit<SlackHttpReceiverOptions, "logger" | "inbound" | "admit">>;
  private readonly admit: SlackHttpReceiverOptions["admit"];
  private readonly inbound: SlackHttpReceiverOptions["inbound"];
  private readonly logger: Logger;

  constructor(options: SlackHttpReceiverOptions) {
    if (!options.signingSecret) throw new Error("SlackHttpReceiver needs a signing secret");
    this.logger = options.logger;
    this.inbound = options.inbound;
    this.admit = options.admit;
    this.options = {
      signingSecret: options.signingSecret,
      bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      now: options.now ?? Date.now,
    };
  }

  init(app: App): void {
    this.app = app;
  }

  /** The HTTP server is ours (src/http/server.ts); starting and stopping it is the composition root's job. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** The handler to mount at POST /slack/events. */
  readonly handle: RouteHandler = async (request, response) => {
    if (request.method !== "POST") {
      return refuseAndClose(request, response, 405, { ok: false, error: "method_not_allowed" }, { drain: false });
    }
    let body: Buffer;
    try {
      body = await readBodyCapped(request, this.options.bodyLimitBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return refuseAndClose(request, response, 413, { ok: false, error: "body_too_large" });
      }
      throw error;
    }
    const failure = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      timestamp: header(request, "x-slack-request-timestamp"),
      signature: header(request, "x-slack-signature"),
      body,
      nowMs: this.options.now(),
    });
    if (failure) {
      this.logger.warn({ reason: failure }, "slack request refused");
      return this.refuse(response, 401, failure);
    }
    const parsed = parseSlackBody(body, header(request, "content-type"));
    // Bolt assumes `event` is an object and crashes (a 500, then Slack's retries) on anything else.
    if (!parsed || ("event" in parsed && (typeof parsed.event !== "object" || parsed.event === null))) {
      return this.refuse(response, 400, "malformed_body");
    }
    if (parsed.type === "url_verification") return HTTPModuleFunctions.buildUrlVerificationResponse(response, parsed);
    if (parsed.ssl_check) return HTTPModuleFunctions.buildContentResponse(response, undefined);
    if (this.admit && !(await this.admit(parsed))) return this.refuse(response, 401, "not_installed");
    if (await this.acceptedIntoJournal(parsed)) return HTTPModuleFunctions.buildContentResponse(response, undefined);
    await this.dispatch(request, response, parsed);
  };

  /**
   * Slash commands and events are journaled, then acked with an empty 200 (what their listeners' ack() sends) and
   * handled from the journal. Interactions are not: a button may open a modal, whose trigger_id expires in 3 s, and a
   * modal submission is answered (validation errors) in the ack itself.
   */
  private async acceptedIntoJournal(body: Record<string, unknown>): Promise<boolean> {
    const key = journalKey(body);
    if (!this.inbound || !key) return false;
    return this.inbound.tryAccept(key, body);
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>) {
    if (!this.app) throw new Error("SlackHttpReceiver used before bolt called init()");
    const boltLogger = createBoltLogger(this.logger);
    const ack = new HTTPResponseAck({
      logger: boltLogger,
      processBeforeResponse: false,
      httpRequest: request,
      httpRequestBody: body,
      httpResponse: response,
    });
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(request);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(request);
    try {
      await this.app.processEvent({ body, ack: ack.bind(), retryNum, retryReason });
    } catch (error) {
      await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: boltLogger,
        request,
        response,
        storedResponse: ack.storedResponse,
      });
    }
  }

  private refuse(response: ServerResponse, status: number, error: string): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify({ ok: false, error }));
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
