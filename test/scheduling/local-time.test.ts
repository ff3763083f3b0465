import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { atLocal, localDay, localMinutes } from "../../src/scheduling/local-time.js";

const zones = [
  "Asia/Ho_Chi_Minh",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Lord_Howe", // a half-hour DST shift
  "Asia/Kathmandu", // +05:45
  "America/St_Johns", // −03:30 with DST
  "Pacific/Chatham", // +12:45 / +13:45
  "UTC",
];

describe("local time (cached offsets)", () => {
  it("answers as luxon does for any instant, across DST changes, in odd zones", () => {
    const from = Date.UTC(1975, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(ms);
        const luxon = DateTime.fromJSDate(instant, { zone });
        expect(localDay(instant, zone)).toBe(luxon.toISODate());
        expect(localMinutes(instant, zone)).toBe(luxon.hour * 60 + luxon.minute);
      }),
      { numRuns: 5000 },
    );
  });

  it("is exact on both sides of a DST change, cached or not", () => {
    const change = Date.parse("2026-03-29T01:00:00Z"); // Berlin 02:00 CET → 03:00 CEST
    for (const ms of [change - 60_000, change - 1, change, change + 1, change + 60_000, change - 1, change]) {
      const luxon = DateTime.fromMillis(ms, { zone: "Europe/Berlin" });
      expect(localMinutes(new Date(ms), "Europe/Berlin")).toBe(luxon.hour * 60 + luxon.minute);
    }
  });

  it("gives the same instant for a local time again (cached), including a time skipped by DST", () => {
    const first = atLocal("2026-03-29", 150, "Europe/Berlin");
    expect(atLocal("2026-03-29", 150, "Europe/Berlin").getTime()).toBe(first.getTime());
    expect(first.toISOString()).toBe(
      DateTime.fromISO("2026-03-29", { zone: "Europe/Berlin" }).set({ hour: 2, minute: 30 }).toJSDate().toISOString(),
    );
    expect(() => atLocal("2026-03-29", 540, "Not/A_Zone")).toThrow(RangeError);
  });
});
