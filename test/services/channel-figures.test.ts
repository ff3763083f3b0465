// A channel's stored live figures (src/services/channel-figures.ts) are what counting its tasks gives, at every
// instant and after every kind of task write; a row stands only until time or a write could change it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { liveChannelFigures } from "../../src/services/channel-figures.js";
import { countChannels, validUntil } from "../../src/services/channel-figures-count.js";
import { rollupWeeks } from "../../src/services/org-weeks.js";
import { createChannel, createMember, createTask, createUnit, createWorkspace } from "../helpers/org-fixtures.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";

/** Wednesday 09/12/2026 10:00 in Hà Nội. */
const NOW = new Date("2026-12-09T03:00:00Z");
const ZONE = "Asia/Ho_Chi_Minh";
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

interface Org {
  unitId: string;
  channelIds: string[];
  creatorId: string;
}

async function seedOrg(p: PrismaClient, seed: number): Promise<Org> {
  const ws = await createWorkspace(p);
  const creator = await createMember(p, ws.id, "Lan");
  const channels = await Promise.all(["a", "b", "c"].map((n) => createChannel(p, ws.id, `kenh-${n}-${seed}`)));
  const unit = await createUnit(p, ws.id, `Phòng ${seed}`, { channelIds: channels.map((c) => c.id) });
  return { unitId: unit.id, channelIds: channels.map((c) => c.id), creatorId: creator.id };
}

/** The stored path's figures and trend per channel, sorted, for comparing with a count from the tasks. */
async function stored(p: PrismaClient, org: Org, now: Date) {
  const live = await liveChannelFigures(p, { unitIds: [org.unitId] }, rollupWeeks(now, ZONE), true);
  return live.map(({ unitId: _unit, ...rest }) => comparable(rest)).sort(byChannel);
}

async function counted(p: PrismaClient, org: Org, now: Date) {
  const rows = await countChannels(p, org.channelIds, rollupWeeks(now, ZONE));
  return rows.map((row) => comparable(row)).sort(byChannel);
}

function comparable(row: object) {
  const keys = [
    "channelId",
    "open",
    "overdue",
    "firstLate",
    "a1",
    "a7",
    "a30",
    "aMore",
    "dueThisWeek",
    "doneLastWeek",
    "measuredLastWeek",
    "onTimeLastWeek",
    "doneWeekBefore",
    "overdueWeekAgo",
    "trend",
  ];
  return Object.fromEntries(keys.map((key) => [key, (row as Record<string, unknown>)[key]]));
}

const byChannel = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.channelId).localeCompare(String(b.channelId));

async function figureRows(p: PrismaClient, channelIds: readonly string[]) {
  const rows = await p.channelFigures.findMany({ where: { channelId: { in: [...channelIds] } } });
  return new Map(rows.map((row) => [row.channelId, row]));
}

/** One write a person can make to a task, as the task service makes it (plain updates of the same columns). */
type Write =
  | { kind: "create"; channel: number; dueHours: number | null; createdHours: number }
  | { kind: "close"; task: number; status: "done" | "cancelled"; closedHours: number }
  | { kind: "reopen"; task: number }
  | { kind: "due"; task: number; dueHours: number | null }
  | { kind: "withdraw"; task: number; hours: number }
  | { kind: "delete"; task: number }
  | { kind: "plan"; task: number };

const hoursArb = fc.integer({ min: -24 * 40, max: 24 * 20 });
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant("create" as const),
    channel: fc.nat(2),
    dueHours: fc.option(hoursArb, { nil: null }),
    createdHours: fc.integer({ min: -24 * 40, max: 0 }),
  }),
  fc.record({
    kind: fc.constant("close" as const),
    task: fc.nat(),
    status: fc.constantFrom("done" as const, "cancelled" as const),
    closedHours: fc.integer({ min: -24 * 20, max: 0 }),
  }),
  fc.record({ kind: fc.constant("reopen" as const), task: fc.nat() }),
  fc.record({ kind: fc.constant("due" as const), task: fc.nat(), dueHours: fc.option(hoursArb, { nil: null }) }),
  fc.record({ kind: fc.constant("withdraw" as const), task: fc.nat(), hours: fc.integer({ min: -24 * 10, max: 0 }) }),
  fc.record({ kind: fc.constant("delete" as const), task: fc.nat() }),
  fc.record({ kind: fc.constant("plan" as const), task: fc.nat() }),
);

async function apply(p: PrismaClient, org: Org, write: Write, now: Date): Promise<void> {
  const tasks = await p.task.findMany({ where: { channelId: { in: org.channelIds } }, orderBy: { id: "asc" } });
  const task = "task" in write ? tasks[write.task % Math.max(1, tasks.length)] : undefined;
  const hours = (n: number) => new Date(now.getTime() + n * HOUR);
  switch (write.kind) {
    case "create":
      await createTask(p, {
        channelId: org.channelIds[write.channel] as string,
        creatorId: org.creatorId,
        createdAt: hours(write.createdHours),
        dueAt: write.dueHours === null ? null : hours(write.dueHours),
      });
      return;
    case "close":
      if (task)
        await p.task.update({
          where: { id: task.id },
          data: { status: write.status, closedAt: hours(write.closedHours) },
        });
      return;
    case "reopen":
      if (task && !task.withdrawnAt)
        await p.task.update({ where: { id: task.id }, data: { status: "open", closedAt: null } });
      return;
    case "due":
      if (task)
        await p.task.update({
          where: { id: task.id },
          data: { dueAt: write.dueHours === null ? null : hours(write.dueHours) },
        });
      return;
    case "withdraw":
      if (task) {
        const when = hours(write.hours);
        await p.task.update({
          where: { id: task.id },
          data: { status: "cancelled", closedAt: when, withdrawnAt: when },
        });
      }
      return;
    case "delete":
      if (task) await p.task.delete({ where: { id: task.id } });
      return;
    case "plan":
      if (task) await p.task.update({ where: { id: task.id }, data: { pingsPlannedVersion: task.version } });
      return;
  }
}

describe.each(testDatabaseKinds)("a channel's stored figures on %s", (kind) => {
  let db: TestDatabase;
  let seeds = 0;
  const nextSeed = () => {
    seeds += 1;
    return seeds;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it("are what counting the tasks gives, at every instant and after every kind of write", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(writeArb, fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const p = db.prisma;
          const org = await seedOrg(p, nextSeed());
          try {
            for (let i = 0; i < 6; i += 1) {
              await apply(p, org, { kind: "create", channel: i % 3, dueHours: 30 - 12 * i, createdHours: -200 }, NOW);
            }
            let now = NOW;
            for (const [write, laterHours] of steps) {
              expect(await stored(p, org, now)).toEqual(await counted(p, org, now));
              await apply(p, org, write, now);
              expect(await stored(p, org, now)).toEqual(await counted(p, org, now));
              now = new Date(now.getTime() + laterHours * HOUR + 17_000);
              expect(await stored(p, org, now)).toEqual(await counted(p, org, now));
            }
          } finally {
            await p.workspace.deleteMany({ where: { channels: { some: { id: { in: org.channelIds } } } } });
          }
        },
      ),
      { numRuns: kind === "pglite" ? 12 : 25, seed: 20261209 },
    );
  });

  it("stand until a write of a figure's column in that channel, and not past it", async () => {
    const p = db.prisma;
    const org = await seedOrg(p, nextSeed());
    const [a, b] = org.channelIds as [string, string];
    const task = await createTask(p, { channelId: a, creatorId: org.creatorId, createdAt: at(-48), dueAt: at(-2) });
    await createTask(p, { channelId: b, creatorId: org.creatorId, createdAt: at(-48), dueAt: at(30) });
    await stored(p, org, NOW);
    const before = await figureRows(p, org.channelIds);
    expect([...before.values()].every((row) => row.epoch === row.validEpoch && row.computedAt)).toBe(true);

    // Planning pings writes the task but no column a figure counts by: every row still stands.
    await p.task.update({ where: { id: task.id }, data: { pingsPlannedVersion: 1 } });
    expect((await figureRows(p, org.channelIds)).get(a)?.epoch).toBe(before.get(a)?.epoch);

    await p.task.update({ where: { id: task.id }, data: { status: "done", closedAt: NOW } });
    const after = await figureRows(p, org.channelIds);
    expect(after.get(a)?.epoch).toBe((before.get(a)?.epoch ?? 0) + 1);
    expect(after.get(b)?.epoch).toBe(before.get(b)?.epoch);
    const figures = await stored(p, org, NOW);
    expect(figures.find((f) => f.channelId === a)).toMatchObject({ open: 0, overdue: 0 });
    await p.workspace.deleteMany({ where: { channels: { some: { id: a } } } });
  });

  it("stand only until time changes one of them: a deadline passing turns the task overdue", async () => {
    const p = db.prisma;
    const org = await seedOrg(p, nextSeed());
    const [a] = org.channelIds as [string];
    await createTask(p, { channelId: a, creatorId: org.creatorId, createdAt: at(-48), dueAt: at(2) });
    expect((await stored(p, org, NOW)).find((f) => f.channelId === a)).toMatchObject({ open: 1, overdue: 0 });
    const row = (await figureRows(p, [a])).get(a);
    expect(row?.validUntil?.getTime()).toBeLessThanOrEqual(at(2).getTime());
    expect((await stored(p, org, at(3))).find((f) => f.channelId === a)).toMatchObject({ open: 1, overdue: 1 });
    await p.workspace.deleteMany({ where: { channels: { some: { id: a } } } });
  });

  it("are not kept when a write commits after the count and before the row is written", async () => {
    const p = db.prisma;
    const org = await seedOrg(p, nextSeed());
    const [a] = org.channelIds as [string];
    await createTask(p, { channelId: a, creatorId: org.creatorId, createdAt: at(-48), dueAt: at(-5) });
    let wrote = false;
    // The count reads the tasks; a task write commits right after it, before the counted row is written.
    const racing = new Proxy(p, {
      get(target, key, receiver) {
        if (key !== "$queryRaw") return Reflect.get(target, key, receiver);
        return async (strings: TemplateStringsArray, ...values: unknown[]) => {
          const rows = await target.$queryRaw(strings, ...values);
          if (!wrote && strings.join("").includes('FROM "Task" t')) {
            wrote = true;
            await createTask(target, { channelId: a, creatorId: org.creatorId, createdAt: at(-1), dueAt: at(-1) });
          }
          return rows;
        };
      },
    }) as PrismaClient;
    const counted = await liveChannelFigures(racing, { unitIds: [org.unitId] }, rollupWeeks(NOW, ZONE), false);
    expect(wrote).toBe(true);
    expect(counted.find((f) => f.channelId === a)).toMatchObject({ open: 1 });
    const row = (await figureRows(p, [a])).get(a);
    expect(row?.validEpoch).not.toBe(row?.epoch);
    // The next read counts again and sees the write.
    expect((await stored(p, org, NOW)).find((f) => f.channelId === a)).toMatchObject({ open: 2, overdue: 2 });
    await p.workspace.deleteMany({ where: { channels: { some: { id: a } } } });
  });

  it("are made stale by a task deleted in a channel that had no row", async () => {
    const p = db.prisma;
    const org = await seedOrg(p, nextSeed());
    const [a] = org.channelIds as [string];
    const task = await createTask(p, { channelId: a, creatorId: org.creatorId, createdAt: at(-48), dueAt: at(-5) });
    await p.channelFigures.deleteMany({ where: { channelId: a } });
    await p.task.delete({ where: { id: task.id } });
    expect((await figureRows(p, [a])).get(a)?.epoch).toBe(1);
    await p.workspace.deleteMany({ where: { channels: { some: { id: a } } } });
    expect((await figureRows(p, [a])).size).toBe(0);
  });
});

describe("how long counted figures stand", () => {
  const weeks = (now: Date, zone: string) => rollupWeeks(now, zone);

  it("is at most a day, and never past the end of the week", () => {
    const sunday = new Date("2026-12-13T15:00:00Z"); // Sunday 22:00 in Hà Nội
    expect(validUntil(null, weeks(NOW, ZONE)).getTime()).toBe(NOW.getTime() + 24 * HOUR);
    expect(validUntil(null, weeks(sunday, ZONE))).toEqual(new Date("2026-12-13T17:00:00Z"));
  });

  it("is nothing when a clock change is within a day of now or of a week ago", () => {
    // Europe/Berlin leaves summer time on Sunday 25/10/2026 at 03:00.
    expect(validUntil(null, weeks(new Date("2026-10-24T12:00:00Z"), "Europe/Berlin"))).toEqual(
      new Date("2026-10-24T12:00:00Z"),
    );
    expect(validUntil(null, weeks(new Date("2026-10-31T12:00:00Z"), "Europe/Berlin"))).toEqual(
      new Date("2026-10-31T12:00:00Z"),
    );
    const later = new Date("2026-11-04T12:00:00Z");
    expect(validUntil(null, weeks(later, "Europe/Berlin")).getTime()).toBe(later.getTime() + 24 * HOUR);
  });
});
