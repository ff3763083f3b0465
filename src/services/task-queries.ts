import { DateTime } from "luxon";
import type { Prisma } from "../generated/prisma/client.js";

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
  const local = DateTime.fromJSDate(now, { zone: timezone });
  return {
    startOfToday: local.startOf("day").toJSDate(),
    endOfToday: local.endOf("day").toJSDate(),
    startOfWeek: local.startOf("week").toJSDate(),
    endOfWeek: local.endOf("week").toJSDate(),
  };
}

/** The `where` of a task list, always scoped to one channel (a task of another channel is never visible). */
export function taskListWhere(channelId: string, query: TaskListQuery): Prisma.TaskWhereInput {
  const windows = timeWindows(query.now, query.timezone);
  const open = { channelId, status: "open" as const };
  switch (query.filter) {
    case "mine":
      return { ...open, assignees: { some: { memberId: query.actorId } } };
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
        status: "done",
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
