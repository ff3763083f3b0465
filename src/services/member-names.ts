/**
 * Names as people type them: "Lan", "lan", "Nguyễn Thị Lan", "nguyen thi lan" should all find the same person.
 * Stored in Member.normalizedName.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/^@+/, "")
    .replace(/[\s_.]+/g, " ")
    .trim();
}

/** Whether a typed name is the given name (last word) of a full name: Vietnamese colleagues say "Lan", not "Nguyễn Thị Lan". */
export function isGivenNameOf(typed: string, fullName: string): boolean {
  return fullName !== typed && fullName.endsWith(` ${typed}`);
}

/**
 * A name with its spelling kept: diacritics count ("Lân" is not "Lan"), case and spacing do not. Two names are
 * "exactly" the same when these keys are equal.
 */
export function exactNameKey(name: string): string {
  return name
    .normalize("NFC")
    .replace(/^@+/, "")
    .replace(/[\s_]+/g, " ")
    .trim()
    .toLocaleLowerCase("vi");
}

/** Whether the name was typed without any diacritics (so a folded match is what the writer meant). */
function typedWithoutDiacritics(name: string): boolean {
  return normalizeName(name) === exactNameKey(name).replace(/\./g, " ").replace(/\s+/g, " ").trim();
}

/** Someone a typed name may mean, with their stored name. */
export interface NamedCandidate {
  displayName: string;
  normalizedName: string;
}

const lastWord = (name: string) => name.split(" ").at(-1) ?? name;

/**
 * Who of `candidates` a typed name means, tier by tier: the exact full name, then the exact given name (last word),
 * then (only when the name was typed without diacritics) the same two folded. The first tier with anyone wins;
 * more than one there is ambiguous, and the caller asks. Nobody at any tier: an empty list.
 */
export function matchTypedName<C extends NamedCandidate>(typed: string, candidates: readonly C[]): C[] {
  const exact = exactNameKey(typed);
  const folded = normalizeName(typed);
  const tiers: ((c: C) => boolean)[] = [
    (c) => exactNameKey(c.displayName) === exact,
    (c) => !exact.includes(" ") && lastWord(exactNameKey(c.displayName)) === exact,
  ];
  if (typedWithoutDiacritics(typed)) {
    tiers.push(
      (c) => c.normalizedName === folded,
      (c) => isGivenNameOf(folded, c.normalizedName),
    );
  }
  for (const inTier of tiers) {
    const found = candidates.filter(inTier);
    if (found.length > 0) return found;
  }
  return [];
}
