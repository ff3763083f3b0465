/**
 * A channel as its pings see it (ChannelPingContext): where they go, in which language, on which working calendar
 * and ping policy. Read in one query for many channels, inside or outside a transaction.
 */
import { createWorkingCalendar } from "../calendar/index.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { resolvePingPolicy } from "../scheduling/index.js";
import type { ChannelContexts, ChannelPingContext } from "./ping-types.js";

type Db = PrismaClient | Prisma.TransactionClient;

const channelSelect = {
  id: true,
  externalId: true,
  isPrivateChat: true,
  locale: true,
  timezone: true,
  endOfDayMinutes: true,
  workingDays: true,
  pingPolicy: true,
  workspace: { select: { platform: true, daysOff: { select: { day: true, isWorkingDay: true } } } },
} as const satisfies Prisma.ChannelSelect;

type ChannelRow = Prisma.ChannelGetPayload<{ select: typeof channelSelect }>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function toChannelContext(channel: ChannelRow, logger: Logger | undefined): ChannelPingContext {
  const channelId = channel.id;
  const daysOff = channel.workspace.daysOff;
  const calendar = createWorkingCalendar({
    workingDays: channel.workingDays,
    extraDaysOff: daysOff.filter((d) => !d.isWorkingDay).map((d) => isoDay(d.day)),
    extraWorkingDays: daysOff.filter((d) => d.isWorkingDay).map((d) => isoDay(d.day)),
  });
  const { policy, invalid } = resolvePingPolicy(channel.pingPolicy);
  if (invalid) logger?.warn({ channelId }, "Channel.pingPolicy does not parse; using the default ping policy");
  return {
    channelId,
    platform: channel.workspace.platform,
    target: channel.externalId,
    locale: channel.locale === "en" ? "en" : "vi",
    isPrivateChat: channel.isPrivateChat,
    schedule: { timezone: channel.timezone, endOfDayMinutes: channel.endOfDayMinutes, calendar, policy },
  };
}

/** The context of one channel; null when it does not exist. */
export async function channelContext(db: Db, channelId: string, logger?: Logger): Promise<ChannelPingContext | null> {
  const channel = await db.channel.findUnique({ where: { id: channelId }, select: channelSelect });
  return channel ? toChannelContext(channel, logger) : null;
}

/** The contexts of several channels in one query, added to `into` (those already there are not read again). */
export async function loadChannelContexts(
  db: Db,
  channelIds: Iterable<string>,
  into: ChannelContexts,
  logger?: Logger,
): Promise<ChannelContexts> {
  const missing = [...new Set(channelIds)].filter((id) => !into.has(id));
  if (missing.length === 0) return into;
  const channels = await db.channel.findMany({ where: { id: { in: missing } }, select: channelSelect });
  for (const id of missing) into.set(id, null);
  for (const channel of channels) into.set(channel.id, toChannelContext(channel, logger));
  return into;
}
