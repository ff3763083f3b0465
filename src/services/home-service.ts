import { DateTime } from "luxon";
import type { Platform } from "../core/incoming.js";
import type { TaskView } from "../core/task-view.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { type HomeSeries, seriesOfMember } from "./home-series.js";
import { RecentRecords } from "./recent-records.js";
import { type TaskRow, taskSelect, toTaskView } from "./task-mapper.js";

/** A task with the platform id of its channel, so a cross-channel view can say where it lives. */
export interface HomeTask {
  task: TaskView;
  channelExternalId: string;
}

/** "Việc của tôi / My tasks", grouped the way the App Home shows them. */
export interface MyTasks {
  overdue: HomeTask[];
  dueThisWeek: HomeTask[];
  /** Due after this week, or without a due date. */
  later: HomeTask[];
  /** Finished by this person (or closed) in the last {@link DONE_RECENTLY_DAYS} days. */
  doneRecently: HomeTask[];
}

export const DONE_RECENTLY_DAYS = 7;
/** Caps per query, so a very busy person's Home stays within Slack's 100-block limit. */
const MAX_OPEN = 60;
const MAX_DONE = 10;

export interface HomeServiceOptions {
  prisma: PrismaClient;
}

/** Who a person is on a platform: the workspace's and their own platform ids. */
export interface PlatformPerson {
  platform: Platform;
  workspaceExternalId: string;
  memberExternalId: string;
}

/** A member's id never changes (the row goes only with its workspace): remembered long, never for "nobody yet". */
const MEMBER_ID_TTL_MS = 10 * 60_000;

/**
 * Our member id of a platform person, or null when the bot has not met them; remembered, so that the Home tab
 * refreshes each command sets off (creator and assignees) do not look the same people up again and again.
 */
export function createMemberIdLookup(prisma: PrismaClient): (who: PlatformPerson) => Promise<string | null> {
  const ids = new RecentRecords<string>(MEMBER_ID_TTL_MS);
  return async (who) => {
    const key = `${who.platform}\u0000${who.workspaceExternalId}\u0000${who.memberExternalId}`;
    const known = ids.get(key);
    if (known) return known;
    const member = await prisma.member.findFirst({
      where: {
        externalId: who.memberExternalId,
        workspace: { platform: who.platform, externalId: who.workspaceExternalId },
      },
      select: { id: true },
    });
    if (member) ids.set(key, member.id);
    return member?.id ?? null;
  };
}

/**
 * Read-only queries for a person's own tasks across every channel of their workspace (Slack App Home). Writes go
 * through the task service; this only reads, with `select`, and returns plain views.
 */
export function createHomeService({ prisma }: HomeServiceOptions) {
  const memberIdOf = createMemberIdLookup(prisma);
  return {
    /** The series the person made or is assigned to (home-series.ts). */
    async mySeries(who: PlatformPerson): Promise<HomeSeries[]> {
      const memberId = await memberIdOf(who);
      return memberId ? seriesOfMember(prisma, memberId) : [];
    },

    async myTasks(who: PlatformPerson, now: Date, timezone: string): Promise<MyTasks> {
      const empty: MyTasks = { overdue: [], dueThisWeek: [], later: [], doneRecently: [] };
      const memberId = await memberIdOf(who);
      if (!memberId) return empty;
      const member = { id: memberId };
      const select = { ...taskSelect, channel: { select: { externalId: true, name: true } } } as const;
      const since = new Date(now.getTime() - DONE_RECENTLY_DAYS * 24 * 60 * 60 * 1000);
      const [open, done] = await Promise.all([
        prisma.task.findMany({
          where: { status: "open", assignees: { some: { memberId: member.id, doneAt: null } } },
          select,
          orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
          take: MAX_OPEN,
        }),
        prisma.task.findMany({
          where: {
            OR: [
              { assignees: { some: { memberId: member.id, doneAt: { gte: since } } } },
              { status: "done", closedAt: { gte: since }, assignees: { some: { memberId: member.id } } },
            ],
          },
          select,
          orderBy: [{ updatedAt: "desc" }],
          take: MAX_DONE,
        }),
      ]);
      const toHome = (row: TaskRow & { channel: { externalId: string; name: string | null } }): HomeTask => ({
        task: toTaskView(row),
        channelExternalId: row.channel.externalId,
      });
      const endOfWeek = DateTime.fromJSDate(now, { zone: timezone }).endOf("week").toJSDate();
      for (const row of open) {
        const item = toHome(row);
        const due = item.task.dueAt;
        if (due && due < now) empty.overdue.push(item);
        else if (due && due <= endOfWeek) empty.dueThisWeek.push(item);
        else empty.later.push(item);
      }
      empty.doneRecently = done.map(toHome);
      return empty;
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
export type { HomeSeries } from "./home-series.js";
