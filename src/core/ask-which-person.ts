/**
 * Telling people apart when a typed name fits more than one person of the channel: what distinguishes each
 * candidate (when they last wrote here; the end of their id when full names are equal). A command with such a name
 * is asked about through the question flow (people-middleware.ts, with these hints in its choices); a sentence
 * outside the command language ("xác nhận @Hoa là @Trần Thị Hoa") gets {@link listWhoIsMeant}. Nothing is written.
 */
import { t } from "../i18n/index.js";
import { formatMomentIn } from "../language/format.js";
import type { IncomingMessage, Locale } from "./incoming.js";
import type { AmbiguousName, CandidatePerson } from "./named-people.js";
import type { Reply } from "./reply.js";

export interface AskContext {
  locale: Locale;
  platform: IncomingMessage["platform"];
  /** The channel's zone, for "last wrote here …". */
  timezone: string;
}

/** The private answer that lists who a name may mean and asks for the sentence again with a mention or full name. */
export function listWhoIsMeant(ambiguous: readonly AmbiguousName[], context: AskContext): Reply {
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

/** What tells each of `candidates` from the others, by member id ("" when nothing more than the name is known). */
export function candidateHints(candidates: readonly CandidatePerson[], context: AskContext): Map<string, string> {
  const sameFullName = hasSameFullNames(candidates);
  return new Map(candidates.map((candidate) => [candidate.id, hintFor(candidate, sameFullName, context)]));
}

/** What tells one candidate from the others: when they last wrote here, and their id when full names are equal. */
function hintFor(candidate: CandidatePerson, sameFullName: boolean, context: AskContext): string {
  if (candidate.pending) return t(context.locale, "people.candidate_pending");
  const seen = candidate.lastSeenAt
    ? t(context.locale, "people.candidate_seen", { at: formatMomentIn(candidate.lastSeenAt, context.timezone) })
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
  return t(locale, "people.example_assign", { name });
}
