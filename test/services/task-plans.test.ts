// The task decisions as data (task-plans.ts, undo-plans.ts), without a database: who may do what, what each change
// writes and says in history, the view after it (applyPlan), and that every plan fits the one write statement.
import { describe, expect, it } from "vitest";
import type { AssigneeView, PersonView, TaskView } from "../../src/core/task-view.js";
import {
  applyPlan,
  type PlanDecision,
  planAcknowledge,
  planAssign,
  planCancel,
  planDone,
  planDueChange,
  planRename,
  planReopen,
  planSnooze,
  type TaskPlan,
} from "../../src/services/task-plans.js";
import { fitsOneStatement } from "../../src/services/task-writes.js";
import { type HistoryRow, lastUndoableChange, planUndo } from "../../src/services/undo-plans.js";

const NOW = new Date("2026-11-27T03:00:00Z");
const person = (id: string, displayName: string): PersonView => ({ id, externalId: `U_${id}`, displayName });
const boss = person("boss", "Hùng");
const lan = person("lan", "Lan");
const minh = person("minh", "Minh");
const hoa = person("hoa", "Hoa");
const actor = (p: PersonView, isManager = false) => ({ ...p, isManager });
const assignee = (p: PersonView, marks: Partial<AssigneeView> = {}): AssigneeView => ({
  ...p,
  acknowledgedAt: null,
  doneAt: null,
  ...marks,
});

function task(overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: "task-1",
    channelId: "channel-1",
    number: 12,
    title: "nộp báo cáo",
    status: "open",
    dueAt: new Date("2026-12-04T10:00:00Z"),
    dueHasTime: true,
    creator: boss,
    assignees: [assignee(lan), assignee(minh)],
    createdAt: new Date("2026-11-26T03:00:00Z"),
    closedAt: null,
    closedBy: null,
    version: 3,
    ...overrides,
  };
}

const planOf = (decision: PlanDecision): TaskPlan => {
  if ("refuse" in decision) throw new Error(`refused: ${decision.refuse}`);
  return decision;
};

describe("task plans", () => {
  it("done: an assignee finishes their part; the last part closes the task; the creator closes it all", () => {
    const part = planOf(planDone(task(), actor(lan), NOW));
    expect(part).toMatchObject({ kind: "progress", outcome: "part_done", update: {} });
    expect(part.assigneeUpdates).toEqual([{ memberId: "lan", doneAt: NOW }]);

    const last = planOf(
      planDone(task({ assignees: [assignee(lan, { doneAt: NOW }), assignee(minh)] }), actor(minh), NOW),
    );
    expect(last).toMatchObject({ kind: "closed", outcome: "all_finished" });
    expect(last.update).toEqual({ status: "done", closedAt: NOW, closedById: "minh" });
    expect(last.events.map((e) => e.action)).toEqual(["assignee_done", "closed"]);
    expect(last.events[1]?.oldValue).toEqual({ status: "open", lastPart: { id: "minh", name: "Minh" } });

    const whole = planOf(planDone(task(), actor(boss), NOW));
    expect(whole).toMatchObject({ kind: "closed", outcome: "closed" });
    expect(whole.assigneeUpdates).toBeUndefined();
  });

  it("refuses what the permission model or the task's state forbids, writing nothing", () => {
    expect(planDone(task(), actor(hoa), NOW)).toEqual({ refuse: "forbidden" });
    expect(planDone(task({ status: "done" }), actor(lan), NOW)).toEqual({ refuse: "already_closed" });
    expect(planDone(task({ assignees: [assignee(lan, { doneAt: NOW }), assignee(minh)] }), actor(lan), NOW)).toEqual({
      refuse: "already_done_by_you",
    });
    expect(planReopen(task(), actor(boss))).toEqual({ refuse: "already_open" });
    expect(planReopen(task({ status: "cancelled", withdrawn: true }), actor(boss))).toEqual({ refuse: "withdrawn" });
    expect(planCancel(task({ status: "done" }), actor(boss), NOW)).toEqual({ refuse: "not_open" });
    expect(planRename(task(), actor(hoa), "khác")).toEqual({ refuse: "forbidden" });
    expect(planRename(task(), actor(lan), "nộp báo cáo")).toEqual({ refuse: "no_change" });
    expect(planAcknowledge(task(), actor(boss), NOW)).toEqual({ refuse: "not_assignee" });
    expect(planAcknowledge(task({ assignees: [assignee(lan, { acknowledgedAt: NOW })] }), actor(lan), NOW)).toEqual({
      refuse: "already_acknowledged",
    });
    expect(planAssign(task(), actor(boss), "add", [lan])).toEqual({ refuse: "no_change" });
    expect(planSnooze(task({ status: "cancelled" }), actor(lan), NOW)).toEqual({ refuse: "not_open" });
    expect(planSnooze(task(), actor(hoa), NOW)).toEqual({ refuse: "forbidden" });
    // A manager may change any task of the channel.
    expect("refuse" in planRename(task(), actor(hoa, true), "khác")).toBe(false);
  });

  it("reopening clears the closing and every part done, and keeps them in history for an undo", () => {
    const closed = task({
      status: "done",
      closedAt: NOW,
      closedBy: boss,
      assignees: [assignee(lan, { doneAt: NOW }), assignee(minh)],
    });
    const plan = planOf(planReopen(closed, actor(boss)));
    expect(plan.update).toEqual({ status: "open", closedAt: null, closedById: null });
    expect(plan.clearAllAssigneesDone).toBe(true);
    expect(plan.events[0]?.oldValue).toEqual({
      status: "done",
      closedAt: NOW.toISOString(),
      closedById: "boss",
      doneAt: [{ id: "lan", at: NOW.toISOString() }],
    });
  });

  it("a due change, a rename, a change of assignees and a snooze say what they replace", () => {
    const dueAt = new Date("2026-12-07T10:00:00Z");
    const due = planOf(planDueChange(task(), actor(lan), { dueAt, hasTime: false }));
    expect(due.update).toEqual({ dueAt, dueHasTime: false, dueStart: null, dueGrain: null });
    expect(due.events[0]).toEqual({
      action: "due_changed",
      oldValue: { dueAt: "2026-12-04T10:00:00.000Z", hasTime: true },
      newValue: { dueAt: dueAt.toISOString(), hasTime: false },
    });
    expect(planOf(planDueChange(task(), actor(lan), null)).events[0]?.newValue).toBeNull();

    expect(planOf(planRename(task(), actor(boss), "báo cáo quý")).events[0]).toEqual({
      action: "renamed",
      oldValue: "nộp báo cáo",
      newValue: "báo cáo quý",
    });

    const replaced = planOf(planAssign(task(), actor(boss), "replace", [minh, hoa]));
    expect(replaced).toMatchObject({ addAssignees: ["hoa"], removeAssignees: ["lan"], addPeople: [hoa] });
    expect(replaced.events[0]?.newValue).toEqual([
      { id: "minh", name: "Minh" },
      { id: "hoa", name: "Hoa" },
    ]);

    const until = new Date("2026-12-02T09:30:00Z");
    expect(planOf(planSnooze(task(), actor(lan), until))).toEqual({
      kind: "snoozed",
      outcome: "snoozed",
      update: { snoozedUntil: until },
      events: [{ action: "snoozed", newValue: { until: until.toISOString() } }],
    });
  });

  it("applyPlan gives the task as a read after the write would", () => {
    const before = task();
    const assigned = planOf(planAssign(before, actor(boss), "replace", [minh, hoa]));
    const after = applyPlan(before, assigned, boss, new Map([["hoa", hoa]]));
    expect(after.assignees.map((a) => a.id)).toEqual(["minh", "hoa"]);
    expect(after.version).toBe(before.version + 1);

    const closed = applyPlan(before, planOf(planDone(before, actor(boss), NOW)), boss, new Map());
    expect(closed).toMatchObject({ status: "done", closedAt: NOW, closedBy: boss });

    const snoozed = applyPlan(before, planOf(planSnooze(before, actor(lan), NOW)), lan, new Map());
    expect(snoozed).toEqual({ ...before, version: before.version + 1 });
  });

  it("every plan fits the one write statement, an undo that puts assignees back included", () => {
    const open = task({ assignees: [assignee(lan, { doneAt: NOW }), assignee(minh)] });
    const closed = task({ status: "done", closedAt: NOW, closedBy: boss, assignees: [assignee(lan, { doneAt: NOW })] });
    const plans: PlanDecision[] = [
      planDone(open, actor(minh), NOW),
      planDone(open, actor(boss), NOW),
      planReopen(closed, actor(boss)),
      planCancel(open, actor(boss), NOW),
      planDueChange(open, actor(boss), null),
      planAssign(open, actor(boss), "replace", [hoa]),
      planAssign(open, actor(boss), "remove", [minh]),
      planRename(open, actor(boss), "khác"),
      planAcknowledge(open, actor(minh), NOW),
      planSnooze(open, actor(minh), NOW),
    ];
    for (const plan of plans) expect(fitsOneStatement(planOf(plan))).toBe(true);

    const row = (id: number, action: string, oldValue: unknown, newValue: unknown): HistoryRow => ({
      id: BigInt(id),
      taskId: "task-1",
      action,
      actorId: "boss",
      oldValue,
      newValue,
      createdAt: NOW,
    });
    const reassigned = row(
      9,
      "assignees_changed",
      [
        { id: "lan", name: "Lan", doneAt: NOW.toISOString() },
        { id: "minh", name: "Minh" },
      ],
      [{ id: "hoa", name: "Hoa" }],
    );
    const change = lastUndoableChange([reassigned]);
    if (!change) throw new Error("no change to undo");
    const undo = planOf(
      planUndo(
        task({ assignees: [assignee(hoa)] }),
        change,
        new Map([
          ["lan", lan],
          ["minh", minh],
        ]),
        NOW,
      ),
    );
    expect(undo.restoreAssignees?.map((a) => [a.id, a.doneAt])).toEqual([
      ["lan", NOW],
      ["minh", null],
    ]);
    expect(fitsOneStatement(undo)).toBe(true);

    const lastPart = lastUndoableChange([
      row(11, "closed", { status: "open", lastPart: { id: "minh", name: "Minh" } }, "done"),
      row(10, "assignee_done", null, { id: "minh", name: "Minh" }),
    ]);
    if (!lastPart) throw new Error("no change to undo");
    const reopen = planOf(planUndo(task({ status: "done", closedAt: NOW, closedBy: minh }), lastPart, new Map(), NOW));
    expect(reopen.update).toEqual({ status: "open", closedAt: null, closedById: null });
    expect(reopen.assigneeUpdates).toEqual([{ memberId: "minh", doneAt: null }]);
    expect(fitsOneStatement(reopen)).toBe(true);

    // What one statement cannot write: the same assignee row twice.
    expect(fitsOneStatement({ ...planOf(planAcknowledge(open, actor(minh), NOW)), removeAssignees: ["minh"] })).toBe(
      false,
    );
  });
});
