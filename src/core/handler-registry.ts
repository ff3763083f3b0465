import type { CommandName } from "../language/index.js";
import type { HandlerDefinition } from "./handler.js";

/** What the registry keeps of a handler: the code and how it claims its event. */
export type RegisteredHandler<S> = Pick<HandlerDefinition<S>, "handle" | "claimsInTransaction">;

/** Command name → handler. The one place commands are matched to code. */
export type HandlerRegistry<S> = ReadonlyMap<CommandName, RegisteredHandler<S>>;

/**
 * The registry of `definitions` (handlers/index.ts), leaving out a handler whose `needs` `services` lacks: its
 * command then answers "not available". Two definitions of one command are a wiring mistake and throw.
 */
export function createHandlerRegistry<S extends object>(
  definitions: readonly HandlerDefinition<S>[],
  services: S,
): HandlerRegistry<S> {
  const registry = new Map<CommandName, RegisteredHandler<S>>();
  for (const definition of definitions) {
    if (registry.has(definition.command)) throw new Error(`two handlers for the command "${definition.command}"`);
    const missing = (definition.needs ?? []).filter(
      (name) => (services as Record<string, unknown>)[name] === undefined,
    );
    if (missing.length > 0) continue;
    registry.set(definition.command, {
      handle: definition.handle,
      claimsInTransaction: definition.claimsInTransaction,
    });
  }
  return registry;
}
