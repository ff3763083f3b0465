import { type App, defaultProcessEventErrorHandler, type Receiver, type ReceiverEvent } from "@slack/bolt";
import { SocketModeClient } from "@slack/socket-mode";
import type { WebClientOptions } from "@slack/web-api";
import type { InboundProcessor } from "../../core/inbound-processor.js";
import type { Logger } from "../../logger.js";
import { createBoltLogger } from "./bolt-logger.js";
import { journalKey } from "./read-request.js";

export interface SlackSocketReceiverOptions {
  /** The app-level token (xapp-…) that opens the socket. */
  appToken: string;
  /** Options of the Web API client that calls apps.connections.open (SLACK_API_URL among them). */
  clientOptions: WebClientOptions;
  logger: Logger;
  /** As in HTTP mode: slash commands and events are written here before their ack, and handled from it. */
  inbound?: Pick<InboundProcessor, "tryAccept">;
  /** Many workspaces: whether the envelope's workspace installed the app (see SlackHttpReceiverOptions.admit). */
  admit?: (body: Record<string, unknown>) => Promise<boolean>;
}

/** What @slack/socket-mode hands a `slack_event` listener. */
interface SocketEnvelope {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  type: string;
  body: unknown;
  retry_num?: number;
  retry_reason?: string;
}

/**
 * Bolt's Receiver over a Socket Mode connection, doing what our HTTP receiver does: a slash command or an event is
 * journaled first and acked after, so a process that dies between the two leaves it in the journal (another
 * instance, or this one restarted, takes it over) and one that dies before the write leaves it unacked (Slack
 * retries an event; the user sees a command fail). Interactions, and whatever the journal could not take, go to
 * bolt, whose listeners ack. An envelope from a workspace without an installation is acked and written nowhere:
 * there is no status to refuse it with, and an unacked event would only come back.
 */
export class SlackSocketReceiver implements Receiver {
  private app: App | undefined;
  private readonly client: SocketModeClient;

  constructor(private readonly options: SlackSocketReceiverOptions) {
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: createBoltLogger(options.logger),
      clientOptions: options.clientOptions,
    });
    this.client.on("slack_event", (envelope: SocketEnvelope) => this.receive(envelope));
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    await this.client.start();
  }

  async stop(): Promise<void> {
    await this.client.disconnect();
  }

  private async receive(envelope: SocketEnvelope): Promise<void> {
    const body = asRecord(envelope.body);
    try {
      if (this.options.admit && !(await this.options.admit(body))) {
        this.options.logger.info({ type: envelope.type }, "slack envelope without installation acked and dropped");
        return await envelope.ack();
      }
      const key = journalKey(body);
      if (key && this.options.inbound && (await this.options.inbound.tryAccept(key, body))) return await envelope.ack();
    } catch (error) {
      // Unacked: Slack delivers an event again; nothing was written for it.
      this.options.logger.error({ err: error, type: envelope.type }, "slack envelope not taken");
      return;
    }
    await this.dispatch(envelope, body);
  }

  private async dispatch(envelope: SocketEnvelope, body: Record<string, unknown>): Promise<void> {
    let acked = false;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        await envelope.ack(response as Record<string, unknown> | undefined);
      },
      retryNum: envelope.retry_num,
      retryReason: envelope.retry_reason,
    };
    try {
      if (!this.app) throw new Error("SlackSocketReceiver used before bolt called init()");
      await this.app.processEvent(event);
    } catch (error) {
      const logger = createBoltLogger(this.options.logger);
      if (await defaultProcessEventErrorHandler({ error: error as Error, logger, event })) await event.ack();
    }
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}
