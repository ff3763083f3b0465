/**
 * Middleware for the two sentences of the permission model that are not commands of the parser (see
 * permission-phrases.ts): an admin code sent to the bot, and the writer of a typed name confirming who was meant.
 * Each answers itself; any other message goes on.
 */
import { t } from "../i18n/index.js";
import { listWhoIsMeant } from "./ask-which-person.js";
import type { Middleware } from "./middleware.js";
import { readClaimCode, readConfirmPerson } from "./permission-phrases.js";
import type { CoreServices } from "./ports/index.js";
import type { Reply } from "./reply.js";

/**
 * A one-time admin code (`npm run zalo:claim`) sent privately makes its sender a workspace admin. One sent in a
 * group is spent without effect: others have read it.
 */
export function claimAdminCodes<S extends CoreServices>(): Middleware<S> {
  return async (context, next) => {
    const code = readClaimCode(context.incoming.text);
    if (!code) return next();
    const { directory } = context.services;
    const { channel, actor, incoming, now } = context;
    // A code reads as no language: answer in the chat's own.
    const locale = channel.locale;
    if (!channel.isPrivateChat) {
      await directory.burnAdminCode(code);
      return [privateReply(t(locale, "admin.claim_in_group"), true)];
    }
    const claimed = await directory.redeemAdminCode(incoming.platform, code, actor, now);
    return [privateReply(t(locale, claimed ? "admin.claimed" : "admin.claim_invalid"), !claimed)];
  };
}

/**
 * "xác nhận @Hoa là @Trần Thị Hoa": the person who typed "@Hoa" says who they meant, and their pending "Hoa"
 * becomes that member of the channel. Only the writer's own pending people (see pending-people.ts).
 */
export function confirmPendingPeople<S extends CoreServices>(): Middleware<S> {
  return async (context, next) => {
    const phrase = readConfirmPerson(context.incoming.text);
    if (!phrase) return next();
    const { directory } = context.services;
    const { locale, channel, actor, incoming } = context;
    const meant = await directory.resolvePeople(channel, [phrase.meant], incoming.mentions, {
      actorId: actor.id,
      createPending: false,
    });
    if (!meant.ok) {
      if (meant.ambiguous.length > 0) {
        return [listWhoIsMeant(meant.ambiguous, { locale, platform: incoming.platform, timezone: channel.timezone })];
      }
      return [privateReply(t(locale, "people.unknown", { names: `"${phrase.meant}"` }), true)];
    }
    const [person] = meant.people;
    const result = person ? await directory.confirmPendingPerson(channel, actor.id, phrase.typed, person) : null;
    if (!person || !result?.ok) return [privateReply(t(locale, "people.confirm_none", { typed: phrase.typed }), true)];
    const text = t(locale, "people.confirmed", {
      typed: phrase.typed,
      person: context.words.people([person], locale),
      count: result.taskIds.length,
    });
    return [{ visibility: "channel", text }];
  };
}

function privateReply(text: string, isError: boolean): Reply {
  return isError ? { visibility: "private", isError, text } : { visibility: "private", text };
}
