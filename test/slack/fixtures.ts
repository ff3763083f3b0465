// Typed fixture builders with overrides for plain task views.
import { randomUUID } from "node:crypto";
import type { AssigneeView, PersonView, TaskView } from "../../src/core/task-view.js";

export function person(overrides: Partial<PersonView> = {}): PersonView {
  return { id: randomUUID(), externalId: "U0LAN", displayName: "Lan", ...overrides };
}

export function assignee(overrides: Partial<AssigneeView> = {}): AssigneeView {
  return { ...person({ externalId: "U0MINH", displayName: "Minh" }), acknowledgedAt: null, doneAt: null, ...overrides };
}

export function taskView(overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: randomUUID(),
    channelId: randomUUID(),
    number: 12,
    title: "Nộp báo cáo quý",
    status: "open",
    dueAt: new Date("2026-12-11T10:00:00Z"),
    dueHasTime: true,
    creator: person(),
    assignees: [assignee()],
    createdAt: new Date("2026-12-01T02:00:00Z"),
    closedAt: null,
    closedBy: null,
    version: 1,
    ...overrides,
  };
}
