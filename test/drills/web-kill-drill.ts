// Drill: the web process is SIGKILLed at random moments while Slack slash commands arrive, and started again.
// Every command that was acked must end as exactly one task, answered on its response_url: acked means journaled,
// and a restarted instance takes over what the killed one had not finished. Commands sent while no process listens
// are not acked (Slack shows the user an error); they are counted, not lost.
import { randomBytes } from "node:crypto";
import { computeSlackSignature } from "../../src/platforms/slack/request-verification.js";
import { FakeSlackServer } from "../slack/fake-slack-server.js";
import { type SlackPost, slashCommand } from "../slack/slack-requests.js";
import {
  type Child,
  createDrillEnvironment,
  freePort,
  sleep,
  spawnTsChild,
  WEB_OPTIONS_ENV,
  WEB_READY,
  type WebChildOptions,
  waitUntil,
} from "./drill-kit.js";

export interface WebKillOptions {
  commands: number;
  ratePerSecond: number;
  kills: number;
  channels: number;
}

export interface WebKillResult {
  commands: number;
  acked: number;
  /** Refused or unanswered at the HTTP level while the process was down or dying: Slack shows an error. */
  notAcked: number;
  /** Not acked, yet journaled just before the kill and carried out after the restart. */
  doneThoughNotAcked: number;
  /** Acked commands with no task: the loss the journal exists to prevent. */
  lost: number;
  /** Acked commands whose task exists but whose reply never came (killed between the commit and the reply). */
  unanswered: number;
  duplicateTasks: number;
  duplicateReplies: number;
  journalLeft: number;
  kills: number;
  seconds: number;
}

const SECRET = "drill-web-signing-secret-0123456789";

export async function runWebKillDrill(options: WebKillOptions): Promise<WebKillResult> {
  const started = Date.now();
  const env = await createDrillEnvironment("webkill");
  try {
    const fake = await new FakeSlackServer().start();
    env.defer(() => fake.stop());
    fake.addUser({ id: "U0LAN", name: "Lan", tz: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
    fake.addUser({ id: "U0MINH", name: "Minh", tz: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
    const port = await freePort();
    const childOptions: WebChildOptions = {
      databaseUrl: env.databaseUrl,
      schema: env.schema,
      port,
      slackApiUrl: fake.apiUrl,
      signingSecret: SECRET,
    };
    const spawnWeb = () =>
      spawnTsChild("./web-child.ts", { [WEB_OPTIONS_ENV]: JSON.stringify(childOptions) }, WEB_READY);
    let child: Child = await spawnWeb();
    env.defer(() => child.kill());
    const url = `http://127.0.0.1:${port}/slack/events`;

    const sendingMs = (options.commands / options.ratePerSecond) * 1000;
    const killAt = Array.from({ length: options.kills }, () => sendingMs * (0.1 + 0.8 * Math.random())).sort(
      (a, b) => a - b,
    );
    const t0 = Date.now();
    const killer = (async () => {
      for (const at of killAt) {
        await sleep(Math.max(0, t0 + at - Date.now()));
        await child.kill("SIGKILL");
        await sleep(100 + Math.random() * 300);
        child = await spawnWeb();
      }
    })();

    const title = (i: number) => `kiểm tra hồ sơ HS${i}X`;
    const acked = new Set<number>();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < options.commands; i++) {
      await sleep(Math.max(0, t0 + (i * 1000) / options.ratePerSecond - Date.now()));
      const post = slashCommand({
        command: "/viec",
        text: `giao <@U0MINH> ${title(i)}`,
        responseUrl: fake.responseUrl(`w-${i}`),
        channel_id: `C0WEB${i % options.channels}`,
        trigger_id: `${i}.${randomBytes(4).toString("hex")}`,
      });
      sends.push(
        postSignedOnce(url, SECRET, post, 5_000).then((status) => {
          if (status === 200) acked.add(i);
        }),
      );
    }
    await Promise.all(sends);
    await killer;

    const answered = (i: number) => fake.responsesTo(`w-${i}`).length > 0;
    await waitUntil(() => [...acked].every(answered), 60_000, "every acked command answered").catch(() => undefined);
    await sleep(1_500);

    const tasks = await env.prisma.task.findMany({ select: { title: true } });
    const perTitle = new Map<string, number>();
    for (const task of tasks) perTitle.set(task.title, (perTitle.get(task.title) ?? 0) + 1);
    const all = Array.from({ length: options.commands }, (_, i) => i);
    const hasTask = (i: number) => (perTitle.get(title(i)) ?? 0) > 0;
    const journalLeft = await env.db.priorityLane.query(`SELECT 1 FROM "InboundRequest"`);
    return {
      commands: options.commands,
      acked: acked.size,
      notAcked: options.commands - acked.size,
      doneThoughNotAcked: all.filter((i) => !acked.has(i) && hasTask(i)).length,
      lost: [...acked].filter((i) => !hasTask(i)).length,
      unanswered: [...acked].filter((i) => hasTask(i) && !answered(i)).length,
      duplicateTasks: [...perTitle.values()].filter((n) => n > 1).length,
      duplicateReplies: all.filter((i) => fake.responsesTo(`w-${i}`).length > 1).length,
      journalLeft: journalLeft.length,
      kills: options.kills,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await env.close();
  }
}

/** POSTs a signed Slack request once, no retries; resolves with the status, or 0 when no answer came in time. */
async function postSignedOnce(url: string, secret: string, request: SlackPost, timeoutMs: number): Promise<number> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": request.contentType,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": computeSlackSignature(secret, timestamp, request.body),
      },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
