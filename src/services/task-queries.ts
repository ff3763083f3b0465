import type { Prisma } from "../generated/prisma/client.js";
import { localWindows } from "../language/zone.js";

/** Which tasks a list shows. Mirrors the parser's list filters. */
export type TaskListFilter = "mine" | "assignee" | "overdue" | "today" | "week" | "done" | "open" | "created";

export interface TaskListQuery {
  filter: TaskListFilter;
  /** The asking member (mine, created). */
  actorId: string;
  /** The people whose tasks to list (assignee). */
  memberIds?: string[];
  now: Date;
  /** The channel's IANA time zone: "today" and "this week" are local. */
  timezone: string;
  /** Default 50. */
  limit?: number;
}

/** How far back "done recently" looks. */
export const RECENTLY_DONE_DAYS = 7;

export interface TimeWindows {
  startOfToday: Date;
  endOfToday: Date;
  /** Monday 00:00 of the current ISO week, local time. */
  startOfWeek: Date;
  endOfWeek: Date;
}

export function timeWindows(now: Date, timezone: string): TimeWindows {
  return localWindows(now, timezone);
}

/**
 * Where a list looks: one channel (always, for anything shown to a group), or every channel of a workspace for a
 * person's own tasks asked in a private chat with the bot — they see only tasks they are assigned to or created.
 */
export type TaskListScope = { channelId: string } | { workspaceId: string; personalOnly: true };

/** The `where` of a task list, always scoped to one channel (a task of another channel is never visible). */
export function taskListWhere(channelId: string, query: TaskListQuery): Prisma.TaskWhereInput {
  return scopedTaskListWhere({ channelId }, query);
}

export function scopedTaskListWhere(scope: TaskListScope, query: TaskListQuery): Prisma.TaskWhereInput {
  if ("workspaceId" in scope && query.filter !== "mine" && query.filter !== "created") {
    throw new Error(`a workspace-wide list is only for a person's own tasks, not "${query.filter}"`);
  }
  const where = "channelId" in scope ? { channelId: scope.channelId } : { channel: { workspaceId: scope.workspaceId } };
  const windows = timeWindows(query.now, query.timezone);
  const open = { ...where, status: "open" as const };
  const channelId = "channelId" in scope ? scope.channelId : undefined;
  switch (query.filter) {
    case "mine":
      // My list is what I still owe: a part I already finished waits on others, not on me.
      return { ...open, assignees: { some: { memberId: query.actorId, doneAt: null } } };
    case "assignee":
      return { ...open, assignees: { some: { memberId: { in: query.memberIds ?? [] } } } };
    case "created":
      return { ...open, creatorId: query.actorId };
    case "overdue":
      return { ...open, dueAt: { lt: query.now } };
    case "today":
      return { ...open, dueAt: { gte: windows.startOfToday, lte: windows.endOfToday } };
    case "week":
      return { ...open, dueAt: { lte: windows.endOfWeek } };
    case "done":
      return {
        channelId,
        status: "done" as const,
        closedAt: { gte: new Date(query.now.getTime() - RECENTLY_DONE_DAYS * 86_400_000) },
      };
    case "open":
      return open;
  }
}

export function taskListOrder(filter: TaskListFilter): Prisma.TaskOrderByWithRelationInput[] {
  if (filter === "done") return [{ closedAt: "desc" }, { number: "desc" }];
  return [{ dueAt: { sort: "asc", nulls: "last" } }, { number: "asc" }];
}
