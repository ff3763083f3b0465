/**
 * Bulk seeding with plain SQL (generate_series), so 100,000 tasks take seconds instead of going one by one through
 * the task service. Rows match what the service writes: a Slack workspace, members, channels with their next task
 * number, tasks with one assignee each and, for the pings scenario, the at-deadline ping row of every task.
 */
import pg from "pg";

export interface SeedOptions {
  channels: number;
  tasksPerChannel: number;
  /** Members of the workspace; tasks are spread over them. Default 20. */
  members?: number;
  /**
   * How deadlines and statuses are laid out:
   * - `pings`: all open; every tenth task due at `rushAt`, the rest spread uniformly over [spreadFrom, +spreadMs);
   * - `mixed`: a quarter done last week, a quarter overdue, a quarter due this week, a quarter later (summaries);
   * - `future`: all open, due 1 to 30 days ahead (memory).
   */
  layout: { kind: "pings"; rushAt: Date; spreadFrom: Date; spreadMs: number } | { kind: "mixed" } | { kind: "future" };
  /** Also insert each open task's at-deadline ping row (status planned). */
  withDeadlinePings?: boolean;
}

const DUE = {
  pings: `CASE WHEN t % 10 = 0 THEN $1::timestamptz
          ELSE $2::timestamptz + (random() * $3::float8) * interval '1 millisecond' END`,
  mixed: `CASE t % 4 WHEN 0 THEN now() - interval '6 days' - random() * interval '2 days'
          WHEN 1 THEN now() - interval '1 day' - random() * interval '5 days'
          WHEN 2 THEN now() + interval '1 hour' + random() * interval '5 days'
          ELSE now() + interval '10 days' + random() * interval '20 days' END`,
  future: `now() + interval '1 day' + random() * interval '29 days'`,
};

/** Seeds the database at `url` (already migrated); returns the number of tasks. */
export async function seedTasks(url: string, options: SeedOptions): Promise<number> {
  const members = options.members ?? 20;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const ws = await client.query<{ id: string }>(
      `INSERT INTO "Workspace"(id, platform, "externalId", name) VALUES (gen_random_uuid(), 'slack', 'TBENCH', 'bench')
       RETURNING id`,
    );
    const workspaceId = ws.rows[0]?.id;
    await client.query(
      `INSERT INTO "Member"(id, "workspaceId", "externalId", "displayName", "normalizedName", "updatedAt")
       SELECT gen_random_uuid(), $1, 'UB' || lpad(g::text, 6, '0'), 'Người ' || g, 'nguoi ' || g, now()
       FROM generate_series(1, $2::int) g`,
      [workspaceId, members],
    );
    await client.query(
      `INSERT INTO "Channel"(id, "workspaceId", "externalId", name, "nextTaskNumber", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'CB' || lpad(g::text, 6, '0'), 'kenh-' || g, $2::int + 1,
              now() - interval '30 days', now()
       FROM generate_series(1, $3::int) g`,
      [workspaceId, options.tasksPerChannel, options.channels],
    );
    const layout = options.layout;
    const params: unknown[] = [];
    if (layout.kind === "pings") params.push(layout.rushAt, layout.spreadFrom, layout.spreadMs);
    const n = params.length;
    const status = layout.kind === "mixed" ? `CASE WHEN t % 4 = 0 THEN 'done' ELSE 'open' END::"TaskStatus"` : `'open'`;
    const closedAt =
      layout.kind === "mixed" ? `CASE WHEN t % 4 = 0 THEN now() - random() * interval '6 days' END` : "NULL";
    await client.query(
      `WITH ch AS (SELECT id, row_number() OVER (ORDER BY "externalId") AS cn FROM "Channel"),
            mem AS (SELECT id, row_number() OVER (ORDER BY "externalId") AS mn FROM "Member")
       INSERT INTO "Task"(id, "channelId", number, title, "creatorId", "dueAt", "dueHasTime", status, "closedAt",
                          "createdAt", "updatedAt")
       SELECT gen_random_uuid(), ch.id, t, 'nộp báo cáo quy hoạch số ' || t, mem.id, ${DUE[layout.kind]}, true,
              ${status}, ${closedAt}, now() - interval '14 days', now()
       FROM ch CROSS JOIN generate_series(1, $${n + 1}::int) t
       JOIN mem ON mem.mn = 1 + ((ch.cn + t) % $${n + 2}::int)`,
      [...params, options.tasksPerChannel, members],
    );
    await client.query(
      `WITH mem AS (SELECT id, row_number() OVER (ORDER BY "externalId") AS mn FROM "Member")
       INSERT INTO "TaskAssignee"("taskId", "memberId", "doneAt")
       SELECT t.id, mem.id, t."closedAt" FROM "Task" t JOIN mem ON mem.mn = 1 + ((t.number * 7) % $1::int)`,
      [members],
    );
    if (options.withDeadlinePings) {
      await client.query(
        `INSERT INTO "Ping"(id, "taskId", kind, "fireAt", "updatedAt")
         SELECT gen_random_uuid(), id, 'at_deadline', "dueAt", now() FROM "Task"
         WHERE status = 'open' AND "dueAt" IS NOT NULL`,
      );
    }
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return options.channels * options.tasksPerChannel;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
