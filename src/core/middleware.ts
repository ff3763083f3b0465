import type { ParseResult } from "../language/index.js";
import type { Logger } from "../logger.js";
import type { CommandContext } from "./handler.js";
import type { CoreServices, PipelineWords } from "./ports/index.js";
import type { PinnedPerson } from "./questions/question-types.js";
import type { Reply } from "./reply.js";

/** One message on its way to a handler: the handler's context plus what the pipeline found out. */
export interface MessageContext<S extends CoreServices = CoreServices> extends CommandContext<S> {
  parsed: ParseResult;
  logger: Logger;
  /** The words the pipeline says itself (refusals, questions). */
  words: PipelineWords;
  /** Typed names a question's answer fixed to one person ("which @Hoa?" → this Hoa); resolved as they are. */
  pinned?: readonly PinnedPerson[];
}

/** Runs before the handler; calls `next()` at most once to go on, or answers itself to stop. */
export type Middleware<S extends CoreServices = CoreServices> = (
  context: MessageContext<S>,
  next: () => Promise<Reply[]>,
) => Promise<Reply[]>;

/** Chains middleware around `final`. A second `next()` from the same middleware is a bug and throws. */
export function composeMiddleware<S extends CoreServices>(
  middleware: readonly Middleware<S>[],
  final: (context: MessageContext<S>) => Promise<Reply[]>,
): (context: MessageContext<S>) => Promise<Reply[]> {
  return (context) => {
    const run = (index: number): Promise<Reply[]> => {
      const current = middleware[index];
      if (!current) return final(context);
      let called = false;
      return current(context, () => {
        if (called) throw new Error("next() called twice by one middleware");
        called = true;
        return run(index + 1);
      });
    };
    return run(0);
  };
}

/** Logs each command with its outcome and duration; never the message text (it may be private). */
export function logCommands<S extends CoreServices>(): Middleware<S> {
  return async (context, next) => {
    const started = performance.now();
    const command = context.parsed.ok ? context.parsed.command.command : `parse_error:${context.parsed.error}`;
    const log = context.logger.child({ command, channelId: context.channel.id, actorId: context.actor.id });
    try {
      const replies = await next();
      log.info(
        { ms: Math.round(performance.now() - started), replies: replies.length, error: replies.some((r) => r.isError) },
        "command handled",
      );
      return replies;
    } catch (error) {
      log.error({ err: error, ms: Math.round(performance.now() - started) }, "command failed");
      throw error;
    }
  };
}
