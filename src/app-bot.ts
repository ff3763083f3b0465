/**
 * The bot as the composition root wires it: the core's pipeline with the services' implementations of its ports
 * (src/core/ports), the render layer's words, and every handler of handlers/index.ts. Tests and benchmarks build
 * their bots here too, so they run the wiring the app runs.
 */
import { type AppServices, handlers } from "../handlers/index.js";
import { type BotOptions, createBot } from "./core/bot.js";
import type { Bot } from "./core/handler.js";
import type { EventDedupe } from "./core/ports/index.js";
import { pipelineWords } from "./render/pipeline-words.js";
import { isDatabaseUnavailable } from "./services/database-errors.js";
import type { DirectoryService } from "./services/directory-service.js";
import { DuplicateEventError, runWithEventClaim } from "./services/event-claim.js";

export type AppBotOptions = Pick<
  BotOptions<AppServices>,
  "services" | "logger" | "middleware" | "isOwnMessage" | "now"
>;

export function createAppBot(options: AppBotOptions): Bot {
  return createBot<AppServices>({
    ...options,
    handlers,
    events: eventDedupe(options.services.directory),
    words: pipelineWords,
    isUnavailable: isDatabaseUnavailable,
  });
}

/** The event claim over the database: ProcessedEvent rows, claimed in the writing transaction where there is one. */
function eventDedupe(directory: DirectoryService): EventDedupe {
  return {
    runWithClaim: runWithEventClaim,
    isProcessed: (claim) => directory.isEventProcessed(claim),
    markProcessed: (claim) => directory.markEventProcessed(claim),
    isDuplicate: (error) => error instanceof DuplicateEventError,
  };
}
