import { afterEach, describe, expect, it } from "vitest";
import { createDueOccurrences } from "../../src/services/recurring-occurrences.js";
import { createRecurringSeriesService } from "../../src/services/recurring-series-service.js";
import { insertTask } from "../../src/services/task-writes.js";
import { fridaysAt16, MONDAY_AFTER, WEDNESDAY } from "../helpers/recurring-rules.js";
import { seedChannel } from "../jobs/helpers.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";

describe.each(testDatabaseKinds)("occurrences made a batch at a time (%s)", (kind) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  async function seedSeries(count: number) {
    db = await createTestDatabase(kind);
    const prisma = db.prisma;
    const first = await seedChannel(prisma);
    const second = await seedChannel(prisma, { workspaceId: first.workspaceId });
    // A plain task first: the occurrences' numbers follow it in its channel.
    const due = { dueAt: WEDNESDAY, hasTime: true, start: WEDNESDAY, grain: "minute" as const };
    await insertTask(
      prisma,
      { channelId: first.channelId, creatorId: first.boss, title: "việc thường", due },
      [],
      WEDNESDAY,
    );
    const series = createRecurringSeriesService({ prisma, now: () => WEDNESDAY });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const made = await series.create({
        channelId: (i % 3 === 2 ? second : first).channelId,
        creatorId: first.boss,
        title: `báo cáo ${i}`,
        assigneeIds: [first.minh, first.lan],
        rule: fridaysAt16,
        timezone: "Asia/Ho_Chi_Minh",
      });
      ids.push(made.id);
    }
    return { prisma, first, second, ids };
  }

  it("makes one task per series and occurrence, numbered without gaps per channel, even when runs overlap", async () => {
    const { prisma, first, second, ids } = await seedSeries(9);
    await prisma.recurringSeries.update({ where: { id: ids[4] as string }, data: { status: "paused" } });
    const runs = await Promise.all([1, 2, 3].map(() => createDueOccurrences({ prisma, now: WEDNESDAY })));
    expect(runs.flat()).toHaveLength(8);
    const numbers = async (channelId: string) =>
      (await prisma.task.findMany({ where: { channelId }, select: { number: true }, orderBy: { number: "asc" } })).map(
        (t) => t.number,
      );
    expect(await numbers(first.channelId)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await numbers(second.channelId)).toEqual([1, 2, 3]);
    const occurrences = await prisma.recurringOccurrence.findMany({
      select: { seriesId: true, key: true, late: true, taskId: true },
    });
    expect(occurrences).toHaveLength(8);
    expect(occurrences.every((o) => o.key === "2026-12-04" && !o.late && o.taskId)).toBe(true);
    expect(occurrences.some((o) => o.seriesId === ids[4])).toBe(false);
    const task = await prisma.task.findFirstOrThrow({
      where: { id: occurrences[0]?.taskId as string },
      select: {
        sourceRef: true,
        assignees: { select: { memberId: true }, orderBy: { position: "asc" } },
        events: { select: { action: true } },
      },
    });
    expect(task.assignees.map((a) => a.memberId)).toEqual([first.minh, first.lan]);
    expect(task.events.map((e) => e.action)).toEqual(["created"]);
    expect(task.sourceRef).toMatch(/^series:L\d+$/);
  });

  it("makes a missed occurrence late, and moves each series' mark past what it made", async () => {
    const { prisma, ids } = await seedSeries(3);
    await createDueOccurrences({ prisma, now: WEDNESDAY });
    const made = await createDueOccurrences({ prisma, now: MONDAY_AFTER });
    // Friday 11 (missed) and Friday 18 (its week began hours ago): both late, one task each.
    expect(made.map((m) => m.late)).toEqual(Array(6).fill(true));
    expect(new Set(made.map((m) => m.taskId)).size).toBe(6);
    const series = await prisma.recurringSeries.findMany({
      where: { id: { in: ids } },
      select: { coveredUntil: true },
    });
    expect(series.map((s) => s.coveredUntil.toISOString())).toEqual(Array(3).fill("2026-12-18T09:00:00.000Z"));
    expect(await createDueOccurrences({ prisma, now: MONDAY_AFTER })).toEqual([]);
  });
});
