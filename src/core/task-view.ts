/** Plain data about tasks, as the task service returns it and renderers read it. No Prisma types. */
import type { Locale } from "../locale.js";
export type TaskStatus = "open" | "done" | "cancelled";

export interface PersonView {
  /** Our member id. */
  id: string;
  /** The platform user id; null for a pending member (a name typed on Zalo, bound when that person first writes). */
  externalId: string | null;
  displayName: string;
}

export interface AssigneeView extends PersonView {
  acknowledgedAt: Date | null;
  doneAt: Date | null;
}

export interface TaskView {
  id: string;
  channelId: string;
  number: number;
  title: string;
  status: TaskStatus;
  dueAt: Date | null;
  dueHasTime: boolean;
  creator: PersonView;
  assignees: AssigneeView[];
  createdAt: Date;
  closedAt: Date | null;
  closedBy: PersonView | null;
  version: number;
  /**
   * Taken back by its creator's "hoàn tác" (undo) right after it was created: cancelled, out of every list and
   * count, its number not reused. Absent for any other task.
   */
  withdrawn?: boolean;
  /** The channel's name, for lists that span channels (a person's own tasks asked in a private chat). */
  channelName?: string | null;
}

export interface TaskEventView {
  id: string;
  action: string;
  actor: PersonView | null;
  oldValue: unknown;
  newValue: unknown;
  createdAt: Date;
}

export interface ChannelSettingsView {
  id: string;
  workspaceId: string;
  platform: "slack" | "zalo" | "console";
  externalId: string;
  isPrivateChat: boolean;
  locale: Locale;
  timezone: string;
  endOfDayMinutes: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  summaryEnabled: boolean;
  summaryCron: string;
  managers: PersonView[];
}

/** A channel's figures for "tình hình" / "status". */
export interface StatusCounts {
  open: number;
  overdue: number;
  dueThisWeek: number;
  doneThisWeek: number;
  /** Done tasks that had a due date, and of those the ones closed on or before it. */
  doneWithDue: number;
  doneOnTime: number;
}
