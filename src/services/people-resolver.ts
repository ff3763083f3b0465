/**
 * The people a command names, found among the members of its channel. A mention that carries the platform's user
 * id is that user. A typed `@Name` (Zalo and the terminal have no mention entities) means a member the bot has seen
 * in this channel, or a person typed here before and still pending; never someone who merely shares the name
 * elsewhere in the workspace. More than one match is ambiguous: nothing is guessed or written, the caller asks.
 */
import type { IncomingMention } from "../core/incoming.js";
import { cleanName } from "../core/limits.js";
import type { AmbiguousName, CandidatePerson, PeopleResolution } from "../core/named-people.js";
import type { PersonView } from "../core/task-view.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { matchTypedName, normalizeName } from "./member-names.js";
import { personSelect, toPersonView } from "./task-mapper.js";

export interface ResolvePeopleInput {
  channel: { id: string; workspaceId: string };
  /** The names as the parser found them (mention tokens without "@"). */
  tokens: readonly string[];
  mentions: readonly IncomingMention[];
  /** Who typed the names: a pending person remembers them, as the one who may confirm who was meant. */
  actorId: string;
  /** Make a pending person of a name nobody here has (add, assign); otherwise the name is reported unknown. */
  createPending: boolean;
  /** Names already decided (the person answered "which @Hoa?"): each is that person, not looked up again. */
  pinned?: readonly { name: string; person: PersonView }[];
}

/** How a mention with a platform id becomes a member (the directory's, which remembers members it has seen). */
export type MemberOfMention = (mention: IncomingMention & { externalId: string }) => Promise<PersonView>;

const candidateSelect = {
  ...personSelect,
  normalizedName: true,
  channels: { select: { lastSeenAt: true, channelId: true } },
} as const satisfies Prisma.MemberSelect;

type CandidateRow = Prisma.MemberGetPayload<{ select: typeof candidateSelect }>;

/** Members of the channel and its pending people whose name could be `typed` (folded full or given name). */
async function candidatesFor(
  prisma: PrismaClient,
  channel: ResolvePeopleInput["channel"],
  typed: string,
): Promise<(CandidatePerson & { normalizedName: string })[]> {
  const folded = normalizeName(typed);
  const rows: CandidateRow[] = await prisma.member.findMany({
    where: {
      workspaceId: channel.workspaceId,
      isBot: false,
      OR: [{ normalizedName: folded }, { normalizedName: { endsWith: ` ${folded}` } }],
      AND: [
        {
          OR: [
            { externalId: { not: null }, channels: { some: { channelId: channel.id } } },
            { externalId: null, pendingChannelId: channel.id },
          ],
        },
      ],
    },
    select: {
      ...candidateSelect,
      channels: { where: { channelId: channel.id }, select: candidateSelect.channels.select },
    },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  return rows.map((row) => ({
    ...toPersonView(row),
    normalizedName: row.normalizedName,
    lastSeenAt: row.channels[0]?.lastSeenAt ?? null,
    pending: row.externalId === null,
  }));
}

/** Who `typed` means here: real members first (a pending person only when no member answers to the name). */
export function pickByName<C extends CandidatePerson & { normalizedName: string }>(typed: string, all: readonly C[]) {
  const real = matchTypedName(
    typed,
    all.filter((c) => !c.pending),
  );
  return real.length > 0
    ? real
    : matchTypedName(
        typed,
        all.filter((c) => c.pending),
      ).slice(0, 1);
}

async function createPendingPerson(
  prisma: PrismaClient,
  input: ResolvePeopleInput,
  typed: string,
): Promise<PersonView> {
  const displayName = cleanName(typed.replace(/^@+/, ""));
  const created = await prisma.member.create({
    data: {
      workspaceId: input.channel.workspaceId,
      externalId: null,
      displayName,
      normalizedName: normalizeName(displayName),
      pendingChannelId: input.channel.id,
      pendingNamedById: input.actorId,
    },
    select: personSelect,
  });
  return toPersonView(created);
}

/**
 * Resolves every name of a command, or none: when any name is ambiguous (or unknown where no pending person may be
 * made), nothing is created and the answer says which.
 */
export async function resolvePeople(
  prisma: PrismaClient,
  input: ResolvePeopleInput,
  memberOfMention: MemberOfMention,
): Promise<PeopleResolution> {
  const found: (PersonView | { typed: string })[] = [];
  const ambiguous: AmbiguousName[] = [];
  const unknown: string[] = [];
  for (const token of input.tokens) {
    const pinned = input.pinned?.find((p) => p.name === token);
    if (pinned) {
      found.push(pinned.person);
      continue;
    }
    const mention =
      input.mentions.find((m) => m.token === token) ??
      input.mentions.find((m) => normalizeName(m.token) === normalizeName(token));
    if (mention?.externalId) {
      found.push(await memberOfMention({ ...mention, externalId: mention.externalId }));
      continue;
    }
    const typed = cleanName(mention?.displayName ?? token);
    const matches = pickByName(typed, await candidatesFor(prisma, input.channel, typed));
    if (matches.length > 1) ambiguous.push({ name: typed, candidates: matches.map(withoutFoldedName) });
    else if (matches[0]) found.push(withoutFoldedName(matches[0]));
    else if (input.createPending) found.push({ typed });
    else unknown.push(typed);
  }
  if (ambiguous.length > 0 || unknown.length > 0) return { ok: false, ambiguous, unknown };
  const people: PersonView[] = [];
  for (const entry of found) {
    const person = "typed" in entry ? await reusePendingOrCreate(prisma, input, entry.typed, people) : entry;
    if (!people.some((p) => p.id === person.id)) people.push(person);
  }
  return { ok: true, people };
}

/** The same new name twice in one command ("@Hạnh … @hạnh") is one pending person. */
async function reusePendingOrCreate(
  prisma: PrismaClient,
  input: ResolvePeopleInput,
  typed: string,
  already: readonly PersonView[],
): Promise<PersonView> {
  const same = already.find((p) => p.externalId === null && normalizeName(p.displayName) === normalizeName(typed));
  return same ?? createPendingPerson(prisma, input, typed);
}

function withoutFoldedName<C extends CandidatePerson & { normalizedName: string }>({
  normalizedName: _folded,
  ...person
}: C): CandidatePerson {
  return person;
}

/**
 * Names the parser should recognise as people in this channel (so "@Nguyễn Văn An" spans its words): its members
 * and its pending people, most recently seen first.
 */
export async function channelNames(prisma: PrismaClient, channel: ResolvePeopleInput["channel"]): Promise<string[]> {
  const rows = await prisma.member.findMany({
    where: {
      workspaceId: channel.workspaceId,
      isBot: false,
      OR: [{ channels: { some: { channelId: channel.id } } }, { externalId: null, pendingChannelId: channel.id }],
    },
    select: { displayName: true },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  return [...new Set(rows.map((r) => r.displayName))];
}
