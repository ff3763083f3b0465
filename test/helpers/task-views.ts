import type { AssigneeView, PersonView, TaskView } from "../../src/core/task-view.js";

export function personView(name: string, overrides: Partial<PersonView> = {}): PersonView {
  return { id: `id-${name}`, externalId: `U_${name.toUpperCase()}`, displayName: name, ...overrides };
}

export function assigneeView(name: string, overrides: Partial<AssigneeView> = {}): AssigneeView {
  return { ...personView(name), acknowledgedAt: null, doneAt: null, ...overrides };
}

let nextNumber = 1;

/** A plain task view for render tests: open, no due, created by "Tùng", no assignees unless given. */
export function taskView(overrides: Partial<TaskView> = {}): TaskView {
  const number = overrides.number ?? nextNumber++;
  return {
    id: `task-${number}`,
    channelId: "channel-1",
    number,
    title: `Việc số ${number}`,
    status: "open",
    dueAt: null,
    dueHasTime: false,
    creator: personView("Tùng"),
    assignees: [],
    createdAt: new Date("2026-11-20T02:00:00Z"),
    closedAt: null,
    closedBy: null,
    version: 1,
    ...overrides,
  };
}
