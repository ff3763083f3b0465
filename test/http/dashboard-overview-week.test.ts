import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardWorld, type DashboardWorld, seedOrganisation } from "../helpers/dashboard-world.js";
import { people } from "../helpers/incoming.js";

/** Monday 14/12/2026 10:00 in Hà Nội: the week of 07/12 (2026-W50), when every task was set, is over. */
const NEXT_MONDAY = new Date("2026-12-14T03:00:00Z");
/** The end of 2026-W50: Monday 14/12/2026 00:00 in Hà Nội. */
const WEEK_START = new Date("2026-12-06T17:00:00Z");
const WEEK_END = new Date("2026-12-13T17:00:00Z");

type Figures = Record<string, Record<string, number>>;

/** Each unit row's `data-figure` cells, as numbers, by unit id. */
function figuresOnPage(page: string): Figures {
  const figures: Figures = {};
  for (const row of page.split('<tr data-unit="').slice(1)) {
    const unitId = row.slice(0, row.indexOf('"'));
    const cells = row.slice(0, row.indexOf("</tr>"));
    figures[unitId] = Object.fromEntries(
      [...cells.matchAll(/data-figure="(\w+)"[^>]*>(\d+)/g)].map((m) => [m[1], Number(m[2])]),
    );
  }
  return figures;
}

/**
 * The overview's week filter: a past week's figures as they stood at its end, equal to the database's own count for
 * that week, and downloads that carry the same filter.
 */
describe("the overview's week filter over HTTP", () => {
  let world: DashboardWorld;
  let session = "";
  const open = (url: string) => fetch(url, { redirect: "manual", headers: { cookie: session } });

  /** The same figures by plain SQL: each shown unit's subtree, at the end of 2026-W50 and in it. */
  async function figuresInDatabase(unitIds: string[]): Promise<Figures> {
    const rows = await world.db.prisma.$queryRaw<
      { root: string; open: number; overdue: number; dueThisWeek: number; doneLastWeek: number }[]
    >`
      WITH RECURSIVE tree AS (
        SELECT id AS root, id FROM "OrgUnit" WHERE id = ANY(${unitIds}::uuid[])
        UNION ALL SELECT tree.root, u.id FROM "OrgUnit" u JOIN tree ON u."parentId" = tree.id
      ), tasks AS (
        SELECT tree.root, t.* FROM tree JOIN "OrgUnitChannel" uc ON uc."unitId" = tree.id
        JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL
      )
      SELECT root::text AS root,
        count(*) FILTER (WHERE "createdAt" <= ${WEEK_END} AND ("closedAt" IS NULL OR "closedAt" > ${WEEK_END}))::int
          AS open,
        count(*) FILTER (WHERE "createdAt" <= ${WEEK_END} AND ("closedAt" IS NULL OR "closedAt" > ${WEEK_END})
          AND "dueAt" < ${WEEK_END})::int AS overdue,
        count(*) FILTER (WHERE "dueAt" >= ${WEEK_START} AND "dueAt" < ${WEEK_END}
          AND ("closedAt" IS NULL OR "closedAt" >= ${WEEK_START})
          AND NOT (status = 'cancelled' AND "closedAt" < ${WEEK_END}))::int AS "dueThisWeek",
        count(*) FILTER (WHERE status = 'done' AND "closedAt" >= ${WEEK_START} AND "closedAt" < ${WEEK_END})::int
          AS "doneLastWeek"
      FROM tasks GROUP BY root`;
    return Object.fromEntries(rows.map(({ root, ...figures }) => [root, figures]));
  }

  beforeAll(async () => {
    world = await createDashboardWorld("postgres");
    await seedOrganisation(world);
    // At 18:00 that Monday Minh finishes "soạn công văn" (due 17:00): done in that week, late.
    await world.say("xong #2", people.minh, "phong-th");
    world.clock.now = NEXT_MONDAY;
    const opened = await fetch(await world.linkFor(people.lan), { redirect: "manual" });
    session = (opened.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  });
  afterAll(async () => world?.close());

  it("offers the past weeks with a label, and shows a past week's figures as the database counts them", async () => {
    const live = await (await open(`${world.baseUrl}/dashboard`)).text();
    expect(live).toContain('<label for="week">Tuần</label>');
    expect(live).toContain('<option value="">Tuần này (hiện tại)</option>');
    expect(live).toContain('<option value="2026-W50">Tuần từ 07/12/2026</option>');
    expect(live).not.toContain('value="2026-W51"');

    const page = await (await open(`${world.baseUrl}/dashboard?week=2026-W50`)).text();
    expect(page).toContain('<option value="2026-W50" selected>');
    expect(page).toContain("Quá hạn cuối tuần");
    const shown = figuresOnPage(page);
    expect(Object.keys(shown)).toHaveLength(3);
    const stored = await figuresInDatabase(Object.keys(shown));
    for (const [unitId, figures] of Object.entries(shown)) expect(figures).toEqual(stored[unitId]);
    // Sở Kế hoạch's subtree at the end of that week: three tasks open, two overdue, three due in it, one done.
    const soKh = shown[await world.unitId("Sở Kế hoạch")];
    expect(soKh).toEqual({ open: 3, overdue: 2, dueThisWeek: 3, doneLastWeek: 1 });
    expect(page).toMatch(/<td>0% \(0\/1\)<\/td><\/tr>\s*<\/tfoot>/);
  });

  it("downloads exactly the week shown, keeps ?cancelled and the language, and ignores a week not over", async () => {
    const page = await (await open(`${world.baseUrl}/dashboard?week=2026-W50&cancelled=1&lang=en`)).text();
    expect(page).toContain('<input type="hidden" name="cancelled" value="1">');
    expect(page).toContain('<input type="hidden" name="lang" value="en">');
    expect(page).toContain("Overdue at the week&#39;s end");
    expect(page).toContain('href="/dashboard/export/rollup.csv?week=2026-W50&amp;cancelled=1&amp;lang=en"');

    const response = await open(`${world.baseUrl}/dashboard/export/rollup.csv?week=2026-W50&lang=en`);
    expect(response.headers.get("content-disposition")).toContain("rollup-2026-W50.csv");
    const csv = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toContain("Overdue at the week's end");
    const soKh = lines.find((line) => line.startsWith("Sở Kế hoạch"))?.split(",");
    // Unit, level, open, overdue, worst lateness, due, done, done the week before, on time, overdue at the start.
    expect(soKh?.slice(2, 4)).toEqual(["3", "2"]);
    expect(soKh?.slice(5, 7)).toEqual(["3", "1"]);

    // This week is the live overview, not a week looked back at.
    const current = await (await open(`${world.baseUrl}/dashboard?week=2026-W51`)).text();
    expect(current).toContain('<option value="">Tuần này (hiện tại)</option>');
    expect(current).not.toContain("selected");
    expect(current).toContain("Xong tuần trước");
  });
});
