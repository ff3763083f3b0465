// The Monday roll-up: one cron scheduler per roll-up channel in its zone (kept equal to the database by the
// reconciler), and one message per unit and slot however often its job runs.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Jobs } from "../../jobs/index.js";
import { ROLLUP_CRON, rollupSchedulerId } from "../../jobs/weekly-rollup.js";
import { rollupOutboxId } from "../../jobs/weekly-rollup.processor.js";
import { createChannel, createMember, createTask, createUnit, createWorkspace } from "../helpers/org-fixtures.js";
import { createJobsFixture, type JobsFixture, waitFor } from "./helpers.js";

const NOW = new Date("2026-12-07T08:30:00+07:00"); // Monday 08:30, the roll-up's time

describe("weekly roll-up to the roll-up channel", () => {
  let fx: JobsFixture;
  let jobs: Jobs;

  beforeEach(async () => {
    fx = await createJobsFixture("postgres");
    jobs = await fx.startJobs({ senders: [], now: () => NOW });
  });
  afterEach(async () => {
    await jobs?.close();
    await fx?.close();
  });

  it("schedules each roll-up channel on Monday 08:30 in its zone, and posts the subtree's roll-up once per slot", async () => {
    const p = fx.prisma;
    const ws = await createWorkspace(p);
    const lan = await createMember(p, ws.id, "Lan");
    const [rollupChannel, a, b, other] = await Promise.all(
      ["tong-hop", "phong-a", "phong-b", "so-khac"].map((name) => createChannel(p, ws.id, name)),
    );
    const so = await createUnit(p, ws.id, "Sở Kế hoạch", { channelIds: [rollupChannel?.id as string] });
    await createUnit(p, ws.id, "Phòng A", { parentId: so.id, channelIds: [a?.id as string] });
    await createUnit(p, ws.id, "Phòng B", { parentId: so.id, channelIds: [b?.id as string] });
    await createUnit(p, ws.id, "Sở Khác", { channelIds: [other?.id as string] });
    await p.orgUnit.update({ where: { id: so.id }, data: { rollupChannelId: rollupChannel?.id as string } });
    const late = { createdAt: new Date("2026-12-01T09:00:00+07:00"), dueAt: new Date("2026-12-04T17:00:00+07:00") };
    await createTask(p, { channelId: a?.id as string, creatorId: lan.id, ...late, assignees: [{ memberId: lan.id }] });
    await createTask(p, { channelId: other?.id as string, creatorId: lan.id, ...late });

    await jobs.reconcile();
    const schedulers = await jobs.rollups.queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz])).toEqual([
      [rollupSchedulerId(so.id), ROLLUP_CRON, "Asia/Ho_Chi_Minh"],
    ]);

    const slot = NOW.getTime();
    for (const attempt of [1, 2]) {
      await jobs.rollups.queue.add("weekly-rollup", { unitId: so.id, slot }, { jobId: `test-rollup-${attempt}` });
    }
    const id = rollupOutboxId(so.id, slot);
    await waitFor(async () => (await p.outboxMessage.count({ where: { id } })) === 1, 30_000);
    await waitFor(async () => (await jobs.rollups.queue.getCompletedCount()) === 2, 30_000);
    // Both runs done, one message (the channel's own weekly summary, caught up by the reconciler, is another row).
    expect(await p.outboxMessage.count({ where: { id } })).toBe(1);
    const message = await p.outboxMessage.findUniqueOrThrow({ where: { id } });
    const text = (message.payload as { text: string }).text;
    expect(text).toContain("*Sở Kế hoạch*: mở 1 · quá hạn 1");
    expect(text).toContain("*Phòng A*");
    expect(text).not.toContain("Sở Khác");

    await p.orgUnit.update({ where: { id: so.id }, data: { rollupChannelId: null } });
    await jobs.reconcile();
    expect(await jobs.rollups.queue.getJobSchedulers(0, -1)).toEqual([]);
  });
});
