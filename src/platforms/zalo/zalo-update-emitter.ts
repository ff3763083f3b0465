import type { ZaloMessage, ZaloUpdate } from "./zalo-types.js";

/** What `processUpdate` emits, like node-zalo-bot: every update, every message, then one event per kind. */
export type ZaloUpdateEvent = "update" | "message" | "text" | "photo" | "sticker" | "voice" | "unsupported";

export type ZaloUpdateListener = (message: ZaloMessage | undefined, update: ZaloUpdate) => void | Promise<void>;

const KIND_BY_EVENT: Record<string, ZaloUpdateEvent> = {
  "message.text.received": "text",
  "message.image.received": "photo",
  "message.sticker.received": "sticker",
  "message.voice.received": "voice",
  "message.unsupported.received": "unsupported",
};

/**
 * The listener side of the client, for users of the library module who prefer node-zalo-bot's `on('text', …)` style.
 * The bot's own adapter does not use it: it calls its processor directly.
 */
export class ZaloUpdateEmitter {
  readonly #listeners = new Map<ZaloUpdateEvent, Set<ZaloUpdateListener>>();

  on(event: ZaloUpdateEvent, listener: ZaloUpdateListener): this {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener);
    this.#listeners.set(event, set);
    return this;
  }

  off(event: ZaloUpdateEvent, listener: ZaloUpdateListener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }

  /**
   * Hands one update (from a webhook body or getUpdates) to the listeners: "update" always, "message" when it carries
   * a message, then the kind ("text", "photo"…). Unknown event names reach only "update". Resolves when every
   * listener has finished; a listener's failure rejects after the others ran.
   */
  async processUpdate(update: ZaloUpdate): Promise<void> {
    const kind = KIND_BY_EVENT[update.event_name];
    const events: ZaloUpdateEvent[] = ["update"];
    if (update.message) events.push("message");
    if (kind && update.message) events.push(kind);
    const results = await Promise.allSettled(
      events.flatMap((event) => [...(this.#listeners.get(event) ?? [])].map(async (l) => l(update.message, update))),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
  }
}
