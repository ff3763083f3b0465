import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/calendar/index.js";
import {
  type ChannelSchedule,
  defaultPingPolicy,
  type PingPolicy,
  personalSchedule,
  planPersonalPings,
  planPings,
  resolvePingPolicy,
} from "../../src/scheduling/index.js";

function schedule(policy: Partial<PingPolicy> = {}): ChannelSchedule {
  return {
    timezone: "Asia/Ho_Chi_Minh",
    endOfDayMinutes: 17 * 60,
    calendar: createWorkingCalendar(),
    policy: { ...defaultPingPolicy, ...policy },
  };
}

const show = (pings: { kind: string; fireAt: Date }[]) => pings.map((p) => `${p.kind} ${p.fireAt.toISOString()}`);
const deadline = { dueAt: new Date("2026-12-11T17:00:00+07:00"), dueHasTime: true }; // Friday 17:00 in Hà Nội
const now = new Date("2026-12-07T10:00:00+07:00");

describe("planPersonalPings", () => {
  it("puts morning pings at 09:00 in the member's zone, on the channel's calendar; instants stay the channel's", () => {
    expect(show(planPersonalPings(deadline, schedule(), "Europe/Berlin", now))).toEqual([
      "heads_up 2026-12-10T08:00:00.000Z", // Thursday 09:00 Berlin
      "hour_before 2026-12-11T09:00:00.000Z", // the channel's instant (16:00 Hà Nội)
      "at_deadline 2026-12-11T10:00:00.000Z",
      "overdue 2026-12-14T08:00:00.000Z", // Monday 09:00 Berlin (the weekend skipped)
    ]);
  });

  it("without a zone of their own (or with a bad one) a member gets the channel's plan", () => {
    const channelPlan = show(planPings(deadline, schedule(), now));
    expect(show(planPersonalPings(deadline, schedule(), null, now))).toEqual(channelPlan);
    expect(show(planPersonalPings(deadline, schedule(), "Mars/Olympus", now))).toEqual(channelPlan);
    expect(personalSchedule(schedule(), "Mars/Olympus").timezone).toBe("Asia/Ho_Chi_Minh");
  });

  it("the channel policy can turn personal pings off", () => {
    expect(planPersonalPings(deadline, schedule({ personal: false }), "Asia/Tokyo", now)).toEqual([]);
    expect(resolvePingPolicy({ personal: false })).toEqual({
      policy: { ...defaultPingPolicy, personal: false },
      invalid: false,
    });
    expect(defaultPingPolicy.personal).toBe(true);
  });
});
