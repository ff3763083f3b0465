// Drill: PostgreSQL goes away (a TCP proxy between the app and the shared server is cut) while Slack and Zalo commands
// keep arriving. Every command gets either its normal answer or the polite "try again" (AppError
// database_unavailable → the adapters' BUSY text, seen on the fake servers); nothing is half-written (every task has
// its "created" history row, numbers have no gap, tasks = successful answers); and after the proxy is back the same
// bot, never restarted, works again.
import { createAppBot } from "../../src/app-bot.js";
// One busy answer for every platform; the drills keep a name per platform for what they read back.
import { BUSY_TEXT as SLACK_BUSY_TEXT, BUSY_TEXT as ZALO_BUSY_TEXT } from "../../src/core/answer-or-busy.js";
import { createDatabase, memoryDataDir } from "../../src/db/client.js";
import { createDirectoryService } from "../../src/services/directory-service.js";
import { createInboundJournal } from "../../src/services/inbound-journal.js";
import { createQuestionService } from "../../src/services/question-service.js";
import { createTaskService } from "../../src/services/task-service.js";
import { TcpProxy } from "../jobs/tcp-proxy.js";
import { startSlackHarness } from "../slack/slack-harness.js";
import { slashCommand } from "../slack/slack-requests.js";
import { textUpdate } from "../zalo/fixtures.js";
import { startHarness, WEBHOOK_SECRET } from "../zalo/harness.js";
import { createDrillEnvironment, quietLogger, sleep, waitUntil } from "./drill-kit.js";

export interface PostgresOutageOptions {
  slackChannels: number;
  zaloChats: number;
  /** Commands each channel sends one after another, before, during and after the outage. */
  commandsPerChannel: number;
  /** Pause between two commands of one channel, in ms. */
  pauseMs: number;
  /** When the proxy is cut, after the first command, and for how long, in ms. */
  cutAfterMs: number;
  outageMs: number;
}

export interface PostgresOutageResult {
  commands: number;
  answeredOk: number;
  answeredTryAgain: number;
  /** Commands with neither answer (lost or an unexpected reply). */
  unanswered: number;
  /** Commands sent and answered while PostgreSQL was up that did not succeed (e.g. first messages racing). */
  notOkBeforeCut: number;
  okAfterRecovery: number;
  tasks: number;
  /** Tasks without their "created" history row. */
  halfWritten: number;
  /** Channels whose task numbers are not exactly 1..n, or whose next number is not n+1. */
  numberGaps: number;
  /**
   * Tasks written although the user was told to try again: the connection broke while the COMMIT itself was in
   * flight, so the server kept the task but its acknowledgement was lost (the task service reads its answer inside
   * the transaction, so nothing after the commit can fail). A manual retry then makes a second task. Counted, not
   * hidden: no client can tell such a commit from a failed one.
   */
  writtenButToldToRetry: number;
}

type Outcome = "ok" | "busy" | "none";

export async function runPostgresOutageDrill(options: PostgresOutageOptions): Promise<PostgresOutageResult> {
  const env = await createDrillEnvironment("pg-outage");
  try {
    const upstream = new URL(env.databaseUrl);
    const proxy = new TcpProxy(upstream.hostname, Number(upstream.port || 5432));
    await proxy.start();
    env.defer(() => proxy.stop());
    const proxied = new URL(env.databaseUrl);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    const appDb = await createDatabase({ databaseUrl: proxied.toString(), schema: env.schema, dataDir: memoryDataDir });
    env.defer(() => appDb.close());
    const services = {
      tasks: createTaskService({ prisma: appDb.prisma, logger: quietLogger }),
      directory: createDirectoryService({
        prisma: appDb.prisma,
        defaults: { locale: "vi", timezone: "Asia/Ho_Chi_Minh" },
      }),
      questions: createQuestionService({ prisma: appDb.prisma }),
    };
    const bot = createAppBot({ services, logger: quietLogger });
    // As in the app, requests are journaled before their ack, through the same cut proxy.
    const journal = createInboundJournal(appDb.priorityLane);
    const slack = await startSlackHarness({ bot, prisma: appDb.prisma, journal });
    env.defer(() => slack.close());
    const zalo = await startHarness({ bot, secret: WEBHOOK_SECRET, journal });
    env.defer(() => zalo.close());

    let cut = false;
    let outageOver = false;
    let sequence = 0;
    const slackCommand = async (channel: string, text: string): Promise<Outcome> => {
      const id = `${channel}-${++sequence}`;
      const response = await slack.post(
        slashCommand({ command: "/viec", text, responseUrl: slack.fake.responseUrl(id), channel_id: channel }),
      );
      if (response.status !== 200) return "none";
      await waitUntil(() => slack.fake.responsesTo(id).length > 0, 20_000, `answer to ${id}`, 25).catch(
        () => undefined,
      );
      const answer = JSON.stringify(slack.fake.responsesTo(id));
      return answer.includes(SLACK_BUSY_TEXT) ? "busy" : /#\d+/.test(answer) ? "ok" : "none";
    };
    const zaloCommand = async (chat: string, text: string): Promise<Outcome> => {
      const before = zalo.zalo.sentTexts(chat).length;
      const update = textUpdate(text, { fromId: chat, messageId: `${chat}-${++sequence}` });
      const response = await fetch(`${zalo.baseUrl}/zalo/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": WEBHOOK_SECRET },
        body: JSON.stringify(update),
      });
      if (response.status !== 200) return "none";
      await zalo.adapter.whenIdle();
      await waitUntil(() => zalo.zalo.sentTexts(chat).length > before, 20_000, `answer in ${chat}`, 25).catch(
        () => undefined,
      );
      const answer = zalo.zalo.sentTexts(chat).slice(before).join("\n");
      return answer.includes(ZALO_BUSY_TEXT) ? "busy" : /#\d+/.test(answer) ? "ok" : "none";
    };

    const outcomes: { channel: string; outcome: Outcome; afterRecovery: boolean; beforeCut?: boolean }[] = [];
    const runChannel = async (channel: string, send: (channel: string, text: string) => Promise<Outcome>) => {
      for (let i = 1; i <= options.commandsPerChannel; i++) {
        const afterRecovery = outageOver;
        const beforeCut = !cut;
        const outcome = await send(channel, `${channel.startsWith("C") ? "" : "/viec "}them Việc ${channel} số ${i}`);
        outcomes.push({ channel, outcome, afterRecovery, beforeCut: beforeCut && !cut });
        await sleep(Math.floor(Math.random() * options.pauseMs));
      }
    };
    const slackChannels = Array.from({ length: options.slackChannels }, (_, i) => `C0PGDRILL${i + 1}`);
    const zaloChats = Array.from({ length: options.zaloChats }, (_, i) => `pg-drill-chat-${i + 1}`);
    const outage = (async () => {
      await sleep(options.cutAfterMs);
      cut = true;
      await proxy.stop();
      await sleep(options.outageMs);
      await proxy.start();
      outageOver = true;
    })();
    await Promise.all([
      ...slackChannels.map((c) => runChannel(c, slackCommand)),
      ...zaloChats.map((c) => runChannel(c, zaloCommand)),
      outage,
    ]);
    // And after the outage, one more command per channel, which must work.
    for (const channel of [...slackChannels, ...zaloChats]) {
      const send = channel.startsWith("C") ? slackCommand : zaloCommand;
      outcomes.push({
        channel,
        outcome: await send(channel, `${channel.startsWith("C") ? "" : "/viec "}them Sau sự cố ${channel}`),
        afterRecovery: true,
      });
    }

    const channels = await env.prisma.channel.findMany({
      select: {
        externalId: true,
        nextTaskNumber: true,
        tasks: { select: { number: true, events: { where: { action: "created" }, select: { id: true } } } },
      },
    });
    let halfWritten = 0;
    let numberGaps = 0;
    let tasks = 0;
    let writtenButToldToRetry = 0;
    for (const channel of channels) {
      const numbers = channel.tasks.map((t) => t.number).sort((a, b) => a - b);
      tasks += numbers.length;
      halfWritten += channel.tasks.filter((t) => t.events.length !== 1).length;
      if (numbers.some((n, i) => n !== i + 1) || channel.nextTaskNumber !== numbers.length + 1) numberGaps++;
      const ok = outcomes.filter((o) => o.channel === channel.externalId && o.outcome === "ok").length;
      writtenButToldToRetry += Math.max(0, numbers.length - ok);
    }
    return {
      commands: outcomes.length,
      answeredOk: outcomes.filter((o) => o.outcome === "ok").length,
      answeredTryAgain: outcomes.filter((o) => o.outcome === "busy").length,
      unanswered: outcomes.filter((o) => o.outcome === "none").length,
      notOkBeforeCut: outcomes.filter((o) => o.beforeCut && o.outcome !== "ok").length,
      okAfterRecovery: outcomes.filter((o) => o.afterRecovery && o.outcome === "ok").length,
      tasks,
      halfWritten,
      numberGaps,
      writtenButToldToRetry,
    };
  } finally {
    await env.close();
  }
}
