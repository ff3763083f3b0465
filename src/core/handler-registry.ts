import { coreHandlers } from "../../handlers/index.js";
import type { CommandName } from "../language/index.js";
import type { CommandHandler } from "./handler.js";
import type { Services } from "./services.js";

/** Command name → handler. The one place commands are matched to code. */
export type HandlerRegistry<S extends Services = Services> = ReadonlyMap<CommandName, CommandHandler<S>>;

export type HandlerOverrides<S extends Services = Services> = Partial<Record<CommandName, CommandHandler<S>>>;

/**
 * The core's handlers, with `overrides` replacing or adding entries by name: the jobs engineer passes
 * `{ remind, summary, export }` here to replace the "not available yet" placeholders.
 */
export function createHandlerRegistry<S extends Services>(overrides: HandlerOverrides<S> = {}): HandlerRegistry<S> {
  const registry = new Map<CommandName, CommandHandler<S>>(
    Object.entries(coreHandlers) as [CommandName, CommandHandler<S>][],
  );
  for (const [name, handler] of Object.entries(overrides) as [CommandName, CommandHandler<S> | undefined][]) {
    if (handler) registry.set(name, handler);
  }
  return registry;
}
