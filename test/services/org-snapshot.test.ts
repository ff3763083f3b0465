// The Monday roll-ups read every unit's figures once and cut each subtree from them: each cut must be exactly the
// roll-up the dashboard and `tình hình các đơn vị` compute for that unit from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardWorld, type DashboardWorld, seedOrganisation } from "../helpers/dashboard-world.js";

describe("a roll-up cut from the organisation's snapshot", () => {
  let world: DashboardWorld;
  beforeAll(async () => {
    world = await createDashboardWorld("postgres");
    await seedOrganisation(world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("equals the roll-up read from the database, for every unit's subtree", async () => {
    const { org } = world.chat;
    const units = await world.db.prisma.orgUnit.findMany({ select: { id: true, workspaceId: true } });
    expect(units.length).toBeGreaterThanOrEqual(5);
    const now = world.clock.now;
    const snapshot = await org.snapshot(units[0]?.workspaceId as string, now, "Asia/Ho_Chi_Minh");
    for (const unit of units) {
      const viewer = { id: unit.id, workspaceId: unit.workspaceId, isWorkspaceAdmin: true };
      const fromDatabase = await org.rollup(viewer, now, "Asia/Ho_Chi_Minh", unit.id);
      expect(org.rollupFromSnapshot(snapshot, unit.id)).toEqual(fromDatabase);
    }
    const root = org.rollupFromSnapshot(snapshot, (await world.unitId("Ủy ban tỉnh")) as string);
    expect(root.rows.map((row) => row.unit.name)).toEqual([
      "Ủy ban tỉnh",
      "Sở Kế hoạch",
      "Phòng Đầu tư",
      "Phòng Tổng hợp",
      "Sở Tài chính",
    ]);
    expect(root.rows[0]?.subtree.open).toBeGreaterThan(0);
  });

  it("gives nothing for a unit the snapshot does not hold", async () => {
    const snapshot = await world.chat.org.snapshot(
      (await world.db.prisma.workspace.findFirstOrThrow()).id,
      world.clock.now,
      "Asia/Ho_Chi_Minh",
    );
    expect(world.chat.org.rollupFromSnapshot(snapshot, "00000000-0000-4000-8000-000000000000").rows).toEqual([]);
  });
});
