import { buildIncoming } from "./incoming-builder.js";
import { readSlackRequest } from "./read-request.js";
import type { SlackIdentity } from "./slack-identity.js";
import type { SlackRuntime } from "./slack-runtime.js";

/** Handles one slash command or event payload to the end (its replies delivered). */
export type SlackRequestHandler = (body: unknown) => Promise<void>;

/**
 * The one way a slash command or an event is handled after its ack, wherever it comes from: bolt's listeners
 * (Socket Mode, or a request the journal could not take) and the journal (the request's own instance, or another
 * one taking it over) all hand the raw payload here. The caller holds a slot of the adapter's work queue.
 */
export function createRequestHandler(
  runtime: SlackRuntime,
  identity: () => Promise<SlackIdentity>,
): SlackRequestHandler {
  return async (body) => {
    const request = readSlackRequest(body, await identity());
    if (!request) return;
    if (request.kind === "home_opened") {
      await runtime.home?.opened(request.teamId, request.userId);
      return;
    }
    const incoming = await buildIncoming(request.origin, request.text, runtime.directory, runtime.channels);
    // A fresh turn of the event loop before the bot's CPU work: HTTP requests waiting to be acked are read first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await runtime.runner.run(incoming, request.target);
  };
}
