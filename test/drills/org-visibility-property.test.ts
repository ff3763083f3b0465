import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgService, type OrgService } from "../../src/services/org-service.js";
import { createChannel, createMember, createTask, createUnit, createWorkspace } from "../helpers/org-fixtures.js";
import { createTestDatabase, type TestDatabase } from "../setup/db.js";

/** Monday 07/12/2026 18:00 in Hà Nội. */
const NOW = new Date("2026-12-07T11:00:00Z");

/**
 * Nothing leaks (issue 17): over random trees, leaders and tasks, what a person's session reads (the roll-up, its
 * tasks, the overdue list, a channel) never holds a task outside the subtrees they lead, and a workspace admin sees
 * every unit of their own workspace and none of another's.
 */
describe("organisation visibility, as a property", () => {
  let db: TestDatabase;
  let org: OrgService;

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    org = createOrgService({ prisma: db.prisma });
  });
  afterAll(async () => db?.close());

  const world = fc.record({
    // parents[i] is the index of unit i's parent among the units before it, or null for a root.
    parents: fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 8 }),
    // leads[m] lists the units member m leads.
    leads: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 1, maxLength: 4 }),
    overdue: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  });

  it("never shows a task outside the person's subtrees", async () => {
    await fc.assert(
      fc.asyncProperty(world, async ({ parents, leads, overdue }) => {
        const p = db.prisma;
        const ws = await createWorkspace(p);
        const other = await createWorkspace(p);
        const admin = await createMember(p, ws.id, "Admin", { isWorkspaceAdmin: true });
        const foreignAdmin = await createMember(p, other.id, "Admin khác", { isWorkspaceAdmin: true });
        const members = await Promise.all(leads.map((_, m) => createMember(p, ws.id, `Người ${m}`)));
        const unitIds: string[] = [];
        const parentOf = new Map<string, string | null>();
        for (const [i, parent] of parents.entries()) {
          const parentId = parent === null || i === 0 ? null : (unitIds[parent % i] as string);
          const channel = await createChannel(p, ws.id, `kenh-${i}`);
          const unit = await createUnit(p, ws.id, `Đơn vị ${i}`, {
            ...(parentId ? { parentId } : {}),
            channelIds: [channel.id],
            leaderIds: members
              .filter((_, m) => (leads[m] ?? []).some((u) => u % parents.length === i))
              .map((x) => x.id),
          });
          unitIds.push(unit.id);
          parentOf.set(unit.id, parentId);
          await createTask(p, {
            channelId: channel.id,
            creatorId: admin.id,
            createdAt: new Date(NOW.getTime() - 86_400_000),
            dueAt: new Date(NOW.getTime() + (overdue[i] ? -3_600_000 : 3_600_000)),
            assignees: [{ memberId: admin.id }],
          });
        }
        const under = (unitId: string, root: string): boolean => {
          for (let at: string | null = unitId; at !== null; at = parentOf.get(at) ?? null) if (at === root) return true;
          return false;
        };
        for (const [m, member] of members.entries()) {
          const led = new Set((leads[m] ?? []).map((u) => unitIds[u % parents.length] as string));
          const allowed = new Set(unitIds.filter((id) => [...led].some((root) => under(id, root))));
          const viewer = { id: member.id, workspaceId: ws.id, isWorkspaceAdmin: false };
          const rollup = await org.rollup(viewer, NOW, "Asia/Ho_Chi_Minh", undefined, { trend: true });
          expect(new Set(rollup.rows.map((r) => r.unit.id))).toEqual(allowed);
          const shown = rollup.rows.map((r) => r.unit.id);
          const tasks = await org.taskRows({ unitIds: shown });
          expect(tasks.every((t) => allowed.has(t.unitId))).toBe(true);
          const late = await org.overdue(shown, NOW);
          expect(late.every((t) => allowed.has(t.unitId))).toBe(true);
          for (const unitId of unitIds) {
            const within = await org.rollup(viewer, NOW, "Asia/Ho_Chi_Minh", unitId);
            expect(within.rows.every((r) => allowed.has(r.unit.id))).toBe(true);
          }
        }
        const everything = await org.rollup({ id: admin.id, workspaceId: ws.id, isWorkspaceAdmin: true }, NOW, "UTC");
        expect(everything.rows).toHaveLength(unitIds.length);
        const foreign = { id: foreignAdmin.id, workspaceId: other.id, isWorkspaceAdmin: true };
        expect((await org.rollup(foreign, NOW, "UTC")).rows).toEqual([]);
        const firstChannel = await p.orgUnitChannel.findFirstOrThrow({ where: { unitId: unitIds[0] } });
        expect(await org.canSeeChannel(foreign, firstChannel.channelId)).toBe(false);
      }),
      { numRuns: 15 },
    );
  });
});
