import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/calendar/index.js";
import {
  type ChannelSchedule,
  defaultPingPolicy,
  groupByChannelMinute,
  isStillRelevant,
  isWorkingTime,
  moveOutOfQuietHours,
  type PingPolicy,
  planPings,
  resolvePingPolicy,
} from "../../src/scheduling/index.js";

const HCM = "Asia/Ho_Chi_Minh";

function schedule(overrides: Partial<ChannelSchedule> & { policy?: Partial<PingPolicy> } = {}): ChannelSchedule {
  return {
    timezone: overrides.timezone ?? HCM,
    endOfDayMinutes: overrides.endOfDayMinutes ?? 17 * 60,
    calendar: overrides.calendar ?? createWorkingCalendar(),
    policy: { ...defaultPingPolicy, ...overrides.policy },
  };
}

const at = (iso: string) => new Date(iso);
const show = (pings: { kind: string; fireAt: Date }[]) => pings.map((p) => `${p.kind} ${p.fireAt.toISOString()}`);

describe("planPings (default policy, Asia/Ho_Chi_Minh)", () => {
  it("plans heads-up, one hour before, at the deadline and the first overdue ping", () => {
    const deadline = { dueAt: at("2026-12-11T17:00:00+07:00"), dueHasTime: true }; // Friday
    expect(show(planPings(deadline, schedule(), at("2026-12-07T10:00:00+07:00")))).toEqual([
      "heads_up 2026-12-10T02:00:00.000Z", // Thursday 09:00
      "hour_before 2026-12-11T09:00:00.000Z", // Friday 16:00
      "at_deadline 2026-12-11T10:00:00.000Z", // Friday 17:00
      "overdue 2026-12-14T02:00:00.000Z", // Monday 09:00 (weekend skipped)
    ]);
  });

  it("skips the hour-before ping when quiet hours would move it past the deadline, and heads-up skips the weekend", () => {
    const deadline = { dueAt: at("2026-12-14T08:30:00+07:00"), dueHasTime: true }; // Monday 08:30
    expect(show(planPings(deadline, schedule(), at("2026-12-09T10:00:00+07:00")))).toEqual([
      "heads_up 2026-12-11T02:00:00.000Z", // Friday 09:00
      "at_deadline 2026-12-14T01:30:00.000Z",
      "overdue 2026-12-15T02:00:00.000Z",
    ]);
  });

  it("a deadline without a time gets no hour-before ping", () => {
    const deadline = { dueAt: at("2026-12-11T17:00:00+07:00"), dueHasTime: false };
    expect(planPings(deadline, schedule(), at("2026-12-07T10:00:00+07:00")).map((p) => p.kind)).toEqual([
      "heads_up",
      "at_deadline",
      "overdue",
    ]);
  });

  it("respects public holidays: heads-up before 4 May 2026 is on 29 April (30/4 and 1/5 are off)", () => {
    const deadline = { dueAt: at("2026-05-04T17:00:00+07:00"), dueHasTime: false };
    const pings = planPings(deadline, schedule(), at("2026-04-20T10:00:00+07:00"));
    expect(show(pings)[0]).toBe("heads_up 2026-04-29T02:00:00.000Z");
  });

  it("the overdue ping after a deadline before National Day skips 1/9 and 2/9", () => {
    const deadline = { dueAt: at("2026-08-31T17:00:00+07:00"), dueHasTime: false }; // Monday
    const pings = planPings(deadline, schedule(), at("2026-08-31T18:00:00+07:00"));
    expect(show(pings)).toEqual(["overdue 2026-09-03T02:00:00.000Z"]);
  });

  it("only future pings; the overdue chain rolls and escalates after 3 overdue working days", () => {
    const deadline = { dueAt: at("2026-12-07T17:00:00+07:00"), dueHasTime: true }; // Monday
    expect(show(planPings(deadline, schedule(), at("2026-12-10T08:00:00+07:00")))).toEqual([
      "overdue 2026-12-10T02:00:00.000Z", // Thursday: overdue day 3
    ]);
    expect(show(planPings(deadline, schedule(), at("2026-12-10T10:00:00+07:00")))).toEqual([
      "escalation 2026-12-11T02:00:00.000Z", // Friday: overdue day 4 names the creator
    ]);
  });

  it("honours policy overrides from Channel.pingPolicy", () => {
    const { policy } = resolvePingPolicy({ headsUp: false, minutesBefore: 30, escalateAfterDays: 1 });
    const deadline = { dueAt: at("2026-12-11T17:00:00+07:00"), dueHasTime: true };
    expect(show(planPings(deadline, schedule({ policy }), at("2026-12-07T10:00:00+07:00")))).toEqual([
      "hour_before 2026-12-11T09:30:00.000Z",
      "at_deadline 2026-12-11T10:00:00.000Z",
      "overdue 2026-12-14T02:00:00.000Z",
    ]);
    expect(resolvePingPolicy({ headsUp: "yes" })).toEqual({ policy: defaultPingPolicy, invalid: true });
    const off = resolvePingPolicy({ enabled: false });
    expect(off.invalid).toBe(false);
    expect(planPings(deadline, schedule({ policy: off.policy }), at("2026-12-07T10:00:00+07:00"))).toEqual([]);
    expect(resolvePingPolicy(null).invalid).toBe(false);
  });

  it("computes local times across a DST change (Europe/Berlin, 29 March 2026)", () => {
    const berlin = schedule({ timezone: "Europe/Berlin" });
    const deadline = { dueAt: at("2026-03-30T10:00:00+02:00"), dueHasTime: true }; // Monday, summer time
    expect(show(planPings(deadline, berlin, at("2026-03-25T12:00:00+01:00")))).toEqual([
      "heads_up 2026-03-27T08:00:00.000Z", // Friday 09:00 CET
      "hour_before 2026-03-30T07:00:00.000Z", // Monday 09:00 CEST
      "at_deadline 2026-03-30T08:00:00.000Z",
      "overdue 2026-03-31T07:00:00.000Z", // Tuesday 09:00 CEST
    ]);
  });
});

describe("quiet hours", () => {
  const s = schedule();
  it("moves weekend, evening and early pings to the next working morning", () => {
    expect(moveOutOfQuietHours(at("2026-12-12T10:00:00+07:00"), s).toISOString()).toBe("2026-12-14T02:00:00.000Z");
    expect(moveOutOfQuietHours(at("2026-12-11T18:30:00+07:00"), s).toISOString()).toBe("2026-12-14T02:00:00.000Z");
    expect(moveOutOfQuietHours(at("2026-12-08T07:00:00+07:00"), s).toISOString()).toBe("2026-12-08T02:00:00.000Z");
    expect(moveOutOfQuietHours(at("2026-04-30T10:00:00+07:00"), s).toISOString()).toBe("2026-05-04T02:00:00.000Z");
    expect(isWorkingTime(at("2026-12-08T16:59:00+07:00"), s)).toBe(true);
  });
  it("keeps the at-deadline ping of a task due on a Saturday evening", () => {
    const deadline = { dueAt: at("2026-12-12T19:00:00+07:00"), dueHasTime: true };
    const pings = planPings(deadline, s, at("2026-12-07T10:00:00+07:00"));
    expect(show(pings)).toContain("at_deadline 2026-12-12T12:00:00.000Z");
  });
  it("respects channel working days (Saturday worked)", () => {
    const sixDays = schedule({ calendar: createWorkingCalendar({ workingDays: [1, 2, 3, 4, 5, 6] }) });
    expect(moveOutOfQuietHours(at("2026-12-11T18:30:00+07:00"), sixDays).toISOString()).toBe(
      "2026-12-12T02:00:00.000Z",
    );
  });
});

describe("missed pings", () => {
  const s = schedule();
  const deadline = { dueAt: at("2026-12-11T17:00:00+07:00"), dueHasTime: true };
  const open = { open: true, deadline };
  it("sends a missed ping only while it still makes sense", () => {
    const headsUp = { kind: "heads_up" as const, fireAt: at("2026-12-10T09:00:00+07:00") };
    expect(isStillRelevant(headsUp, open, s, at("2026-12-10T15:00:00+07:00"))).toBe(true);
    expect(isStillRelevant(headsUp, open, s, at("2026-12-11T17:30:00+07:00"))).toBe(false);
    expect(isStillRelevant(headsUp, { open: false, deadline }, s, at("2026-12-10T15:00:00+07:00"))).toBe(false);
    const atDeadline = { kind: "at_deadline" as const, fireAt: deadline.dueAt };
    expect(isStillRelevant(atDeadline, open, s, at("2026-12-12T10:00:00+07:00"))).toBe(true);
    expect(isStillRelevant(atDeadline, open, s, at("2026-12-14T09:00:00+07:00"))).toBe(false);
    const overdue = { kind: "overdue" as const, fireAt: at("2026-12-14T09:00:00+07:00") };
    expect(isStillRelevant(overdue, open, s, at("2026-12-14T16:00:00+07:00"))).toBe(true);
    expect(isStillRelevant(overdue, open, s, at("2026-12-15T09:00:00+07:00"))).toBe(false);
    // The deadline moved later: the old overdue ping is stale.
    const moved = { open: true, deadline: { dueAt: at("2026-12-18T17:00:00+07:00"), dueHasTime: true } };
    expect(isStillRelevant(overdue, moved, s, at("2026-12-14T10:00:00+07:00"))).toBe(false);
    expect(
      isStillRelevant(
        { kind: "reminder", fireAt: at("2026-12-01T09:00:00+07:00") },
        { open: true, deadline: null },
        s,
        at("2026-12-02T09:00:00+07:00"),
      ),
    ).toBe(true);
  });
});

describe("merging", () => {
  it("groups pings by channel and minute", () => {
    const groups = groupByChannelMinute([
      { id: "a", channelId: "c1", fireAt: at("2026-12-11T10:00:00Z") },
      { id: "b", channelId: "c1", fireAt: at("2026-12-11T10:00:40Z") },
      { id: "c", channelId: "c2", fireAt: at("2026-12-11T10:00:00Z") },
      { id: "d", channelId: "c1", fireAt: at("2026-12-11T10:01:00Z") },
    ]);
    expect(groups.map((g) => g.map((p) => p.id).join(""))).toEqual(["ab", "c", "d"]);
  });
});
