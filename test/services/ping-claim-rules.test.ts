// The decisions of a ping claim and of planning a task's pings, without a database (ping-claim-rules.ts,
// ping-task-plan.ts): which pings go out together, which are stale or late, when a message may go out, what a task's
// pings should be.
import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/calendar/index.js";
import { type ChannelSchedule, defaultPingPolicy, type PingKind } from "../../src/scheduling/index.js";
import {
  assignRows,
  type ClaimRow,
  groupChannelRequests,
  judgeRows,
  MERGE_AHEAD_MS,
  mergeUpTo,
  sendAfterOf,
} from "../../src/services/ping-claim-rules.js";
import { type PlanTaskRow, pingKey, planTask } from "../../src/services/ping-task-plan.js";
import type { ChannelPingContext } from "../../src/services/ping-types.js";

// Friday 04/12/2026 17:00 in Hà Nội.
const DUE = new Date("2026-12-04T10:00:00Z");
const at = (ms: number) => new Date(DUE.getTime() + ms);
const LATE_AFTER_MS = 120_000;
const schedule: ChannelSchedule = {
  timezone: "Asia/Ho_Chi_Minh",
  endOfDayMinutes: 17 * 60,
  calendar: createWorkingCalendar({ workingDays: [1, 2, 3, 4, 5] }),
  policy: { ...defaultPingPolicy },
};
const person = { id: "boss", externalId: "U_boss", displayName: "Hùng" };

function row(
  id: string,
  options: { kind?: PingKind; fireAt?: Date; channelId?: string; status?: "open" | "done" } = {},
) {
  return {
    id,
    kind: options.kind ?? "at_deadline",
    fireAt: options.fireAt ?? DUE,
    task: {
      id: `task-${id}`,
      channelId: options.channelId ?? "channel-a",
      number: 1,
      title: `việc ${id}`,
      status: options.status ?? "open",
      dueAt: DUE,
      dueHasTime: true,
      createdAt: at(-86_400_000),
      closedAt: null,
      version: 1,
      withdrawnAt: null,
      creator: person,
      channel: { name: "kenh" },
      closedById: null,
      assignees: [],
    },
  } as unknown as ClaimRow;
}

describe("claim rules", () => {
  it("sends what is still relevant, cancels the rest, and marks late what is claimed long after its time", () => {
    const rows = [
      row("on-time"),
      row("closed", { status: "done" }),
      row("heads-up-past", { kind: "heads_up", fireAt: at(-3_600_000) }),
    ];
    const judged = judgeRows(rows, () => schedule, at(1_000), LATE_AFTER_MS);
    expect(judged.items.map((i) => [i.id, i.late])).toEqual([["on-time", false]]);
    expect(judged.stale).toEqual(["closed", "heads-up-past"]);
    expect(judged.sendAt).toEqual(at(1_000));

    const late = judgeRows([row("late")], () => schedule, at(LATE_AFTER_MS + 1), LATE_AFTER_MS);
    expect(late.items[0]?.late).toBe(true);
    // No schedule: the recipient can no longer be reached, so the ping is stale.
    expect(judgeRows([row("nobody")], () => null, DUE, LATE_AFTER_MS).stale).toEqual(["nobody"]);
  });

  it("a message prepared ahead is judged at its pings' time and goes out then", () => {
    const judged = judgeRows([row("ahead")], () => schedule, at(-1_500), LATE_AFTER_MS);
    expect(judged.items.map((i) => i.id)).toEqual(["ahead"]);
    expect(judged.sendAt).toEqual(DUE);
    expect(sendAfterOf(judged.sendAt, at(-1_500))).toEqual(DUE);
    expect(sendAfterOf(DUE, at(1))).toBeNull();
    expect(judgeRows([], () => schedule, DUE, LATE_AFTER_MS).sendAt).toEqual(DUE);
  });

  it("a message takes its minute's pings up to a little after its time, never a later minute when late", () => {
    expect(mergeUpTo(DUE, at(-1_500))).toEqual(at(MERGE_AHEAD_MS));
    expect(mergeUpTo(DUE, at(10_000))).toEqual(at(10_000 + MERGE_AHEAD_MS));
    // Claimed ten minutes late: up to the end of its own minute, not the minutes since.
    expect(mergeUpTo(DUE, at(600_000)).getTime()).toBeLessThanOrEqual(at(60_000 + MERGE_AHEAD_MS).getTime());
  });

  it("groups requests per channel and minute, earliest first, each reaching as far as its latest request", () => {
    const groups = groupChannelRequests(
      [
        { pingId: "b-next", channelId: "channel-b", fireAt: at(60_000) },
        { pingId: "a-1", channelId: "channel-a", fireAt: DUE },
        { pingId: "a-2", channelId: "channel-a", fireAt: at(30_000) },
        { pingId: "b-1", channelId: "channel-b", fireAt: DUE },
      ],
      at(-1_000),
    );
    expect(groups.map((g) => [g.channelId, g.requested])).toEqual([
      ["channel-a", ["a-1", "a-2"]],
      ["channel-b", ["b-1"]],
      ["channel-b", ["b-next"]],
    ]);
    expect(groups[0]?.upTo).toEqual(at(30_000 + MERGE_AHEAD_MS));
  });

  it("gives each row to one message (the earlier), and nothing to a message whose pings another worker took", () => {
    const groups = groupChannelRequests(
      [
        { pingId: "first", channelId: "channel-a", fireAt: at(59_000) },
        { pingId: "second", channelId: "channel-a", fireAt: at(60_000) },
        { pingId: "gone", channelId: "channel-b", fireAt: DUE },
      ],
      at(59_000),
    );
    const rows = [
      row("first", { fireAt: at(59_000) }),
      row("second", { fireAt: at(60_000) }),
      row("other-b", { channelId: "channel-b" }),
    ];
    const messages = assignRows(groups, rows);
    // The 16:59:59 message reaches past the minute's turn, so it takes the 17:00 ping too; channel B's requested
    // ping is no longer there, so B gets no message (its other row stays for its own claim).
    expect(messages.map((m) => [m.owner, m.rows.map((r) => r.id)])).toEqual([["first", ["first", "second"]]]);
  });
});

describe("a task's pings", () => {
  const context: ChannelPingContext = {
    channelId: "channel-a",
    platform: "slack",
    target: "C1",
    locale: "vi",
    isPrivateChat: false,
    schedule,
  };
  const NOW = new Date("2026-11-30T03:00:00Z"); // Monday 10:00
  const planTaskRow = (overrides: Partial<PlanTaskRow> = {}): PlanTaskRow => ({
    id: "task-1",
    channelId: "channel-a",
    version: 1,
    status: "open",
    dueAt: DUE,
    dueHasTime: true,
    snoozedUntil: null,
    assignees: [],
    pings: [],
    ...overrides,
  });

  it("plans the deadline's pings, keeps those planned already, and cancels every ping of a closed task", () => {
    const fresh = planTask(planTaskRow(), context, NOW);
    expect(fresh.cancelled).toEqual([]);
    expect(fresh.toCreate.map((p) => p.kind)).toContain("at_deadline");
    expect(fresh.toCreate.every((p) => p.memberId === null)).toBe(true);

    const pings = fresh.toCreate.map((p, i) => ({ id: `p${i}`, kind: p.kind, fireAt: p.fireAt, memberId: null }));
    expect(planTask(planTaskRow({ pings }), context, NOW)).toEqual({ cancelled: [], toCreate: [] });
    expect(planTask(planTaskRow({ pings, status: "done" }), context, NOW)).toEqual({
      cancelled: pings.map((p) => p.id),
      toCreate: [],
    });
  });

  it("a moved deadline replaces the pings; a reminder due inside a running snooze waits", () => {
    const old = { id: "old", kind: "at_deadline", fireAt: at(-86_400_000), memberId: null };
    const moved = planTask(planTaskRow({ pings: [old] }), context, NOW);
    expect(moved.cancelled).toEqual(["old"]);
    expect(moved.toCreate.map(pingKey)).toContain(pingKey({ kind: "at_deadline", fireAt: DUE, memberId: null }));

    const reminder = { id: "reminder", kind: "reminder", fireAt: new Date("2026-12-01T03:00:00Z"), memberId: null };
    const snoozed = planTask(
      planTaskRow({ pings: [reminder], snoozedUntil: new Date("2026-12-02T03:00:00Z") }),
      context,
      NOW,
    );
    expect(snoozed.cancelled).toContain("reminder");
    expect(planTask(planTaskRow({ pings: [reminder] }), context, NOW).cancelled).toEqual([]);
  });
});
