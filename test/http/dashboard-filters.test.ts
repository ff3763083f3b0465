import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardWorld, type DashboardWorld, seedOrganisation } from "../helpers/dashboard-world.js";
import { people } from "../helpers/incoming.js";

/** The dashboard's week filter (a unit's tasks due or finished in a picked week, and the same in its download) and a task's history with its old and new values. */
describe("dashboard week filter and task history over HTTP", () => {
  let world: DashboardWorld;
  let session = "";
  const open = (url: string) => fetch(url, { redirect: "manual", headers: session ? { cookie: session } : {} });

  beforeAll(async () => {
    world = await createDashboardWorld("postgres");
    await seedOrganisation(world);
    // "nộp báo cáo quý" (#1 of Phòng Tổng hợp), due Friday 11/12, moves to Friday 18/12: next week.
    await world.say("lùi hạn #1 sang 17h thứ 6 tuần sau", people.lan, "phong-th");
    const opened = await fetch(await world.linkFor(people.lan), { redirect: "manual" });
    session = (opened.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  });
  afterAll(async () => world?.close());

  it("offers the weeks by name and lists only the picked week's tasks, in the page and in its download", async () => {
    const unit = await world.unitId("Phòng Tổng hợp");
    const all = await (await open(`${world.baseUrl}/dashboard/unit/${unit}`)).text();
    expect(all).toContain('<label for="week">Tuần</label>');
    expect(all).toContain('<option value="2026-W50">Tuần từ 07/12/2026</option>');
    expect(all).toContain("nộp báo cáo quý");
    expect(all).toContain("soạn công văn");

    const thisWeek = await (await open(`${world.baseUrl}/dashboard/unit/${unit}?week=2026-W50`)).text();
    expect(thisWeek).toContain('<option value="2026-W50" selected>');
    expect(thisWeek).toContain("soạn công văn");
    expect(thisWeek).not.toContain("nộp báo cáo quý");
    expect(thisWeek).toContain(`/dashboard/unit/${unit}/export.csv?week=2026-W50`);

    const nextWeek = await (await open(`${world.baseUrl}/dashboard/unit/${unit}?week=2026-W51`)).text();
    expect(nextWeek).toContain("nộp báo cáo quý");
    expect(nextWeek).not.toContain("soạn công văn");
    const csv = await (await open(`${world.baseUrl}/dashboard/unit/${unit}/export.csv?week=2026-W51`)).text();
    expect(csv).toContain("nộp báo cáo quý");
    expect(csv).not.toContain("soạn công văn");

    // A week that is no ISO week is no filter, never an error.
    const bad = await open(`${world.baseUrl}/dashboard/unit/${unit}?week=2026-W99`);
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("soạn công văn");
  });

  it("shows a task's history with the old and the new value", async () => {
    const task = await world.db.prisma.task.findFirstOrThrow({
      where: { title: "nộp báo cáo quý" },
      select: { id: true },
    });
    const page = await (await open(`${world.baseUrl}/dashboard/task/${task.id}`)).text();
    expect(page).toMatch(/17:00 thứ Sáu 11\/12\/2026[^<]*→[^<]*17:00 thứ Sáu 18\/12\/2026/);
    const english = await (await open(`${world.baseUrl}/dashboard/task/${task.id}?lang=en`)).text();
    expect(english).toMatch(/Friday[^<]*→[^<]*Friday/);
  });
});
