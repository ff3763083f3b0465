import type { Logger } from "../../logger.js";
import { type BackoffOptions, backoffDelay, sleep } from "./backoff.js";
import { ZaloApiError } from "./zalo-api-error.js";
import type { ZaloClient } from "./zalo-client.js";
import type { ZaloUpdate } from "./zalo-types.js";

export interface LongPollerOptions {
  client: ZaloClient;
  /** Handles one update; the poller waits for it before polling again, so a chat's messages stay in order. */
  onUpdate: (update: ZaloUpdate) => Promise<void>;
  logger: Logger;
  /** Seconds Zalo holds each poll open. Default 30. */
  pollTimeoutSeconds?: number;
  /** Backoff after a failed poll. Defaults: 1 s base, 60 s cap, with jitter. */
  backoff?: BackoffOptions;
}

/**
 * Long polling for local use without a public URL: one getUpdates at a time (Zalo returns one update per call and
 * has no offset), 408 means "nothing yet", errors back off exponentially. A 401 stops polling: the token is wrong
 * and no retry will fix it. `stop()` aborts the poll in flight and resolves once the loop has ended.
 */
export class LongPoller {
  readonly #options: LongPollerOptions;
  #controller: AbortController | undefined;
  #loop: Promise<void> | undefined;

  constructor(options: LongPollerOptions) {
    this.#options = options;
  }

  get isRunning(): boolean {
    return this.#loop !== undefined;
  }

  start(): void {
    if (this.#loop) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#loop = this.#run(controller.signal).finally(() => {
      this.#loop = undefined;
    });
  }

  async stop(): Promise<void> {
    this.#controller?.abort();
    await this.#loop;
  }

  async #run(signal: AbortSignal): Promise<void> {
    const { client, onUpdate, logger, pollTimeoutSeconds = 30 } = this.#options;
    const backoff = { baseDelayMs: 1000, maxDelayMs: 60_000, ...this.#options.backoff };
    let failures = 0;
    while (!signal.aborted) {
      let update: ZaloUpdate | null;
      try {
        // The poller owns the backoff, so the client does not retry underneath it.
        update = await client.getUpdates({ timeout: pollTimeoutSeconds }, { signal, maxRetries: 0 });
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ZaloApiError && error.isUnauthorized) {
          logger.error({ err: error }, "zalo polling stopped: the bot token was refused (check ZALO_BOT_TOKEN)");
          break;
        }
        const delay = backoffDelay(failures++, backoff);
        logger.warn({ err: error, retryInMs: delay }, "zalo poll failed");
        await sleep(delay, signal);
        continue;
      }
      if (update) await onUpdate(update);
    }
  }
}
