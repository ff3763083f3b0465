// Two workspaces installed through "Add to Slack" in one process, each giving a task by command, each pinged and sent
// its weekly summary by the real jobs with its own token; when one uninstalls, its sends stop and the other's go on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Jobs, startJobs } from "../../../jobs/index.js";
import { createLogger } from "../../../src/logger.js";
import { eventually } from "../../helpers/eventually.js";
import { deletePrefix } from "../../jobs/helpers.js";
import { createTestDatabase, type TestDatabase } from "../../setup/db.js";
import { testRedisUrl, uniquePrefix } from "../../setup/redis.js";
import { type DistributedHarness, eventFrom, startDistributedHarness } from "./distributed-harness.js";

/** Friday 27/11/2026 17:00:05 in Hà Nội: just after the tasks' deadline, so their at-deadline pings are due. */
const AFTER_DEADLINE = new Date("2026-11-27T10:00:05Z");
/** Two Monday 08:00 summary slots (Hà Nội), as the cron would stamp them. */
const SLOTS = [new Date("2026-11-23T01:00:00Z").getTime(), new Date("2026-11-30T01:00:00Z").getTime()];

describe("two installed workspaces, their pings and summaries through the jobs", () => {
  let database: TestDatabase;
  let harness: DistributedHarness;
  let jobs: Jobs;
  const prefix = uniquePrefix("twows");
  const teams = {
    TJOBA: { label: "A", user: "U0JA", channel: "C0JOBA" },
    TJOBB: { label: "B", user: "U0JB", channel: "C0JOBB" },
  };

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    harness = await startDistributedHarness(database);
    for (const [team, { label, user }] of Object.entries(teams)) {
      harness.workspaces.add(label, team);
      harness.fake.addUser({ id: user, name: `Người ${label}` });
      expect((await harness.install(team)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await jobs?.close();
    await harness?.close();
    await deletePrefix(testRedisUrl(), prefix);
    await database?.close();
  });

  const postsTo = (channel: string) =>
    harness.fake.callsOf("chat.postMessage").filter((call) => call.args.channel === channel);

  it("sends each workspace's pings and summary with its own token, and stops only the uninstalled one's", async () => {
    for (const [team, { label, user, channel }] of Object.entries(teams)) {
      await harness.command(team, channel, user, `giao <@${user}> gửi báo cáo ${label} trước 17h hôm nay`);
    }
    jobs = await startJobs({
      prisma: database.prisma,
      redisUrl: testRedisUrl(),
      senders: [harness.adapter.sender],
      logger: createLogger("silent"),
      role: "all",
      prefix,
      now: () => AFTER_DEADLINE,
      tuning: { drainDelaySeconds: 1, reconcileEveryMs: 0 },
    });
    await jobs.reconcile(); // plans the commands' pings (the harness' bot has no scheduler) and queues the due ones
    const channelIds: Record<string, string> = Object.fromEntries(
      await Promise.all(
        Object.values(teams).map(async ({ channel }) => [
          channel,
          (await database.prisma.channel.findFirstOrThrow({ where: { externalId: channel }, select: { id: true } })).id,
        ]),
      ),
    );
    const summarise = (slot: number) =>
      jobs.queues.summaries.addBulk(
        Object.values(channelIds).map((channelId) => ({
          name: "weekly-summary" as const,
          data: { channelId, slot },
          opts: { jobId: `two-ws-${channelId}-${slot}` },
        })),
      );
    await summarise(SLOTS[0] as number);

    for (const { label, channel } of Object.values(teams)) {
      await eventually(() => {
        const calls = postsTo(channel);
        expect(calls.some((c) => String(c.args.text).includes(`gửi báo cáo ${label}`))).toBe(true);
        expect(calls.some((c) => String(c.args.text).includes("Tổng kết tuần"))).toBe(true);
      });
      expect(new Set(postsTo(channel).map((c) => c.tokenOwner))).toEqual(new Set([label]));
    }

    expect((await harness.post(eventFrom("TJOBB", { type: "app_uninstalled" }))).status).toBe(200);
    await eventually(async () =>
      expect(await harness.distribution.installations.isInstalled({ teamId: "TJOBB" })).toBe(false),
    );
    const sentToB = postsTo(teams.TJOBB.channel).length;
    await summarise(SLOTS[1] as number);

    await eventually(() =>
      expect(postsTo(teams.TJOBA.channel).filter((c) => String(c.args.text).includes("Tổng kết tuần"))).toHaveLength(2),
    );
    // B's summary was written and kept for a reinstall, never attempted.
    await eventually(async () =>
      expect(
        await database.prisma.outboxMessage.count({
          where: { channelId: channelIds[teams.TJOBB.channel], sentAt: null },
        }),
      ).toBeGreaterThanOrEqual(1),
    );
    expect(postsTo(teams.TJOBB.channel)).toHaveLength(sentToB);
    expect(new Set(postsTo(teams.TJOBA.channel).map((c) => c.tokenOwner))).toEqual(new Set(["A"]));
  });
});
