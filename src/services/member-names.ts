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
