/**
 * The recurring scenario's week (bench/recurring.ts, bench/recurring-memory.ts): a weekly Friday 16:00 series per
 * slot, made on the Sunday before, and the Monday 08:01 at which the week's occurrence falls due.
 */
import { withClient } from "./lib/env.js";

/** Monday 1 March 2027, 08:01 in Hà Nội: the week's period has begun, Friday 5 March 16:00 is ahead. */
export const MONDAY = new Date("2027-03-01T01:01:00Z");
/** When the series were made (their `coveredUntil`): nothing of the week is made yet. */
const SUNDAY = new Date("2027-02-28T03:00:00Z");
/** The key of the week's occurrence: Friday 5 March, the local day the rule names. */
export const WEEK_KEY = "2027-03-05";
const RULE = {
  kind: "solar",
  rrule: "FREQ=WEEKLY;BYDAY=FR",
  lunarDays: null,
  anchor: "2027-02-28",
  at: 960,
  dayOff: "previous",
  skipTet: false,
  until: null,
  leadWorkingDays: null,
  text: "thứ 6 hằng tuần",
};

/** `perChannel` active series in every channel, each assigned to a member of the channel's workspace. */
export async function seedSeries(url: string, perChannel: number): Promise<void> {
  await withClient(url, (client) =>
    client.query(
      `INSERT INTO "RecurringSeries" ("id", "channelId", "number", "title", "creatorId", "assigneeIds", "rule",
         "timezone", "status", "coveredUntil", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), c."id", n, 'báo cáo tuần ' || n, m."id", ARRAY[m."id"], $1::jsonb,
         'Asia/Ho_Chi_Minh', 'active', $2::timestamptz, $2::timestamptz, $2::timestamptz
       FROM "Channel" c
       CROSS JOIN generate_series(1, $3::int) AS n
       CROSS JOIN LATERAL (SELECT "id" FROM "Member" WHERE "workspaceId" = c."workspaceId" LIMIT 1) m`,
      [JSON.stringify(RULE), SUNDAY, perChannel],
    ),
  );
}

/**
 * Turns every channel's weekly summary off. At Monday 08:01 a worker's start-up reconcile catches up the 08:00
 * summary of every channel; the memory figure is about the series, so neither of its workers does that.
 */
export async function turnSummariesOff(url: string): Promise<void> {
  await withClient(url, (client) => client.query(`UPDATE "Channel" SET "summaryEnabled" = false`));
}

/** How many of the week's occurrences have their task. */
export async function countWeekTasks(url: string): Promise<number> {
  const { rows } = await withClient(url, (client) =>
    client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "RecurringOccurrence" WHERE "key" = $1 AND "taskId" IS NOT NULL`,
      [WEEK_KEY],
    ),
  );
  return rows[0]?.n ?? 0;
}
