// `npm run drill`: the fault drills of test/drills with bigger sizes and longer outages, one after another, then a
// summary table. `npm run drill -- --quick` runs the test-suite sizes. Needs PostgreSQL and Redis like `npm test`
// (started when down, as the test suite does); each drill uses its own schema, Redis prefix and processes.

import { runParserFuzz, runSlackFuzz, runZaloFuzz } from "../test/drills/bad-input-drill.js";
import { runCrossTenantDrill } from "../test/drills/cross-tenant-drill.js";
import { formatTable } from "../test/drills/drill-kit.js";
import { runPermissionProperty } from "../test/drills/permission-property.js";
import { createPermissionWorld } from "../test/drills/permission-world.js";
import { runPlatformOutageDrill } from "../test/drills/platform-outage-drill.js";
import { runPostgresOutageDrill } from "../test/drills/postgres-outage-drill.js";
import { runRedisLossDrill } from "../test/drills/redis-loss-drill.js";
import { runWebKillDrill } from "../test/drills/web-kill-drill.js";
import { runWorkerKillDrill } from "../test/drills/worker-kill-drill.js";
import ensureTestServices from "../test/setup/global-setup.js";

const quick = process.argv.includes("--quick");
const size = <T>(long: T, short: T): T => (quick ? short : long);

interface Drill {
  name: string;
  run(): Promise<Record<string, unknown>>;
  /** Why the result fails the drill; empty when it passes. */
  verdict(result: Record<string, unknown>): string[];
}

const check = (problems: string[], ok: boolean, problem: string) => (ok ? problems : [...problems, problem]);

const drills: Drill[] = [
  {
    name: "worker SIGKILL during ping burst",
    run: async () => ({
      ...(await runWorkerKillDrill(
        size(
          { slackChannels: 60, zaloChats: 30, spreadMs: 40_000, kills: 8, answerDelayMs: 400 },
          { slackChannels: 16, zaloChats: 8, spreadMs: 9_000, kills: 3, answerDelayMs: 400 },
        ),
      )),
    }),
    verdict: (r) => {
      let p: string[] = [];
      p = check(p, r.lost === 0, `${r.lost} pings lost`);
      p = check(p, r.slackDuplicates === 0, `${r.slackDuplicates} Slack duplicates`);
      p = check(p, Number(r.zaloDuplicates) <= Number(r.zaloInDoubtResendsCounted), "uncounted Zalo duplicates");
      return p;
    },
  },
  {
    name: "web SIGKILL while slash commands arrive",
    run: async () => ({
      ...(await runWebKillDrill(
        size(
          { commands: 1_200, ratePerSecond: 40, kills: 8, channels: 20 },
          { commands: 120, ratePerSecond: 20, kills: 2, channels: 6 },
        ),
      )),
    }),
    verdict: (r) => {
      let p: string[] = [];
      p = check(p, r.lost === 0, `${r.lost} acked commands lost`);
      p = check(p, r.duplicateTasks === 0, `${r.duplicateTasks} commands done twice`);
      p = check(p, r.duplicateReplies === 0, `${r.duplicateReplies} commands answered twice`);
      p = check(p, r.journalLeft === 0, `${r.journalLeft} requests left in the journal`);
      return p;
    },
  },
  {
    name: "Redis data lost (own redis-server)",
    run: async () => ({
      ...(await runRedisLossDrill(
        size({ tasks: 300, reconcileEveryMs: 3_000 }, { tasks: 12, reconcileEveryMs: 1_500 }),
      )),
    }),
    verdict: (r) => {
      let p: string[] = [];
      p = check(p, r.missingJobs === 0, `${r.missingJobs} planned pings without a job`);
      p = check(p, r.strayJobs === 0, `${r.strayJobs} stray jobs`);
      p = check(p, r.freshPingMessages === 1, "ping after the loss not sent exactly once");
      return p;
    },
  },
  {
    name: "PostgreSQL cut (TCP proxy)",
    run: async () => ({
      ...(await runPostgresOutageDrill(
        size(
          { slackChannels: 6, zaloChats: 4, commandsPerChannel: 12, pauseMs: 500, cutAfterMs: 2_000, outageMs: 5_000 },
          { slackChannels: 3, zaloChats: 2, commandsPerChannel: 6, pauseMs: 400, cutAfterMs: 1_500, outageMs: 2_000 },
        ),
      )),
    }),
    verdict: (r) => {
      let p: string[] = [];
      p = check(p, r.unanswered === 0, `${r.unanswered} commands unanswered`);
      p = check(p, r.halfWritten === 0, `${r.halfWritten} half-written tasks`);
      p = check(p, r.numberGaps === 0, `${r.numberGaps} channels with number gaps`);
      p = check(p, r.notOkBeforeCut === 0, `${r.notOkBeforeCut} commands failed while PostgreSQL was up`);
      return p;
    },
  },
  {
    name: "Slack/Zalo 429, 5xx, unreachable, lost answers",
    run: async () => ({
      ...(await runPlatformOutageDrill(
        size(
          {
            channelsPerPlatform: 6,
            messagesPerChannel: 6,
            failingCalls: 20,
            unreachableMs: 5_000,
            lostAnswersMs: 4_000,
            settleTimeoutMs: 240_000,
          },
          {
            channelsPerPlatform: 3,
            messagesPerChannel: 3,
            failingCalls: 6,
            unreachableMs: 2_000,
            lostAnswersMs: 2_500,
            settleTimeoutMs: 60_000,
          },
        ),
      )),
    }),
    verdict: (r) => {
      let p: string[] = [];
      p = check(p, r.unsettled === "", `unsettled: ${r.unsettled}`);
      p = check(p, r.lost === 0, `${r.lost} messages lost`);
      p = check(p, r.slackDuplicates === 0, `${r.slackDuplicates} Slack duplicates`);
      return p;
    },
  },
  ...(
    [
      ["bad input: parser", () => Promise.resolve(runParserFuzz({ numRuns: size(5_000, 400), hugeLength: 100_000 }))],
      ["bad input: Slack receiver", () => runSlackFuzz({ numRuns: size(500, 80) })],
      ["bad input: Zalo webhook", () => runZaloFuzz({ numRuns: size(500, 80) })],
    ] as const
  ).map(
    ([name, fuzz]): Drill => ({
      name,
      run: async () => ({ ...(await fuzz()) }),
      verdict: (r) => {
        let p: string[] = [];
        p = check(p, r.failures === 0, `counterexample ${r.counterexample}`);
        p = check(p, r.rowsWrittenByGarbage === 0, `${r.rowsWrittenByGarbage} rows written by garbage`);
        return p;
      },
    }),
  ),
  {
    name: "cross-tenant isolation",
    run: async () => ({
      ...(await runCrossTenantDrill(size({ numRuns: 100, maxCommands: 30 }, { numRuns: 10, maxCommands: 14 }))),
    }),
    verdict: (r) => {
      let p: string[] = [];
      p = check(p, r.foreignChanges === 0, `${r.foreignChanges} foreign changes`);
      p = check(p, r.foreignReads === 0, `${r.foreignReads} foreign reads`);
      return p;
    },
  },
  {
    name: "members without rights (issue 15)",
    run: async () => {
      const world = await createPermissionWorld("permissions-long");
      try {
        const options = size({ numRuns: 150, maxCommands: 30 }, { numRuns: 20, maxCommands: 15 });
        return { ...(await runPermissionProperty(world, options)) };
      } finally {
        await world.close();
      }
    },
    verdict: (r) => {
      let p: string[] = [];
      p = check(p, r.forbiddenChanges === 0, `${r.forbiddenChanges} forbidden changes: ${r.counterexample}`);
      p = check(p, Number(r.tasksCreated) > 0 && Number(r.ownPartsDone) > 0, "members could not create or finish");
      return p;
    },
  },
];

function figures(result: Record<string, unknown>): string {
  return Object.entries(result)
    .filter(([key, value]) => key !== "target" && value !== "" && value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
}

async function main(): Promise<void> {
  await ensureTestServices();
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const rows: Record<string, string | number>[] = [];
  let failed = 0;
  for (const drill of drills) {
    if (only.length > 0 && !only.some((word) => drill.name.toLowerCase().includes(word.toLowerCase()))) continue;
    const started = Date.now();
    process.stdout.write(`… ${drill.name}\n`);
    let verdict: string;
    let result: Record<string, unknown> = {};
    try {
      result = await drill.run();
      const problems = drill.verdict(result);
      verdict = problems.length === 0 ? "PASS" : `FAIL: ${problems.join("; ")}`;
    } catch (error) {
      verdict = `ERROR: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    }
    if (verdict !== "PASS") failed++;
    rows.push({
      drill: drill.name,
      verdict,
      seconds: Math.round((Date.now() - started) / 1000),
      figures: figures(result),
    });
    process.stdout.write(`  ${verdict} (${figures(result)})\n`);
  }
  process.stdout.write(`\nFault drills${quick ? " (--quick)" : ""}\n${formatTable(rows)}\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
