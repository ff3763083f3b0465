import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardWorld, type DashboardWorld, seedOrganisation } from "../helpers/dashboard-world.js";
import { people } from "../helpers/incoming.js";

/**
 * The dashboard in a real browser (Debian's chromium driven by playwright-core), opened from the link the bot sent.
 * SCREENSHOT_DIR=docs keeps the overview's screenshots at phone and desktop sizes (the README shows them).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe("the dashboard in chromium", () => {
  let world: DashboardWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await createDashboardWorld("postgres");
    await seedOrganisation(world);
    // The browser is not the app: it keeps the real clock when the suite runs a year ahead (libfaketime preloaded
    // into chromium's many processes stalls it), and the app's clock is the test's anyway.
    const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...env } = process.env;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: env as Record<string, string>,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  /** A page at `viewport` that records console errors and failed requests. */
  async function openPage(viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport, locale: "vi-VN" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    return { page, problems, close: () => context.close() };
  }

  async function figuresOnPage(page: Page): Promise<Record<string, Record<string, number>>> {
    return page.$$eval("#units tbody tr", (rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute("data-unit") ?? "",
          Object.fromEntries(
            [...row.querySelectorAll("[data-figure]")].map((cell) => [
              cell.getAttribute("data-figure") ?? "",
              Number.parseInt(cell.textContent ?? "", 10),
            ]),
          ),
        ]),
      ),
    );
  }

  /** The same figures straight from the tables: open and overdue tasks of each unit's subtree, by plain SQL. */
  async function figuresInDatabase(unitIds: string[]): Promise<Record<string, Record<string, number>>> {
    const rows = await world.db.prisma.$queryRaw<{ root: string; open: number; overdue: number }[]>`
      WITH RECURSIVE tree AS (
        SELECT id AS root, id FROM "OrgUnit" WHERE id = ANY(${unitIds}::uuid[])
        UNION ALL SELECT tree.root, u.id FROM "OrgUnit" u JOIN tree ON u."parentId" = tree.id
      )
      SELECT tree.root::text AS root,
        count(t.id) FILTER (WHERE t.status = 'open')::int AS open,
        count(t.id) FILTER (WHERE t.status = 'open' AND t."dueAt" < ${world.clock.now})::int AS overdue
      FROM tree LEFT JOIN "OrgUnitChannel" uc ON uc."unitId" = tree.id
      LEFT JOIN "Task" t ON t."channelId" = uc."channelId" AND t."withdrawnAt" IS NULL
      GROUP BY tree.root`;
    return Object.fromEntries(rows.map((r) => [r.root, { open: r.open, overdue: r.overdue }]));
  }

  it("opens from the bot's link and shows the database's numbers, with charts drawn from data", async () => {
    const { page, problems, close } = await openPage(DESKTOP);
    try {
      await page.goto(await world.linkFor(people.lan));
      expect(new URL(page.url()).pathname).toBe("/dashboard");
      expect(await page.getAttribute("html", "lang")).toBe("vi");
      const shown = await figuresOnPage(page);
      const stored = await figuresInDatabase(Object.keys(shown));
      expect(Object.keys(shown)).toHaveLength(3);
      for (const [unitId, figures] of Object.entries(shown)) {
        expect({ open: figures.open, overdue: figures.overdue }).toEqual(stored[unitId]);
      }
      const sum = (await page.textContent("[data-total=overdue]")) ?? "";
      expect(Number.parseInt(sum, 10)).toBe(2);
      // Browser-side expressions as strings: the test's TypeScript has no DOM library.
      await page.waitForFunction("Boolean(window.dashboardCharts)");
      const drawn = (await page.evaluate(`Object.fromEntries(Object.entries(window.dashboardCharts)
        .map(([id, chart]) => [id, chart.data.datasets.map((d) => d.data.length)]))`)) as Record<string, number[]>;
      expect(drawn["chart-units"]).toEqual([3, 3, 3]);
      expect(drawn["chart-trend"]).toEqual([8, 8]);
      expect(drawn["chart-ageing"]).toEqual([4]);
      const painted = await page.evaluate(`(() => {
        const c = document.getElementById("chart-units");
        const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        return pixels.some((value, i) => i % 4 === 3 && value > 0);
      })()`);
      expect(painted).toBe(true);
      if (process.env.SCREENSHOT_DIR) {
        await mkdir(process.env.SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "dashboard-desktop.png"), fullPage: true });
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("fits a phone without sideways scrolling, in both languages, and logs no errors", async () => {
    const { page, problems, close } = await openPage(PHONE);
    try {
      await page.goto(await world.linkFor(people.lan));
      const unitPath = `/dashboard/unit/${await world.unitId("Sở Kế hoạch")}`;
      for (const path of ["/dashboard", "/dashboard?lang=en", unitPath, "/dashboard/overdue"]) {
        await page.goto(`${world.baseUrl}${path}`);
        const overflow = await page.evaluate(
          "document.documentElement.scrollWidth - document.documentElement.clientWidth",
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      // The overview's week filter is a labelled control that works as a plain form.
      await page.goto(`${world.baseUrl}/dashboard`);
      await page.getByLabel("Tuần", { exact: true }).selectOption({ index: 1 });
      await page.getByRole("button", { name: "Lọc" }).click();
      await page.waitForURL(/week=\d{4}-W\d{2}/);
      expect(await page.textContent("#units thead")).toContain("Quá hạn cuối tuần");
      await page.goto(`${world.baseUrl}/dashboard?lang=en`);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await page.textContent("h1")).toBe("Overview");
      await page.goto(`${world.baseUrl}/dashboard`);
      if (process.env.SCREENSHOT_DIR) {
        await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, "dashboard-phone.png"), fullPage: true });
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("keeps another unit out of reach by URL, and filters a unit's tasks by person with a labelled control", async () => {
    const { page, problems, close } = await openPage(PHONE);
    try {
      await page.goto(await world.linkFor(people.lan));
      const other = await page.goto(`${world.baseUrl}/dashboard/unit/${await world.unitId("Sở Tài chính")}`);
      expect(other?.status()).toBe(404);
      expect(await page.content()).not.toContain("lập dự toán ngân sách");
      await page.goto(`${world.baseUrl}/dashboard/unit/${await world.unitId("Sở Kế hoạch")}`);
      await page.getByLabel("Người").selectOption({ label: "Hoa" });
      await page.getByRole("button", { name: "Lọc" }).click();
      await page.waitForURL(/person=/);
      const titles = await page.$$eval("table.tasks tbody td:nth-child(3)", (cells) => cells.map((c) => c.textContent));
      expect(titles).toEqual(['rà soát dự án =HYPERLINK("x")']);
      // The 404 page of the other unit is the one error the browser reports; nothing else.
      expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    } finally {
      await close();
    }
  });
});
