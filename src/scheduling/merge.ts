/** Pings of one channel due within the same minute go out as one message. */

/** The minute [start, end) containing `fireAt`: the merge window of a ping. */
export function mergeWindow(fireAt: Date): { start: Date; end: Date } {
  const start = Math.floor(fireAt.getTime() / 60_000) * 60_000;
  return { start: new Date(start), end: new Date(start + 60_000) };
}

/** Groups pings by channel and minute, in time order; each group becomes one message. */
export function groupByChannelMinute<T extends { channelId: string; fireAt: Date }>(pings: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const ping of [...pings].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime())) {
    const key = `${ping.channelId}|${mergeWindow(ping.fireAt).start.getTime()}`;
    const group = groups.get(key) ?? [];
    group.push(ping);
    groups.set(key, group);
  }
  return [...groups.values()];
}
