/**
 * `npx tsx bench/command-cost.ts [--n 300] [--sql]`: what one command costs the bot core in steady state (channels
 * and people already known), in SQL statements and in CPU of this process. Not part of `npm run bench` nor the tests.
 *
 * It drives Slack-shaped messages (`giao @U… nộp báo cáo trước 17h thứ 6 tuần sau`, then `việc của tôi` from
 * assignees, `tình hình` (the channel's status counts), then `xong #N` by the assignee) one at a time through `createAppBot` with the real task and directory services on a fresh
 * PostgreSQL database (as bench/lib/env.ts makes them), without Redis or the ping scheduler. Statements are counted
 * by wrapping `pg.Client.prototype.query` (every statement Prisma's adapter sends, BEGIN and COMMIT included); CPU is
 * `process.cpuUsage()` (user + system) over the phase, divided by the commands in it. `--sql` prints the statements
 * of the last command of each phase.
 */
import pg from "pg";
import { createAppBot } from "../src/app-bot.js";
import type { IncomingMessage } from "../src/core/incoming.js";
import { createDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logger.js";
import { createDirectoryService } from "../src/services/directory-service.js";
import { createQuestionService } from "../src/services/question-service.js";
import { createTaskService } from "../src/services/task-service.js";
import { createBenchDatabase } from "./lib/env.js";

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(argValue("--n") ?? 300);
const showSql = args.includes("--sql");
const CHANNELS = 10;
const USERS = 40;
const TIMEZONE = "Asia/Ho_Chi_Minh";

/** Every statement any pg client sends, in order (cleared per command when `--sql`). */
let statements = 0;
let lastSql: string[] = [];
const originalQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function query(
  this: pg.Client,
  ...queryArgs: unknown[]
) {
  statements++;
  if (showSql) {
    const first = queryArgs[0] as string | { text?: string };
    lastSql.push(typeof first === "string" ? first : (first?.text ?? "?"));
  }
  return originalQuery.apply(this, queryArgs);
};
let overlappingQueries = 0;
process.on("warning", (warning) => {
  if (warning.message.includes("already executing a query")) overlappingQueries++;
});

const userId = (n: number) => `U0B${String(n % USERS).padStart(5, "0")}`;
const person = (n: number) => ({
  externalId: userId(n),
  displayName: `Người ${n % USERS}`,
  timezone: TIMEZONE,
  locale: "vi" as const,
});
let eventSequence = 0;

function message(channel: number, sender: number, text: string, mentioned?: number): IncomingMessage {
  eventSequence++;
  return {
    platform: "slack",
    workspace: { externalId: "T0001" },
    channel: { externalId: `CL${String(channel).padStart(5, "0")}`, name: `kenh-${channel}`, isPrivateChat: false },
    sender: { ...person(sender), isWorkspaceAdmin: false, privateChatId: userId(sender) },
    text,
    mentions: mentioned === undefined ? [] : [{ token: userId(mentioned), ...person(mentioned) }],
    eventId: `trigger.${process.pid}.${eventSequence}`,
    sentAt: new Date(),
    messageRef: `m${eventSequence}`,
  };
}

const database = await createBenchDatabase("cost");
const db = await createDatabase({ databaseUrl: database.url, dataDir: "unused" });
try {
  const logger = createLogger("silent");
  const services = {
    tasks: createTaskService({ prisma: db.prisma, logger }),
    directory: createDirectoryService({ prisma: db.prisma, defaults: { locale: "vi", timezone: TIMEZONE } }),
    questions: createQuestionService({ prisma: db.prisma }),
  };
  const bot = createAppBot({ services, logger });

  /** The tasks created by `giao`, to be finished by `xong`: channel, number, assignee. */
  const created: { channel: number; number: number; assignee: number }[] = [];
  const giao = (i: number) => {
    const channel = i % CHANNELS;
    const assignee = (i * 7 + 3) % USERS;
    return async () => {
      const [reply] = await bot.handle(
        message(channel, i, `giao @${userId(assignee)} nộp báo cáo trước 17h thứ 6 tuần sau`, assignee),
      );
      const number = reply?.tasks?.[0]?.number;
      if (number === undefined) throw new Error(`giao got no task: ${reply?.text}`);
      created.push({ channel, number, assignee });
    };
  };
  const xong = () => {
    const task = created.shift();
    if (!task) throw new Error("no task left to finish");
    return async () => {
      const [reply] = await bot.handle(message(task.channel, task.assignee, `xong #${task.number}`));
      if (!reply || reply.isError) throw new Error(`xong failed: ${reply?.text}`);
    };
  };
  /** "My tasks" from the assignee of the i-th task still open, in its channel (so the list is not empty). */
  const list = (i: number) => {
    const task = created[i % created.length];
    if (!task) throw new Error("no task to list");
    return async () => {
      const [reply] = await bot.handle(message(task.channel, task.assignee, "việc của tôi"));
      if (!reply || reply.isError || !reply.tasks?.length) throw new Error(`list failed: ${reply?.text}`);
      listed += reply.tasks.length;
    };
  };
  let listed = 0;
  /** "Status" of a channel with open tasks, asked by someone in it. */
  const status = (i: number) => {
    const task = created[i % created.length];
    if (!task) throw new Error("no task for the status");
    return async () => {
      const [reply] = await bot.handle(message(task.channel, i, "tình hình"));
      if (!reply || reply.isError) throw new Error(`status failed: ${reply?.text}`);
    };
  };

  async function phase(name: string, count: number, make: (i: number) => () => Promise<void>) {
    const runs = Array.from({ length: count }, (_, i) => make(i));
    const statementsBefore = statements;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (const run of runs) {
      lastSql = [];
      await run();
    }
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - started;
    return {
      name,
      count,
      statements: (statements - statementsBefore) / count,
      cpuMs: (cpu.user + cpu.system) / 1000 / count,
      wallMs: wall / count,
      sql: [...lastSql],
    };
  }

  // Warm-up: every channel and person known to the database and the process, the JIT warm.
  for (let i = 0; i < USERS * 2; i++) await giao(i)();
  for (let i = 0; i < USERS; i++) await list(i)();
  for (let i = 0; i < USERS; i++) await xong()();
  for (let i = 0; i < 200; i++) await giao(i)();
  for (let i = 0; i < 100; i++) await list(i)();
  for (let i = 0; i < 100; i++) await status(i)();
  while (created.length > 0) await xong()();
  listed = 0;

  // "list" runs between them, while the tasks just given are open: each list shows a few.
  const results = [
    await phase("giao", N, giao),
    await phase("list", N, list),
    await phase("status", N, status),
    await phase("xong", N, () => xong()),
  ];
  console.log(`commands one at a time, steady state, ${N} each (node ${process.version}, pid ${process.pid})`);
  console.log("command  statements/cmd  cpu ms/cmd  wall ms/cmd");
  for (const r of results) {
    console.log(
      `${r.name.padEnd(8)} ${r.statements.toFixed(1).padStart(14)} ${r.cpuMs.toFixed(2).padStart(11)} ${r.wallMs
        .toFixed(2)
        .padStart(12)}`,
    );
  }
  console.log(`(each list showed ${(listed / N).toFixed(1)} tasks on average)`);
  if (overlappingQueries > 0) console.log(`pg warned of overlapping queries on one connection: ${overlappingQueries}`);
  if (showSql) {
    for (const r of results) {
      console.log(`\n-- ${r.name}: the statements of its last command`);
      for (const sql of r.sql) console.log(`${sql.replace(/\s+/g, " ").slice(0, 220)}`);
    }
  }
} finally {
  await db.close();
  await database.drop();
}
