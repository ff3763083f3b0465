/**
 * What the bot says when a typed name fits more than one person of the channel. It never picks one: it lists who
 * is meant by that name (full name, and what tells them apart) and asks for the command again with the platform's
 * mention or the exact full name. Nothing is written.
 *
 * This is the one place the "ask instead of guessing" question flow replaces: it will ask the same question, keep
 * the command, and finish it with the answer. Callers depend only on this function's signature.
 */
import { t } from "../i18n/index.js";
import { formatMoment } from "../render/render-context.js";
import type { IncomingMessage, Locale } from "./incoming.js";
import type { AmbiguousName, CandidatePerson } from "./named-people.js";
import type { Reply } from "./reply.js";

export interface AskContext {
  locale: Locale;
  platform: IncomingMessage["platform"];
  /** The channel's zone, for "last wrote here …". */
  timezone: string;
}

/** The private answer to a command whose names are ambiguous. */
export function askWhichPerson(ambiguous: readonly AmbiguousName[], context: AskContext): Reply {
  const { locale } = context;
  const parts = ambiguous.map(({ name, candidates }) => {
    const sameFullName = hasSameFullNames(candidates);
    const lines = candidates.map((candidate) =>
      t(locale, "people.candidate", { person: candidate.displayName, hint: hintFor(candidate, sameFullName, context) }),
    );
    const howTo =
      context.platform === "slack"
        ? t(locale, "people.how_to_mention")
        : t(locale, "people.how_to_typed", { example: exampleWith(candidates, locale) });
    const advice = sameFullName ? `${howTo} ${t(locale, "people.same_full_name")}` : howTo;
    return t(locale, "people.ambiguous", { name, candidates: lines.join("\n"), howTo: advice });
  });
  return { visibility: "private", isError: true, text: parts.join("\n\n") };
}

/** What tells one candidate from the others: when they last wrote here, and their id when full names are equal. */
function hintFor(candidate: CandidatePerson, sameFullName: boolean, context: AskContext): string {
  if (candidate.pending) return t(context.locale, "people.candidate_pending");
  const seen = candidate.lastSeenAt
    ? t(context.locale, "people.candidate_seen", { at: formatMoment(candidate.lastSeenAt, context) })
    : "";
  const id =
    sameFullName && candidate.externalId
      ? t(context.locale, "people.candidate_id", { id: candidate.externalId.slice(-4) })
      : "";
  return `${id}${seen}`;
}

function hasSameFullNames(candidates: readonly CandidatePerson[]): boolean {
  const names = candidates.map((c) => c.displayName.normalize("NFC").toLocaleLowerCase("vi"));
  return new Set(names).size < names.length;
}

function exampleWith(candidates: readonly CandidatePerson[], locale: Locale): string {
  const name = candidates[0]?.displayName ?? "Nguyễn Thị Hoa";
  return locale === "en" ? `assign @${name} prepare the report` : `giao @${name} chuẩn bị báo cáo`;
}
