import { describe, expect, it } from "vitest";
import { matchTypedName, normalizeName } from "../../src/services/member-names.js";

const people = (...names: string[]) =>
  names.map((displayName) => ({ displayName, normalizedName: normalizeName(displayName) }));
const names = (typed: string, candidates: ReturnType<typeof people>) =>
  matchTypedName(typed, candidates).map((c) => c.displayName);

describe("who a typed name means", () => {
  it("prefers the exact spelling: @Lân is not @Lan", () => {
    const channel = people("Lan", "Lân");
    expect(names("Lân", channel)).toEqual(["Lân"]);
    expect(names("Lan", channel)).toEqual(["Lan"]);
    expect(names("lan", channel)).toEqual(["Lan"]);
  });

  it("reads a name typed without diacritics folded, but not one typed with other diacritics", () => {
    expect(names("lan", people("Lân"))).toEqual(["Lân"]);
    expect(names("Lận", people("Lân"))).toEqual([]);
  });

  it("finds a given name inside full names, and returns every fit when there are several", () => {
    expect(names("Hoa", people("Nguyễn Thị Hoa", "Minh"))).toEqual(["Nguyễn Thị Hoa"]);
    expect(names("Hoa", people("Nguyễn Thị Hoa", "Trần Thị Hoa"))).toEqual(["Nguyễn Thị Hoa", "Trần Thị Hoa"]);
    expect(names("Nguyễn Thị Hoa", people("Nguyễn Thị Hoa", "Trần Thị Hoa"))).toEqual(["Nguyễn Thị Hoa"]);
  });
});
