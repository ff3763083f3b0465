/**
 * The people a command names, checked and resolved before its handler runs: a group (`@channel`, `@here`, a user
 * group) is never a person, a command names at most MAX_ASSIGNEES people, and every typed name must mean exactly
 * one person of the channel. Whatever is refused or ambiguous here writes nothing, not even a pending person.
 */
import { t } from "../i18n/index.js";
import { candidateHints } from "./ask-which-person.js";
import { MAX_ASSIGNEES } from "./limits.js";
import type { Middleware } from "./middleware.js";
import { assignsPeople, isBroadcastName, namedPeople } from "./named-people.js";
import type { CoreServices } from "./ports/index.js";
import { askWhichPerson } from "./questions/index.js";
import type { Reply } from "./reply.js";

/** Refuses a command naming a group, or more people than a task may have. */
export function enforcePeopleLimits<S extends CoreServices>(): Middleware<S> {
  return async (context, next) => {
    const { parsed, locale, incoming } = context;
    if (!parsed.ok) return next();
    const tokens = namedPeople(parsed.command);
    const group = tokens.find((token) => isBroadcastName(token, incoming));
    if (group !== undefined) return [privateError(t(locale, "people.broadcast", { name: group.replace(/^@+/, "") }))];
    const distinct = new Set(tokens).size;
    if (assignsPeople(parsed.command) && distinct > MAX_ASSIGNEES) {
      return [privateError(t(locale, "people.too_many", { count: distinct, max: MAX_ASSIGNEES }))];
    }
    return next();
  };
}

/**
 * Resolves the command's names to people of the channel (context.mentioned), those a question's answer pinned as
 * they are. A name that fits several people is asked about ({@link askWhichPerson}: one choice per person, the
 * command kept); an unknown one, where no pending person may be made (lists, status, managers), is answered with
 * "I don't know who X is here".
 */
export function resolveNamedPeople<S extends CoreServices>(): Middleware<S> {
  return async (context, next) => {
    const { parsed, locale, incoming, channel, actor } = context;
    if (!parsed.ok) return next();
    const tokens = namedPeople(parsed.command);
    if (tokens.length === 0) {
      context.mentioned = [];
      return next();
    }
    const resolution = await context.services.directory.resolvePeople(channel, tokens, incoming.mentions, {
      actorId: actor.id,
      createPending: assignsPeople(parsed.command),
      pinned: context.pinned,
    });
    if (resolution.ok) {
      context.mentioned = resolution.people;
      return next();
    }
    const [first] = resolution.ambiguous;
    if (first) {
      // One name at a time: the answer runs the command again, and a second ambiguous name is asked about then.
      const hints = candidateHints(first.candidates, {
        locale,
        platform: incoming.platform,
        timezone: channel.timezone,
      });
      return askWhichPerson(context, parsed.command, first.name, first.candidates, hints);
    }
    const names = resolution.unknown.map((name) => `"${name}"`).join(", ");
    return [privateError(t(locale, "people.unknown", { names }))];
  };
}

function privateError(text: string): Reply {
  return { visibility: "private", isError: true, text };
}
