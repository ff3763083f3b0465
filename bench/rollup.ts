/**
 * The dashboard's overview for an organisation of U units × T tasks (issue 17): one unit per channel, in a tree of
 * an Ủy ban, U/50 Sở and the rest Phòng. The figure is the server time of GET /dashboard for a workspace admin (who
 * sees every unit), over real HTTP on loopback, p95 of repeated requests; the baseline is one plain SQL aggregate
 * over the same rows (open and overdue counts of every task) in the same run. The repeated requests read the
 * channels' stored figures (src/services/channel-figures.ts) and count again the few whose figures time moves on
 * meanwhile; a second figure is the same request right after every channel's tasks changed, so every channel is
 * counted from its tasks (the first request after a busy morning, or after a restart of the week). Also the page's weight as served
 * (HTML plus its stylesheet and scripts, gzipped as the browser receives them), its first contentful paint in
 * headless Chromium against the same bytes served statically (rollup-paint.ts), and the Monday roll-up of 50 roll-up
 * channels against the same run's channel summaries (rollup-monday.ts).
 */
import { gzipSync } from "node:zlib";
import pg from "pg";
import { createDatabase } from "../src/db/client.js";
import { createDashboardRoute } from "../src/http/dashboard/dashboard-route.js";
import { sendPage } from "../src/http/dashboard/responses.js";
import { createHttpServer, listen, type RouteHandler } from "../src/http/server.js";
import { createLogger } from "../src/logger.js";
import { createOrgService } from "../src/services/org-service.js";
import { createReportService } from "../src/services/report-service.js";
import { createBenchDatabase, quantile } from "./lib/env.js";
import { type BenchFigure, figure } from "./lib/result.js";
import { seedTasks } from "./lib/seed.js";
import { benchMondayRollup, startMondayJobs, stopMondayJobs } from "./rollup-monday.js";
import { firstPaints } from "./rollup-paint.js";

export interface RollupOptions {
  units: number;
  tasksPerUnit: number;
  requests: number;
  /** Page loads for each first-paint median. */
  paintLoads: number;
  log: (line: string) => void;
}

async function seedUnits(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`
      WITH ch AS (SELECT id, "workspaceId", row_number() OVER (ORDER BY "externalId") AS n FROM "Channel")
      INSERT INTO "OrgUnit"(id, "workspaceId", name, "normalizedName", "updatedAt")
      SELECT gen_random_uuid(), "workspaceId", 'Đơn vị ' || n, 'don vi ' || n, now() FROM ch`);
    await client.query(`
      WITH u AS (SELECT id, row_number() OVER (ORDER BY "normalizedName") AS n FROM "OrgUnit"),
           ch AS (SELECT id, row_number() OVER (ORDER BY "externalId") AS n FROM "Channel")
      INSERT INTO "OrgUnitChannel"("channelId", "unitId") SELECT ch.id, u.id FROM ch JOIN u USING (n)`);
    // The first unit is the Ủy ban; every 50th a Sở under it; the others a Phòng under the Sở before them.
    await client.query(`
      WITH u AS (SELECT id, row_number() OVER (ORDER BY "normalizedName") - 1 AS n FROM "OrgUnit"),
           parent AS (SELECT a.id, CASE WHEN a.n = 0 THEN NULL
             WHEN a.n % 50 = 0 THEN (SELECT id FROM u WHERE n = 0)
             ELSE (SELECT id FROM u b WHERE b.n = GREATEST(0, (a.n / 50) * 50)) END AS parent FROM u a)
      UPDATE "OrgUnit" o SET "parentId" = parent.parent FROM parent WHERE parent.id = o.id AND parent.parent <> o.id`);
    const admin = await client.query<{ id: string }>(
      `UPDATE "Member" SET "isWorkspaceAdmin" = true WHERE id = (SELECT id FROM "Member" ORDER BY "externalId" LIMIT 1)
       RETURNING id`,
    );
    await client.query("COMMIT");
    return admin.rows[0]?.id as string;
  } finally {
    await client.end();
  }
}

async function timed(run: () => Promise<unknown>, times: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchRollup(options: RollupOptions): Promise<BenchFigure[]> {
  const { log, units } = options;
  const db = await createBenchDatabase("rollup");
  const database = await createDatabase({ databaseUrl: db.url, dataDir: "memory://" });
  const logger = createLogger("silent");
  const monday = await startMondayJobs(database);
  try {
    await seedTasks(db.url, { channels: units, tasksPerChannel: options.tasksPerUnit, layout: { kind: "mixed" } });
    const adminId = await seedUnits(db.url);
    log(`rollup: ${units} units × ${options.tasksPerUnit} tasks seeded`);
    const org = createOrgService({ prisma: database.prisma });
    const now = () => new Date();
    const route = createDashboardRoute({
      org,
      reports: createReportService({ prisma: database.prisma }),
      logger,
      now, // real time: the seeded deadlines are relative to the database's now()
      publicUrl: () => "http://127.0.0.1",
      defaultTimezone: "Asia/Ho_Chi_Minh",
    });
    // The overview's own bytes served as they are, for the first-paint baseline (filled in once they are known).
    const routes: Record<string, RouteHandler> = {};
    const bound = createHttpServer({ routes, logger, subtrees: { "/dashboard": route } });
    const port = await listen(bound, 0);
    const base = `http://127.0.0.1:${port}`;
    const secret = await org.createLink(adminId, "/dashboard", now());
    const opened = await fetch(`${base}/dashboard/open?t=${secret}`, { redirect: "manual" });
    const cookie = (opened.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    let html = "";
    const getOverview = async () => {
      const response = await fetch(`${base}/dashboard`, { headers: { cookie } });
      html = await response.text();
      if (response.status !== 200) throw new Error(`overview answered ${response.status}`);
    };
    await getOverview(); // warm-up: query plans, the assets cache
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const aggregate = () =>
      client.query(`SELECT count(*) FILTER (WHERE status = 'open') AS open,
        count(*) FILTER (WHERE status = 'open' AND "dueAt" < now()) AS overdue FROM "Task" WHERE "withdrawnAt" IS NULL`);
    await aggregate();
    const server = await timed(getOverview, options.requests);
    const server95 = quantile(server, 0.95);
    const sql95 = quantile(await timed(aggregate, options.requests), 0.95);
    // Every channel's tasks changed: what the trigger on "Task" does to each channel's row, for all of them at once.
    const counted: number[] = [];
    for (let i = 0; i < Math.max(3, Math.round(options.requests / 3)); i++) {
      await client.query(`UPDATE "ChannelFigures" SET epoch = epoch + 1`);
      counted.push(...(await timed(getOverview, 1)));
    }
    const counted95 = quantile(counted, 0.95);
    await client.end();
    const assets = await Promise.all(
      ["dashboard.css", "charts.js", "chart.umd.js"].map(async (name) => {
        const response = await fetch(`${base}/dashboard/assets/${name}`, { headers: { "accept-encoding": "gzip" } });
        // fetch unzips the body: the bytes on the wire are the declared length.
        await response.arrayBuffer();
        return Number(response.headers.get("content-length"));
      }),
    );
    routes["/bench/static-overview"] = async (_request, response) => sendPage(response, 200, html);
    const [cookieName = "", cookieValue = ""] = cookie.split("=");
    const paint = await firstPaints({
      dynamicUrl: `${base}/dashboard`,
      staticUrl: `${base}/bench/static-overview`,
      cookie: { name: cookieName, value: cookieValue, url: base },
      loads: options.paintLoads,
    });
    log(`rollup: first contentful paint ${paint.dynamic.toFixed(0)} ms, static ${paint.static.toFixed(0)} ms`);
    const mondayFigures = await benchMondayRollup({ database, databaseUrl: db.url, rollupChannels: 50, log }, monday);
    const weightKb = (gzipSync(Buffer.from(html)).byteLength + assets.reduce((a, b) => a + b, 0)) / 1024;
    const rawHtmlKb = Buffer.byteLength(html) / 1024;
    bound.closeAllConnections();
    await new Promise<void>((resolve) => bound.close(() => resolve()));
    log(
      `rollup: overview p50 ${quantile(server, 0.5).toFixed(1)} ms, p95 ${server95.toFixed(1)} ms; ` +
        `every channel counted p95 ${counted95.toFixed(1)} ms; plain aggregate p95 ${sql95.toFixed(1)} ms`,
    );
    return [
      figure(
        `rollup: dashboard overview, ${units} units × ${options.tasksPerUnit} tasks: server time p95`,
        server95,
        "ms",
        {
          baseline: sql95,
          target: "≤ 3× one plain SQL aggregate",
          met: server95 <= 3 * sql95,
        },
      ),
      figure(
        `rollup: the same, right after every channel's tasks changed (every channel counted from its tasks)`,
        counted95,
        "ms",
        { baseline: sql95 },
      ),
      figure("rollup: dashboard overview page weight as served (gzip; HTML, CSS, scripts)", weightKb, "KB", {
        target: "≤ 300 KB",
        met: weightKb <= 300,
      }),
      figure("rollup: dashboard overview HTML before compression", rawHtmlKb, "KB"),
      figure("rollup: overview first contentful paint (headless chromium, median)", paint.dynamic, "ms", {
        baseline: paint.static,
        target: "≤ 2× the same bytes as a static page",
        met: paint.dynamic <= 2 * paint.static,
      }),
      ...mondayFigures,
    ];
  } finally {
    await stopMondayJobs(monday);
    await database.close();
    await db.drop();
  }
}
