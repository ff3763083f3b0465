import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeeklyReport } from "../../src/scheduling/weekly-report.js";
import { createOrgService, type OrgService } from "../../src/services/org-service.js";
import { weekOfKey } from "../../src/services/org-weeks.js";
import { createReportService } from "../../src/services/report-service.js";
import { createChannel, createMember, createTask, createUnit, createWorkspace } from "../helpers/org-fixtures.js";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "../setup/db.js";

/** Wednesday 09/12/2026 10:00 in Hà Nội. */
const NOW = new Date("2026-12-09T03:00:00Z");
const ZONE = "Asia/Ho_Chi_Minh";
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

/** A small deterministic generator, so the seeded organisation is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe.each(testDatabaseKinds)("organisation roll-up on %s", (kind) => {
  let db: TestDatabase;
  let org: OrgService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    org = createOrgService({ prisma: db.prisma });
    const p = db.prisma;
    const ws = await createWorkspace(p);
    ids.workspace = ws.id;
    const admin = await createMember(p, ws.id, "Admin", { isWorkspaceAdmin: true });
    const lan = await createMember(p, ws.id, "Lan");
    const minh = await createMember(p, ws.id, "Minh");
    const hoa = await createMember(p, ws.id, "Hoa");
    Object.assign(ids, { admin: admin.id, lan: lan.id, minh: minh.id, hoa: hoa.id });
    const channels = await Promise.all(
      ["ubnd", "so-kh", "phong-a-1", "phong-a-2", "phong-b", "so-tc"].map((n) => createChannel(p, ws.id, n)),
    );
    const [ubndC, soKhC, a1, a2, phongB, soTcC] = channels.map((c) => c.id) as string[];
    const ubnd = await createUnit(p, ws.id, "Ủy ban", { channelIds: [ubndC as string] });
    const soKh = await createUnit(p, ws.id, "Sở Kế hoạch", {
      parentId: ubnd.id,
      channelIds: [soKhC as string],
      leaderIds: [lan.id],
    });
    const phongA = await createUnit(p, ws.id, "Phòng A", {
      parentId: soKh.id,
      channelIds: [a1 as string, a2 as string],
    });
    const phongBU = await createUnit(p, ws.id, "Phòng B", { parentId: soKh.id, channelIds: [phongB as string] });
    const soTc = await createUnit(p, ws.id, "Sở Tài chính", { parentId: ubnd.id, channelIds: [soTcC as string] });
    Object.assign(ids, { ubnd: ubnd.id, soKh: soKh.id, phongA: phongA.id, phongB: phongBU.id, soTc: soTc.id });
    const next = random(17);
    const people = [lan.id, minh.id, hoa.id];
    for (const channel of channels) {
      for (let i = 0; i < 25; i += 1) {
        const createdAt = hours(-Math.floor(next() * 24 * 30));
        const dueAt = next() < 0.15 ? null : new Date(createdAt.getTime() + Math.floor(next() * 24 * 20) * 3_600_000);
        const roll = next();
        const status = roll < 0.5 ? "open" : roll < 0.9 ? "done" : "cancelled";
        const closedAt =
          status === "open" ? null : new Date(Math.min(NOW.getTime(), createdAt.getTime() + next() * 20 * 86_400_000));
        const who = people.filter(() => next() < 0.5);
        await createTask(p, {
          channelId: channel.id,
          creatorId: admin.id,
          createdAt,
          dueAt,
          status,
          closedAt,
          withdrawnAt: next() < 0.05 ? createdAt : null,
          assignees: who.map((memberId) => ({ memberId, doneAt: status === "done" && next() < 0.5 ? closedAt : null })),
        });
      }
    }
    ids.channels = channels.map((c) => c.id).join(",");
  });
  afterAll(async () => db?.close());

  const viewer = (id: string, isWorkspaceAdmin = false) => ({
    id,
    workspaceId: ids.workspace as string,
    isWorkspaceAdmin,
  });

  it("shows an admin every unit as a tree, a leader their subtree, anyone else nothing", async () => {
    const all = await org.rollup(viewer(ids.admin as string, true), NOW, ZONE);
    expect(all.rows.map((r) => `${"-".repeat(r.depth)}${r.unit.name}`)).toEqual([
      "Ủy ban",
      "-Sở Kế hoạch",
      "--Phòng A",
      "--Phòng B",
      "-Sở Tài chính",
    ]);
    const lan = await org.rollup(viewer(ids.lan as string), NOW, ZONE);
    expect(lan.rows.map((r) => [r.unit.name, r.depth])).toEqual([
      ["Sở Kế hoạch", 0],
      ["Phòng A", 1],
      ["Phòng B", 1],
    ]);
    expect((await org.rollup(viewer(ids.minh as string), NOW, ZONE)).rows).toEqual([]);
    // A leader's "within" outside their subtree is empty, never widened.
    expect((await org.rollup(viewer(ids.lan as string), NOW, ZONE, ids.soTc)).rows).toEqual([]);
  });

  it("adds up to the channels' own weekly summaries", async () => {
    const reports = createReportService({ prisma: db.prisma });
    const { rows } = await org.rollup(viewer(ids.admin as string, true), NOW, ZONE);
    const total = rows.find((r) => r.unit.name === "Ủy ban")?.subtree;
    let overdue = 0;
    let dueThisWeek = 0;
    let doneLastWeek = 0;
    let doneWeekBefore = 0;
    let overdueWeekAgo = 0;
    for (const channelId of (ids.channels as string).split(",")) {
      const report = buildWeeklyReport(await reports.taskRows(channelId), NOW, ZONE);
      overdue += report.overdue.length;
      dueThisWeek += report.dueThisWeek.length;
      doneLastWeek += report.doneLastWeek.length;
      doneWeekBefore += report.previous.done;
      overdueWeekAgo += report.previous.overdue;
    }
    expect(total).toMatchObject({ overdue, dueThisWeek, doneLastWeek, doneWeekBefore, overdueWeekAgo });
    expect(total?.overdue).toBeGreaterThan(0);
    expect(total?.ageing.reduce((a, b) => a + b, 0)).toBe(total?.overdue);
  });

  /** The whole organisation's figures at `at` counted in plain code from every task, as org-rollup.ts defines them. */
  async function countedAt(at: Date, week: { from: Date; to: Date; before: Date }, past: boolean) {
    const tasks = await db.prisma.task.findMany({ where: { withdrawnAt: null } });
    const openAt = (t: (typeof tasks)[number], i: Date) =>
      past ? t.createdAt <= i && (t.closedAt === null || t.closedAt > i) : t.status === "open";
    const overdue = tasks.filter((t) => openAt(t, at) && t.dueAt !== null && t.dueAt < at);
    const lateMs = overdue.map((t) => at.getTime() - (t.dueAt as Date).getTime());
    const days = (n: number) => n * 86_400_000;
    const doneIn = (from: Date, to: Date) =>
      tasks.filter((t) => t.status === "done" && t.closedAt !== null && t.closedAt >= from && t.closedAt < to);
    const done = doneIn(week.from, week.to);
    return {
      open: tasks.filter((t) => openAt(t, at)).length,
      overdue: overdue.length,
      maxLateHours: lateMs.length === 0 ? null : Math.round(Math.max(...lateMs) / 3_600_000),
      ageing: [
        lateMs.filter((ms) => ms <= days(1)).length,
        lateMs.filter((ms) => ms > days(1) && ms <= days(7)).length,
        lateMs.filter((ms) => ms > days(7) && ms <= days(30)).length,
        lateMs.filter((ms) => ms > days(30)).length,
      ],
      doneLastWeek: done.length,
      measuredLastWeek: done.filter((t) => t.dueAt !== null).length,
      onTimeLastWeek: done.filter((t) => t.dueAt !== null && (t.closedAt as Date) <= t.dueAt).length,
      doneWeekBefore: doneIn(week.before, week.from).length,
    };
  }

  it("reads lateness and its ageing as plain code counts them, now and at the end of a past week", async () => {
    const admin = viewer(ids.admin as string, true);
    const live = await org.rollup(admin, NOW, ZONE);
    const w = live.weeks;
    const liveTotal = live.rows.find((r) => r.unit.name === "Ủy ban")?.subtree;
    const liveWeek = { from: w.lastWeekStart, to: w.weekStart, before: w.weekBefore };
    expect(liveTotal).toMatchObject(await countedAt(NOW, liveWeek, false));

    // 2026-W48: Monday 23/11 to Monday 30/11, as it stood at its end.
    const picked = weekOfKey("2026-W48", ZONE);
    const past = await org.rollup(admin, NOW, ZONE, undefined, { week: picked, trend: true });
    expect(past.weeks.past?.key).toBe("2026-W48");
    const end = picked?.to as Date;
    const total = past.rows.find((r) => r.unit.name === "Ủy ban")?.subtree;
    const pastWeek = { from: picked?.from as Date, to: end, before: past.weeks.weekBefore };
    expect(total).toMatchObject(await countedAt(end, pastWeek, true));
    // The trend ends with that week, and its last point is that week's figures.
    expect(past.trend?.at(-1)).toMatchObject({
      weekStart: picked?.from,
      done: total?.doneLastWeek,
      measured: total?.measuredLastWeek,
      onTime: total?.onTimeLastWeek,
      overdueAtEnd: total?.overdue,
    });
    // Every week of the trend as plain code counts it.
    for (const point of past.trend ?? []) {
      const end = new Date(point.weekStart.getTime() + 7 * 86_400_000);
      const counted = await countedAt(end, { from: point.weekStart, to: end, before: point.weekStart }, true);
      expect(point).toMatchObject({
        done: counted.doneLastWeek,
        measured: counted.measuredLastWeek,
        onTime: counted.onTimeLastWeek,
        overdueAtEnd: counted.overdue,
      });
    }
    // This week is no past week: the live roll-up.
    const current = await org.rollup(admin, NOW, ZONE, undefined, { week: weekOfKey("2026-W50", ZONE) });
    expect(current.weeks.past).toBeUndefined();
  });

  it("counts each person's parts and lists overdue tasks most overdue first", async () => {
    const visible = await org.visibleUnitIds(viewer(ids.lan as string));
    const weeks = (await org.rollup(viewer(ids.lan as string), NOW, ZONE)).weeks;
    const people = await org.people(visible, weeks);
    expect(people.map((p) => p.name)).toEqual(["Hoa", "Lan", "Minh"]);
    const overdue = await org.overdue(visible, NOW);
    expect(overdue.length).toBeGreaterThan(0);
    const dues = overdue.map((t) => t.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(overdue.every((t) => visible.includes(t.unitId) && t.dueAt < NOW)).toBe(true);
    const trend = await org.trend(visible, weeks);
    expect(trend).toHaveLength(8);
    expect(trend.at(-1)?.weekStart).toEqual(weeks.lastWeekStart);
  });

  it("refuses a parent inside the unit's own subtree", async () => {
    expect(await org.setParent(ids.soKh as string, ids.phongA as string)).toBe("cycle");
    expect(await org.setParent(ids.phongB as string, ids.soKh as string)).toBeNull();
  });
});
