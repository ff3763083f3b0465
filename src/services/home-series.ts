/**
 * "Việc định kỳ của tôi / My recurring tasks" for the Slack App Home: the series that still run (active or paused)
 * in the person's workspace that they made or are assigned to, with the rule in words. Read-only.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import { describeRecurrence, type Recurrence, recurrenceSchema } from "../recurrence/index.js";

export interface HomeSeries {
  number: number;
  title: string;
  /** The rule in words, in the channel's language ("16:00 thứ Sáu hằng tuần"). */
  rule: string;
  paused: boolean;
  channelExternalId: string;
}

/** At most this many series on the Home tab (its blocks are few: one line each, in one block). */
const MAX_SERIES = 30;

export async function seriesOfMember(prisma: PrismaClient, memberId: string): Promise<HomeSeries[]> {
  const rows = await prisma.recurringSeries.findMany({
    where: {
      status: { in: ["active", "paused"] },
      OR: [{ creatorId: memberId }, { assigneeIds: { has: memberId } }],
    },
    select: {
      number: true,
      title: true,
      rule: true,
      status: true,
      channel: { select: { externalId: true, locale: true, endOfDayMinutes: true } },
    },
    orderBy: [{ channelId: "asc" }, { number: "asc" }],
    take: MAX_SERIES,
  });
  return rows.map((row) => ({
    number: row.number,
    title: row.title,
    rule: describeRecurrence(
      recurrenceSchema.parse(row.rule) as Recurrence,
      row.channel.locale === "en" ? "en" : "vi",
      row.channel.endOfDayMinutes,
    ),
    paused: row.status === "paused",
    channelExternalId: row.channel.externalId,
  }));
}
